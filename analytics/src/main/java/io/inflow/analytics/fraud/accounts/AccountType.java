package io.inflow.analytics.fraud.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a sampled follower account looks like: a real person, a mass follower, or suspicious (bot or bought). */
public enum AccountType {
  @JsonProperty("real") REAL,
  @JsonProperty("mass_follower") MASS_FOLLOWER,
  @JsonProperty("suspicious") SUSPICIOUS;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
