package io.inflow.analytics.common;

/** Influencer tiers by follower count: nano &lt;10k, micro 10k–100k, mid 100k–500k, macro 500k–1M, mega ≥1M. */
public enum Tier {
  NANO, MICRO, MID, MACRO, MEGA;

  public static Tier of(long followers) {
    if (followers < 10_000) return NANO;
    if (followers < 100_000) return MICRO;
    if (followers < 500_000) return MID;
    if (followers < 1_000_000) return MACRO;
    return MEGA;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
