package io.inflow.load.fraud;

import io.inflow.load.Norms;
import io.inflow.analytics.common.Tier;
import io.inflow.protocol.event.Platform;
import java.util.SplittableRandom;

/**
 * One simulated influencer: its label and the plan its traffic follows, fixed before any event is
 * drawn. Followers are kept per day in two parts: {@code engaged} followers (real people whose
 * numbers drive views, likes and comments) and {@code idle} ones (bought, follow-back or otherwise
 * not engaging), so an injected jump in followers that engagement does not follow is simply a jump
 * in {@code idle}. {@code following} is the account's own following count per day.
 */
final class Creator {

  final int index;
  final String id;
  final Platform platform;
  final FraudLabel label;
  final double intensity;
  final SplittableRandom random;
  final int days;

  final double[] engaged;
  final double[] idle;
  final long[] following;

  /** The influencer's own medians (tier norm × a personal factor). */
  double viewsPerFollower;
  double likesPerView;
  double commentsPerLike;
  int fanPool;
  /** Posts every 1 to {@code maxGapDays} days. */
  int maxGapDays;
  int nextPostDay;

  /** Day of the viral spike or first injection, -1 for plain organic. */
  int eventDay = -1;
  /** A natural viral post's view multiplier (organic_viral), or a small organic bump's. */
  double spikeViewsMultiplier;
  int spikeDay = -1;
  /** Share of posts boosted and by how much (bought likes, bought views). */
  double boostedShare;
  double boostMultiplier;
  /** Bought likes delivered slowly along the post's own curve ("drip feed") instead of in a burst. */
  boolean dripFeed;
  /** Bot comments per organic comment (comment_bots). */
  double botCommentRatio;
  Pod pod;
  int podJoinDay;
  final int[] audienceDays;

  long events;
  long posts;
  long comments;

  Creator(int index, String id, Platform platform, FraudLabel label, double intensity, long followers, int days,
      SplittableRandom random) {
    this.index = index;
    this.id = id;
    this.platform = platform;
    this.label = label;
    this.intensity = intensity;
    this.days = days;
    this.random = random;
    this.engaged = new double[days];
    this.idle = new double[days];
    this.following = new long[days];
    Tier tier = Tier.of(followers);
    viewsPerFollower = Norms.viewsPerFollower(platform, tier) * logNormal(0.25);
    likesPerView = Norms.likesPerView(platform, tier) * logNormal(0.2);
    commentsPerLike = Norms.commentsPerLike(tier) * logNormal(0.3);
    fanPool = (int) Math.max(120, Math.min(60_000, followers * uniform(0.01, 0.04)));
    maxGapDays = 1 + random.nextInt(4);
    nextPostDay = random.nextInt(maxGapDays);
    audienceDays = random.nextDouble() < 0.6
        ? new int[] {between(0.3, 0.5), between(0.8, 0.98)}
        : new int[] {between(0.8, 0.98)};
    organicSeries(followers);
  }

  long followersOn(int day) {
    return Math.round(engaged[day] + idle[day]);
  }

  /** Share of the followers on {@code day} who never engage. */
  double idleShare(int day) {
    double total = engaged[day] + idle[day];
    return total <= 0 ? 0 : idle[day] / total;
  }

  /**
   * Slow organic growth with daily noise, a few good days, and for some influencers a following
   * count that occasionally jumps when they follow a batch of accounts (as real people do).
   */
  private void organicSeries(long followers) {
    double growthPerDay = clamp(0.0012 + 0.0010 * random.nextGaussian(), -0.0006, 0.006);
    engaged[0] = followers;
    following[0] = followers > 1_000_000 ? 50 + random.nextInt(800) : 150 + random.nextInt(1_300);
    for (int d = 1; d < days; d++) {
      double base = engaged[d - 1];
      double delta = base * growthPerDay + Math.max(3, base * 0.0015) * random.nextGaussian();
      if (random.nextDouble() < 0.04) delta += base * uniform(0.002, 0.010); // a post that did well
      engaged[d] = Math.max(50, base + delta);
      long followingDelta = Math.round(3 * random.nextGaussian());
      if (random.nextDouble() < 0.02) followingDelta += 20 + random.nextInt(130);
      following[d] = Math.max(0, following[d - 1] + followingDelta);
    }
  }

  /** Adds {@code share} of the day's followers to {@code series} from {@code day} on, spread over days. */
  void jump(double[] series, int day, double share, double... spread) {
    double amount = (engaged[Math.min(day, days - 1)] + idle[Math.min(day, days - 1)]) * share;
    for (int i = 0; i < spread.length && day + i < days; i++) {
      for (int d = day + i; d < days; d++) {
        series[d] += amount * spread[i];
      }
    }
  }

  /** Idle followers decline by {@code dailyShare} per day from {@code day} on (purges, unfollows). */
  void decayIdle(int day, double dailyShare) {
    for (int d = Math.max(1, day); d < days; d++) {
      double lost = idle[d - 1] * dailyShare;
      for (int e = d; e < days; e++) {
        idle[e] = Math.max(0, idle[e] - lost);
      }
    }
  }

  int between(double fromShare, double toShare) {
    int from = (int) Math.floor(days * fromShare);
    int to = Math.max(from + 1, (int) Math.floor(days * toShare));
    return Math.min(days - 1, from + random.nextInt(to - from));
  }

  double uniform(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  double logNormal(double sigma) {
    return Norms.logNormal(random, sigma);
  }

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  /** An engagement pod: members' posts get comments from its accounts within the first hour. */
  record Pod(int number, java.util.List<String> accounts) {}
}
