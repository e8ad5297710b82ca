package io.inflow.analytics.fraud;

import io.inflow.analytics.common.Tier;
import io.inflow.protocol.event.Platform;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Weights, thresholds and norms of the fraud score ({@code inflow.fraud.*} in a node's configuration).
 * Each signal adds up to its {@code weight} points: nothing at or below {@code threshold}, its whole
 * weight at {@code full}, linearly in between (for two-sided signals the threshold is the edge of the
 * normal range and {@code full} the factor beyond it at which the whole weight counts). The score is
 * the sum, capped at 100; {@code medium} and {@code high} are the levels' lower bounds.
 *
 * @param norms what is normal per tier (engagement rate range, daily follower growth, audience)
 * @param platformEngagement engagement-rate factor per platform against the tier norms (e.g. TikTok
 *     engages more per follower than Instagram, YouTube less); 1 when absent
 */
public record FraudSettings(
    double medium,
    double high,
    Map<Signal, SignalSettings> signals,
    Map<Tier, TierNorms> norms,
    Map<Platform, Double> platformEngagement,
    Ratios ratios) {

  /** One signal's weight (points) and where it starts and reaches its full weight. */
  public record SignalSettings(double weight, double threshold, double full) {
    public SignalSettings {
      if (!(weight >= 0 && weight <= 100)) throw new IllegalArgumentException("weight must be within 0..100, got " + weight);
      if (!(full > threshold)) throw new IllegalArgumentException("full (" + full + ") must be above threshold (" + threshold + ")");
    }

    /** 0 at or below the threshold, 1 at or above full, linear in between. */
    public double severity(double value) {
      if (Double.isNaN(value) || value <= threshold) return 0;
      return Math.min(1, (value - threshold) / (full - threshold));
    }
  }

  /**
   * What is normal in one tier.
   *
   * @param engagementLow lowest normal engagement rate by followers (likes + comments ÷ followers)
   * @param engagementTypical a typical rate (reported as the baseline)
   * @param engagementHigh highest normal rate
   * @param dailyGrowth the 99th percentile of one day's follower gain (share of followers): a larger
   *     gain happens on under 1% of days
   * @param suspiciousAudience the usual share of suspicious and mass-follower accounts in an audience
   */
  public record TierNorms(double engagementLow, double engagementTypical, double engagementHigh,
      double dailyGrowth, double suspiciousAudience) {
    public TierNorms {
      if (!(engagementLow > 0 && engagementLow < engagementTypical && engagementTypical < engagementHigh)) {
        throw new IllegalArgumentException("engagement norms must satisfy 0 < low < typical < high");
      }
      if (!(dailyGrowth > 0)) throw new IllegalArgumentException("daily-growth must be positive");
      if (!(suspiciousAudience >= 0 && suspiciousAudience < 1)) throw new IllegalArgumentException("suspicious-audience must be within 0..1");
    }
  }

  /** Normal ranges of the ratio checks and the minimum data before a signal is judged. */
  public record Ratios(double likesPerCommentLow, double likesPerCommentHigh, double likesPerViewLow,
      double likesPerViewHigh, int minComments, int minAudienceSample, int recentPosts) {
    public Ratios {
      if (!(likesPerCommentLow > 0 && likesPerCommentLow < likesPerCommentHigh)) {
        throw new IllegalArgumentException("likes-per-comment range must satisfy 0 < low < high");
      }
      if (!(likesPerViewLow > 0 && likesPerViewLow < likesPerViewHigh)) {
        throw new IllegalArgumentException("likes-per-view range must satisfy 0 < low < high");
      }
      if (minComments < 1 || minAudienceSample < 1 || recentPosts < 1) {
        throw new IllegalArgumentException("min-comments, min-audience-sample and recent-posts must be positive");
      }
    }
  }

  public FraudSettings {
    if (!(medium > 0 && medium < high && high <= 100)) {
      throw new IllegalArgumentException("levels must satisfy 0 < medium < high <= 100");
    }
    signals = Map.copyOf(signals);
    norms = Map.copyOf(norms);
    platformEngagement = Map.copyOf(platformEngagement);
    Objects.requireNonNull(ratios, "ratios");
    for (Signal s : Signal.values()) {
      if (!signals.containsKey(s)) throw new IllegalArgumentException("no settings for signal " + s.configName());
    }
    for (Tier t : Tier.values()) {
      if (!norms.containsKey(t)) throw new IllegalArgumentException("no norms for tier " + t.wireName());
    }
  }

  public SignalSettings signal(Signal s) {
    return signals.get(s);
  }

  public TierNorms norms(Tier tier) {
    return norms.get(tier);
  }

  /** The engagement factor of a platform (1 when unknown or not configured). */
  public double engagementFactor(Platform platform) {
    return platform == null ? 1 : platformEngagement.getOrDefault(platform, 1.0);
  }

  /**
   * The built-in settings (the README's fraud section prints them). Engagement norms follow the
   * ranges published in influencer-marketing benchmark reports for Instagram (rates fall as audiences
   * grow); growth norms are deliberately generous so a busy day is not a signal.
   */
  public static FraudSettings defaults() {
    Map<Signal, SignalSettings> signals = new EnumMap<>(Signal.class);
    signals.put(Signal.FOLLOWER_GROWTH, new SignalSettings(60, 1, 4));
    signals.put(Signal.FOLLOWING_CHURN, new SignalSettings(55, 1, 4));
    signals.put(Signal.ENGAGEMENT_RATE, new SignalSettings(45, 1, 3));
    signals.put(Signal.LIKE_COMMENT_RATIO, new SignalSettings(35, 1, 3));
    signals.put(Signal.LIKE_VIEW_RATIO, new SignalSettings(40, 1, 3));
    signals.put(Signal.VIEW_BURSTS, new SignalSettings(55, 0.1, 0.35));
    signals.put(Signal.LIKE_BURSTS, new SignalSettings(55, 0.1, 0.35));
    signals.put(Signal.COMMENT_AUTHENTICITY, new SignalSettings(55, 0.42, 0.65));
    signals.put(Signal.COMMENTER_ORDER, new SignalSettings(45, 0.08, 0.35));
    signals.put(Signal.AUDIENCE_QUALITY, new SignalSettings(55, 1, 2));
    signals.put(Signal.COORDINATED_ENGAGEMENT, new SignalSettings(60, 1, 5));
    Map<Tier, TierNorms> norms = new EnumMap<>(Tier.class);
    norms.put(Tier.NANO, new TierNorms(0.015, 0.05, 0.14, 0.05, 0.25));
    norms.put(Tier.MICRO, new TierNorms(0.01, 0.035, 0.10, 0.03, 0.25));
    norms.put(Tier.MID, new TierNorms(0.007, 0.025, 0.08, 0.02, 0.28));
    norms.put(Tier.MACRO, new TierNorms(0.005, 0.02, 0.06, 0.015, 0.30));
    norms.put(Tier.MEGA, new TierNorms(0.003, 0.015, 0.05, 0.01, 0.30));
    Map<Platform, Double> platforms = new EnumMap<>(Platform.class);
    for (Platform p : Platform.values()) platforms.put(p, defaultEngagementFactor(p));
    return new FraudSettings(25, 50, signals, norms, platforms,
        new Ratios(5, 150, 0.01, 0.3, 40, 30, 20));
  }

  private static double defaultEngagementFactor(Platform p) {
    return switch (p.wireName()) {
      case "tiktok" -> 1.8;
      case "youtube" -> 0.6;
      case "facebook" -> 0.3;
      case "x", "linkedin" -> 0.5;
      default -> 1.0;
    };
  }
}
