package io.inflow.protocol.api;

import java.math.BigDecimal;

/**
 * Follower growth over the last 7 and 30 days (whole hours ending with the current one). A rate is
 * the change ÷ the followers at the window's start (current followers − change); null when that is
 * not positive.
 */
public record FollowerGrowth(long change7d, BigDecimal rate7d, long change30d, BigDecimal rate30d) {}
