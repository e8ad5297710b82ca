package io.inflow.analytics.fraud.accounts;

/**
 * One account's classification: {@code suspiciousProbability} is the model's probability that the
 * account is not a real person (0–1); {@code type} applies the mass-follower rule and the threshold.
 */
public record AccountVerdict(String accountId, AccountType type, double suspiciousProbability) {}
