package io.inflow.analytics.common;

import java.math.BigDecimal;
import java.math.MathContext;

/** Engagement-rate formulas shared by influencers and campaigns. */
public final class EngagementRates {
  private static final MathContext PRECISION = MathContext.DECIMAL64;

  private EngagementRates() {}

  /**
   * ER by followers = (engagements ÷ posts) ÷ followers: the average post's engagements per follower.
   * Null when there are no posts with counters or no followers.
   */
  public static BigDecimal byFollowers(long engagements, long postsWithMetrics, long followers) {
    if (postsWithMetrics <= 0 || followers <= 0) return null;
    return BigDecimal.valueOf(engagements)
        .divide(BigDecimal.valueOf(postsWithMetrics), PRECISION)
        .divide(BigDecimal.valueOf(followers), PRECISION)
        .round(new MathContext(6));
  }
}
