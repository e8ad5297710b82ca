package io.inflow.load;

import io.inflow.analytics.common.Tier;
import io.inflow.protocol.event.Platform;

/**
 * Typical organic post performance by platform and tier, as public industry benchmarks describe it
 * (engagement rate by followers falls with tier; TikTok above Instagram; YouTube counted in views):
 * Instagram nano ≈ 5%, micro ≈ 3%, mid ≈ 2%, macro ≈ 1.3%, mega ≈ 1%; TikTok ≈ 12% nano to ≈ 3.5%
 * mega; YouTube and Facebook around 0.3–1.5%. Every rate is a median; influencers and posts spread
 * around it (log-normal).
 */
public final class Norms {

  private Norms() {}

  /** Views of a post per follower, by tier (nano … mega). */
  private static final double[][] VIEWS_PER_FOLLOWER = {
      {0.40, 0.33, 0.27, 0.22, 0.18}, // instagram
      {1.50, 1.00, 0.70, 0.55, 0.45}, // tiktok
      {0.25, 0.18, 0.12, 0.09, 0.07}, // youtube
      {0.12, 0.10, 0.08, 0.07, 0.06}, // facebook
  };

  /** Likes per view, by tier. */
  private static final double[][] LIKES_PER_VIEW = {
      {0.125, 0.088, 0.068, 0.058, 0.054},
      {0.080, 0.078, 0.076, 0.075, 0.074},
      {0.045, 0.042, 0.040, 0.038, 0.036},
      {0.060, 0.055, 0.050, 0.048, 0.045},
  };

  /** Comments per like, by tier (small accounts talk with their fans more). */
  private static final double[] COMMENTS_PER_LIKE = {0.07, 0.05, 0.035, 0.03, 0.025};

  public static double viewsPerFollower(Platform platform, Tier tier) {
    return VIEWS_PER_FOLLOWER[row(platform)][tier.ordinal()];
  }

  public static double likesPerView(Platform platform, Tier tier) {
    return LIKES_PER_VIEW[row(platform)][tier.ordinal()];
  }

  public static double commentsPerLike(Tier tier) {
    return COMMENTS_PER_LIKE[tier.ordinal()];
  }

  /** A log-normal factor with mean 1: e^(σ·N(0,1) − σ²/2). Spreads every rate above around its median. */
  public static double logNormal(java.util.random.RandomGenerator random, double sigma) {
    return Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
  }

  /** Spread (σ of the log) of views from post to post: TikTok's algorithm is the least predictable. */
  public static double viewsSpread(Platform platform) {
    return platform == Platform.TIKTOK ? 0.6 : 0.35;
  }

  /**
   * Time constant in hours of how a post's counters saturate: most engagement comes in the first
   * hours, nearly all within three days; YouTube videos keep being found for longer.
   */
  public static double saturationHours(Platform platform) {
    return switch (platform) {
      case YOUTUBE -> 30;
      case TIKTOK -> 14;
      default -> 10;
    };
  }

  /** Local (Polish, UTC+1) hour-of-day weights of activity: quiet at night, peak in the evening. */
  public static final double[] HOUR_WEIGHTS = {
      2, 1, 0.6, 0.4, 0.4, 0.6, 1.2, 2.5, 3.5, 3.5, 3.5, 3.8, 4.2, 4, 3.8, 3.8, 4, 4.5, 5.5, 6.5, 7, 6.5, 5, 3.5};

  public static final double MAX_HOUR_WEIGHT = 7;

  private static int row(Platform platform) {
    return switch (platform) {
      case TIKTOK -> 1;
      case YOUTUBE -> 2;
      case FACEBOOK -> 3;
      default -> 0;
    };
  }
}
