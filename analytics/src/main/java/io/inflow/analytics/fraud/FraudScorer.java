package io.inflow.analytics.fraud;

import io.inflow.analytics.common.Tier;
import io.inflow.analytics.fraud.FraudSettings.SignalSettings;
import io.inflow.analytics.fraud.FraudSettings.TierNorms;
import io.inflow.analytics.fraud.FraudTracker.PostTrace;
import io.inflow.protocol.api.AudienceQuality;
import io.inflow.protocol.api.FraudReport;
import io.inflow.protocol.api.FraudSignal;
import io.inflow.protocol.event.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/**
 * Turns a {@link FraudTracker} into a {@link FraudReport}: every signal with its value, its baseline
 * for the influencer's tier and platform, the points it adds and one sentence. Pure and cheap (a few
 * microseconds: the largest input is 60 daily deltas), so it runs after every persist.
 */
public final class FraudScorer {
  /** A follower jump counts only when it is this many robust standard deviations above the usual day. */
  static final double MIN_ROBUST_Z = 5;
  /** Days of follower history judged. */
  static final int GROWTH_DAYS = 60;
  /** Engagement "followed" a follower jump when the days around it gained this many times the usual. */
  static final double ENGAGEMENT_FOLLOWS = 1.5;
  /** A post's counters are judged once they were observed this long after it was first seen. */
  static final long MATURE_MS = 24 * 3_600_000L;

  private final FraudSettings settings;
  /** Whether the report being built carries sentences (per thread: one scorer serves every entity). */
  private final ThreadLocal<Boolean> explaining = ThreadLocal.withInitial(() -> true);

  public FraudScorer(FraudSettings settings) {
    this.settings = settings;
  }

  public FraudSettings settings() {
    return settings;
  }

  /**
   * The report's score and level without its sentences and follower history (cheaper: what the level
   * check and the read-model row use).
   */
  public FraudReport score(String influencerId, FraudTracker t, long followers) {
    explaining.set(false);
    try {
      return report(influencerId, t, followers, null);
    } finally {
      explaining.set(true);
    }
  }

  /** The level of a score: {@code low}, {@code medium} or {@code high}. */
  public String level(double score) {
    return score >= settings.high() ? "high" : score >= settings.medium() ? "medium" : "low";
  }

  /**
   * The report of one influencer.
   *
   * @param followers the influencer's current followers over all platforms (for the tier)
   */
  public FraudReport report(String influencerId, FraudTracker t, long followers, Instant computedAt) {
    Tier tier = Tier.of(followers);
    TierNorms norms = settings.norms(tier);
    Platform platform = t.mainPlatform();
    List<PostTrace> recent = recentPosts(t);
    Platform postPlatform = platform != null ? platform : recent.isEmpty() ? null : recent.get(recent.size() - 1).platform;
    double factor = settings.engagementFactor(postPlatform);
    long[] audience = t.audience();
    List<FraudSignal> signals = new ArrayList<>(Signal.values().length);
    signals.add(followerGrowth(t, platform, tier, norms));
    signals.add(followingChurn(t, platform));
    signals.add(engagementRate(recent, t, platform, tier, norms, factor));
    signals.add(likeCommentRatio(recent));
    signals.add(likeViewRatio(recent));
    signals.add(viewBursts(recent));
    signals.add(likeBursts(recent));
    signals.add(commentAuthenticity(t));
    signals.add(commenterOrder(t.posts()));
    signals.add(audienceQuality(audience, tier, norms));
    signals.add(coordination(t.coordinationEvidence()));
    double sum = 0;
    for (FraudSignal s : signals) sum += s.contribution();
    double score = round1(Math.min(100, sum));
    CoordinationFinding pod = t.coordinationEvidence();
    return new FraudReport(influencerId, tier.wireName(), postPlatform == null ? null : postPlatform.wireName(), score,
        level(score), computedAt, List.copyOf(signals), audienceView(audience),
        explaining.get() ? followerHistory(t, platform, norms) : List.of(), pod == null ? List.of() : pod.partners());
  }

  // ---- follower growth ----

  private FraudSignal followerGrowth(FraudTracker t, Platform platform, Tier tier, TierNorms norms) {
    SignalSettings s = settings.signal(Signal.FOLLOWER_GROWTH);
    double baseline = norms.dailyGrowth();
    if (platform == null) return none(Signal.FOLLOWER_GROWTH, null, baseline, () -> "No follower counts yet.");
    GrowthRates growth = GrowthRates.judged(t.follows(platform));
    if (growth == null) {
      return none(Signal.FOLLOWER_GROWTH, null, baseline, () -> "Fewer than 8 days of follower counts on " + platform.wireName() + "; growth is judged from 8.");
    }
    int best = growth.largest();
    double jump = growth.rates[best];
    long jumpDay = growth.days.get(best + 1);
    String date = LocalDate.ofEpochDay(jumpDay).toString();
    String tierName = tier.wireName();
    if (!unusualGrowth(jump, growth.z(best), baseline)) {
      return none(Signal.FOLLOWER_GROWTH, jump, baseline, () -> String.format(Locale.ROOT,
          "The largest daily follower gain on %s was %s (%s), within what %s influencers see on 99%% of days (up to %s).",
          platform.wireName(), pct(jump), date, tierName, pct(baseline)));
    }
    double followed = engagementRatio(t.activity(), jumpDay);
    if (followed >= ENGAGEMENT_FOLLOWS) {
      return none(Signal.FOLLOWER_GROWTH, jump, baseline, () -> String.format(Locale.ROOT,
          "Followers grew %s on %s and engagement rose with them (%.1f× the previous two weeks' daily gains): a viral moment, not counted.",
          pct(jump), date, followed));
    }
    double contribution = s.weight() * s.severity(jump / baseline);
    String engagement = Double.isNaN(followed) ? "with no engagement data around it"
        : String.format(Locale.ROOT, "while engagement stayed flat (%.1f× the previous two weeks' daily gains)", followed);
    return signal(Signal.FOLLOWER_GROWTH, jump, baseline, contribution, () -> String.format(Locale.ROOT,
        "Followers grew %s on %s %s; such a jump happens on under 1%% of days for %s influencers (99th percentile %s).",
        pct(jump), date, engagement, tierName, pct(baseline)));
  }

  /** A day's growth the signal looks into: a gain, {@value #MIN_ROBUST_Z} robust deviations up, above the tier's norm. */
  private static boolean unusualGrowth(double rate, double z, double baseline) {
    return rate > 0 && z >= MIN_ROBUST_Z && rate > baseline;
  }

  /**
   * The daily growth rates of one platform over the last {@value #GROWTH_DAYS} days, with their robust
   * statistics: a day's rate is the change since the previous observed day ÷ the followers then ÷ the
   * days between, and its z-score (rate − median) ÷ max(1.4826 × MAD, 0.002).
   *
   * @param days the judged days (epoch days), oldest first; {@code rates[i]} ends on {@code days[i + 1]}
   */
  private record GrowthRates(List<Long> days, double[] rates, double median, double spread) {

    /** The rates of the judged days, null with fewer than 8 of them. */
    static GrowthRates judged(NavigableMap<Long, long[]> series) {
      if (series.isEmpty()) return null;
      NavigableMap<Long, long[]> window = series.tailMap(series.lastKey() - GROWTH_DAYS, false);
      if (window.size() < 8) return null;
      List<long[]> points = new ArrayList<>(window.values());
      List<Long> days = new ArrayList<>(window.keySet());
      double[] rates = new double[points.size() - 1];
      for (int i = 1; i < points.size(); i++) {
        long before = points.get(i - 1)[0];
        long gap = Math.max(1, days.get(i) - days.get(i - 1));
        rates[i - 1] = before <= 0 ? 0 : (double) (points.get(i)[0] - before) / before / gap;
      }
      double median = FraudScorer.median(rates);
      double[] deviations = new double[rates.length];
      for (int i = 0; i < rates.length; i++) deviations[i] = Math.abs(rates[i] - median);
      return new GrowthRates(days, rates, median, Math.max(1.4826 * FraudScorer.median(deviations), 0.002));
    }

    /** The index of the largest rate (the first, on ties). */
    int largest() {
      int best = 0;
      for (int i = 1; i < rates.length; i++) if (rates[i] > rates[best]) best = i;
      return best;
    }

    double z(int i) {
      return (rates[i] - median) / spread;
    }

    /** The index of the rate ending on {@code day}, or -1 when that day is not judged or starts the window. */
    int rateEndingOn(long day) {
      int at = java.util.Collections.binarySearch(days, day);
      return at >= 1 ? at - 1 : -1;
    }
  }

  /**
   * The main platform's daily follower counts, each day with the signal's z-score of its growth rate
   * and whether that growth is unusual (see {@link FraudReport.FollowerPoint}).
   */
  private static List<FraudReport.FollowerPoint> followerHistory(FraudTracker t, Platform platform, TierNorms norms) {
    if (platform == null) return List.of();
    NavigableMap<Long, long[]> series = t.follows(platform);
    GrowthRates growth = GrowthRates.judged(series);
    List<FraudReport.FollowerPoint> history = new ArrayList<>(series.size());
    Long previous = null;
    for (var day : series.entrySet()) {
      long followers = day.getValue()[0];
      int rate = growth == null ? -1 : growth.rateEndingOn(day.getKey());
      Double score = rate < 0 ? null : round4(growth.z(rate));
      boolean anomaly = rate >= 0 && unusualGrowth(growth.rates[rate], growth.z(rate), norms.dailyGrowth());
      history.add(new FraudReport.FollowerPoint(Instant.ofEpochSecond(day.getKey() * 86_400), followers,
          previous == null ? null : followers - previous, score, anomaly));
      previous = followers;
    }
    return history;
  }

  /** Likes and comments gained per day from the day before the jump to two days after, over the 14 days before. */
  private static double engagementRatio(TreeMap<Long, long[]> activity, long jumpDay) {
    double before = 0;
    for (long[] g : activity.subMap(jumpDay - 15, true, jumpDay - 2, true).values()) before += g[1] + g[2];
    before /= 14;
    double after = 0;
    for (long[] g : activity.subMap(jumpDay - 1, true, jumpDay + 2, true).values()) after += g[1] + g[2];
    after /= 4;
    if (before <= 0) return after > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    return after / before;
  }

  private FraudSignal followingChurn(FraudTracker t, Platform platform) {
    SignalSettings s = settings.signal(Signal.FOLLOWING_CHURN);
    double baseline = s.threshold();
    if (platform == null) return none(Signal.FOLLOWING_CHURN, null, baseline, () -> "No following counts yet.");
    NavigableMap<Long, long[]> series = t.follows(platform);
    List<long[]> points = new ArrayList<>(series.tailMap(series.lastKey() - 30, false).values());
    if (points.size() < 8) return none(Signal.FOLLOWING_CHURN, null, baseline, () -> "Fewer than 8 days of following counts; churn is judged from 8.");
    long moved = 0;
    double mean = points.get(0)[1];
    for (int i = 1; i < points.size(); i++) {
      moved += Math.abs(points.get(i)[1] - points.get(i - 1)[1]);
      mean += points.get(i)[1];
    }
    double following = mean / points.size();
    long movement = moved;
    double churn = movement / Math.max(following, 100);
    double contribution = s.weight() * s.severity(churn);
    Supplier<String> sentence = () -> contribution > 0
        ? String.format(Locale.ROOT, "The accounts this influencer follows on %s changed by %,d in 30 days, %.1f× the %,.0f they follow: follow/unfollow automation looks like this; organic accounts stay under %.1f×.",
            platform.wireName(), movement, churn, following, baseline)
        : String.format(Locale.ROOT, "Following changed by %,d in 30 days (%.2f× its size), normal (under %.1f×).", movement, churn, baseline);
    return signal(Signal.FOLLOWING_CHURN, churn, baseline, contribution, sentence);
  }

  // ---- engagement and ratios over recent posts ----

  /** The most recent posts with counters, preferring those observed for a day or more. */
  private List<PostTrace> recentPosts(FraudTracker t) {
    List<PostTrace> mature = new ArrayList<>();
    List<PostTrace> any = new ArrayList<>();
    for (PostTrace p : t.posts()) {
      if (p.snapshots == 0) continue;
      any.add(p);
      if (p.lastObservedMs - p.firstSeenMs >= MATURE_MS) mature.add(p);
    }
    List<PostTrace> chosen = mature.size() >= 3 ? mature : any;
    int n = settings.ratios().recentPosts();
    return chosen.size() <= n ? chosen : chosen.subList(chosen.size() - n, chosen.size());
  }

  private FraudSignal engagementRate(List<PostTrace> recent, FraudTracker t, Platform platform, Tier tier,
      TierNorms norms, double factor) {
    double low = norms.engagementLow() * factor, typical = norms.engagementTypical() * factor, high = norms.engagementHigh() * factor;
    long followers = 0;
    if (platform != null) followers = t.follows(platform).lastEntry().getValue()[0];
    if (recent.size() < 3 || followers <= 0) {
      return none(Signal.ENGAGEMENT_RATE, null, typical, () -> "Fewer than 3 posts with counters and known followers; engagement is judged from 3.");
    }
    double[] rates = new double[recent.size()];
    for (int i = 0; i < rates.length; i++) rates[i] = (double) (recent.get(i).likes + recent.get(i).comments) / followers;
    double er = median(rates);
    return twoSided(Signal.ENGAGEMENT_RATE, er, low, typical, high, tier.wireName() + " " + (platform == null ? "" : platform.wireName() + " ") + "influencers",
        "Median engagement of the last %d posts is %s of followers",
        recent.size(), "far below the normal %s–%s for %s: followers that do not engage, typical of bought followers",
        "far above the normal %s–%s for %s: typical of bought likes or engagement pods", true);
  }

  private FraudSignal likeCommentRatio(List<PostTrace> recent) {
    long likes = 0, comments = 0;
    for (PostTrace p : recent) {
      likes += p.likes;
      comments += p.comments;
    }
    var r = settings.ratios();
    double typical = Math.sqrt(r.likesPerCommentLow() * r.likesPerCommentHigh());
    if (recent.size() < 3 || likes == 0 || comments == 0) {
      return none(Signal.LIKE_COMMENT_RATIO, null, typical, () -> "Not enough likes and comments on recent posts to compare them.");
    }
    return twoSided(Signal.LIKE_COMMENT_RATIO, (double) likes / comments, r.likesPerCommentLow(), typical,
        r.likesPerCommentHigh(), "organic posts", "Recent posts have %2$s likes per comment",
        recent.size(), "far fewer than the normal %s–%s for %s: comments without likes come from bots or pods",
        "far more than the normal %s–%s for %s: likes without conversation are typical of bought likes", false);
  }

  private FraudSignal likeViewRatio(List<PostTrace> recent) {
    long likes = 0, views = 0;
    int counted = 0;
    for (PostTrace p : recent) {
      if (p.views <= 0) continue;
      likes += p.likes;
      views += p.views;
      counted++;
    }
    var r = settings.ratios();
    double typical = Math.sqrt(r.likesPerViewLow() * r.likesPerViewHigh());
    if (counted < 3 || views == 0) return none(Signal.LIKE_VIEW_RATIO, null, typical, () -> "Fewer than 3 recent posts report views.");
    return twoSided(Signal.LIKE_VIEW_RATIO, (double) likes / views, r.likesPerViewLow(), typical, r.likesPerViewHigh(),
        "organic posts", "Recent posts have %2$s likes per view", counted,
        "far fewer than the normal %s–%s for %s: views nobody reacts to are typical of bought views",
        "far more than the normal %s–%s for %s: more likers than viewers is typical of bought likes", true);
  }

  /**
   * A ratio with a normal range: below it the value is scored by low ÷ value, above it by value ÷ high,
   * against the signal's threshold and full factors.
   */
  private FraudSignal twoSided(Signal signal, double value, double low, double typical, double high, String who,
      String measured, int posts, String tooLow, String tooHigh, boolean percent) {
    SignalSettings s = settings.signal(signal);
    Supplier<String> head = () -> String.format(Locale.ROOT, measured, posts, number(value, percent));
    if (value < low) {
      double contribution = s.weight() * s.severity(low / value);
      return signal(signal, value, typical, contribution, () -> head.get() + ", "
          + String.format(Locale.ROOT, tooLow, number(low, percent), number(high, percent), who) + ".");
    }
    if (value > high) {
      double contribution = s.weight() * s.severity(value / high);
      return signal(signal, value, typical, contribution, () -> head.get() + ", "
          + String.format(Locale.ROOT, tooHigh, number(low, percent), number(high, percent), who) + ".");
    }
    return none(signal, value, typical, () -> head.get() + String.format(Locale.ROOT, ", within the normal %s–%s for %s.",
        number(low, percent), number(high, percent), who));
  }

  private static String number(double v, boolean percent) {
    return percent ? pct(v) : String.format(Locale.ROOT, v >= 100 || v == Math.rint(v) ? "%.0f" : "%.1f", v);
  }

  private FraudSignal viewBursts(List<PostTrace> recent) {
    int judged = 0, bursty = 0;
    for (PostTrace p : recent) {
      if (p.snapshots < 3) continue;
      judged++;
      if (p.bursts > 0) bursty++;
    }
    return shareOfPosts(Signal.VIEW_BURSTS, judged, bursty, "view velocity",
        "views jumped between two snapshots without likes following (under a quarter of the post's own like rate): bought views arrive like this",
        "had a view burst without likes");
  }

  /** A post's likes ran ahead of its views this many times (first snapshot against the latest). */
  static final double FRONT_LOADED = 2;

  private FraudSignal likeBursts(List<PostTrace> recent) {
    int judged = 0, bursty = 0;
    for (PostTrace p : recent) {
      if (p.snapshots < 3 || p.views <= 0 || p.likes <= 0 || p.firstViews <= 0) continue;
      judged++;
      double first = (double) p.firstLikes / p.firstViews;
      double latest = (double) p.likes / p.views;
      if (p.likeBursts > 0 || (p.firstLikes >= 50 && first >= FRONT_LOADED * latest)) bursty++;
    }
    return shareOfPosts(Signal.LIKE_BURSTS, judged, bursty, "like velocity", LIKE_BURSTS_DID,
        "had likes running ahead of views");
  }

  /** Formatted once: this runs at every level check, which formats no sentence. */
  private static final String LIKE_BURSTS_DID = String.format(Locale.ROOT,
      "likes ran ahead of views (at the first snapshot %.0f× the post's later likes per view, or a jump of likes without views): bought likes are delivered like this",
      FRONT_LOADED);

  /**
   * A signal whose value is the share of {@code judged} recent posts (3 or more snapshots each, at
   * least 3 posts) that were {@code flagged}; the sentences say what the flagged posts did.
   */
  private FraudSignal shareOfPosts(Signal signal, int judged, int flagged, String judging, String flaggedDid,
      String normalDid) {
    SignalSettings s = settings.signal(signal);
    double baseline = s.threshold();
    if (judged < 3) {
      return none(signal, null, baseline,
          () -> "Fewer than 3 recent posts with 3 or more snapshots; " + judging + " is judged from 3.");
    }
    double share = (double) flagged / judged;
    double contribution = s.weight() * s.severity(share);
    return signal(signal, share, baseline, contribution, () -> contribution > 0
        ? String.format(Locale.ROOT, "%d of %d recent posts: %s; organic posts do it under %s of the time.",
            flagged, judged, flaggedDid, pct(baseline))
        : String.format(Locale.ROOT, "%d of %d recent posts %s, normal (under %s).", flagged, judged, normalDid, pct(baseline)));
  }

  // ---- comments ----

  private FraudSignal commentAuthenticity(FraudTracker t) {
    SignalSettings s = settings.signal(Signal.COMMENT_AUTHENTICITY);
    long[] c = t.commentCounts();
    double baseline = s.threshold();
    if (c[0] < settings.ratios().minComments()) {
      return none(Signal.COMMENT_AUTHENTICITY, null, baseline, () -> String.format(Locale.ROOT,
          "%d comments so far; comment authenticity is judged from %d.", c[0], settings.ratios().minComments()));
    }
    double share = (double) c[5] / c[0];
    double contribution = s.weight() * s.severity(share);
    Supplier<String> parts = () -> String.format(Locale.ROOT, "%s generic, %s emoji-only, %s mention-only, %s repeated texts",
        pct((double) c[1] / c[0]), pct((double) c[2] / c[0]), pct((double) c[3] / c[0]), pct((double) c[4] / c[0]));
    Supplier<String> sentence = () -> contribution > 0
        ? String.format(Locale.ROOT, "%s of the last %d comments could be posted under any post (%s); organic comment sections stay under %s.",
            pct(share), c[0], parts.get(), pct(baseline))
        : String.format(Locale.ROOT, "%s of the last %d comments are generic or repeated (%s), normal (under %s).", pct(share), c[0], parts.get(), pct(baseline));
    return signal(Signal.COMMENT_AUTHENTICITY, share, baseline, contribution, sentence);
  }

  /** Over the kept posts (with or without counters) that have 10 or more commenters. */
  private FraudSignal commenterOrder(java.util.Collection<PostTrace> recent) {
    SignalSettings s = settings.signal(Signal.COMMENTER_ORDER);
    int judged = 0;
    long pairs = 0, repeated = 0;
    for (PostTrace p : recent) {
      if (p.commenterCount < 10) continue;
      judged++;
      pairs += p.pairCount();
      repeated += p.repeatedPairs;
    }
    double baseline = s.threshold();
    if (judged < 3) return none(Signal.COMMENTER_ORDER, null, baseline, () -> "Fewer than 3 recent posts with 10 or more commenters; commenter order is judged from 3.");
    double share = (double) repeated / pairs;
    double contribution = s.weight() * s.severity(share);
    int posts = judged;
    long repeats = repeated, consecutive = pairs;
    Supplier<String> sentence = () -> contribution > 0
        ? String.format(Locale.ROOT, "On %d recent posts, %s of consecutive commenters (%d of %d pairs) also commented one right after the other on another post: scripted or pod engagement; organic fans arrive in a different order each time (under %s).",
            posts, pct(share), repeats, consecutive, pct(baseline))
        : String.format(Locale.ROOT, "%s of consecutive commenter pairs repeat across %d recent posts, normal (under %s).", pct(share), posts, pct(baseline));
    return signal(Signal.COMMENTER_ORDER, share, baseline, contribution, sentence);
  }

  // ---- audience and coordination ----

  private FraudSignal audienceQuality(long[] a, Tier tier, TierNorms norms) {
    SignalSettings s = settings.signal(Signal.AUDIENCE_QUALITY);
    double baseline = norms.suspiciousAudience();
    int min = settings.ratios().minAudienceSample();
    if (a[0] < min) {
      return none(Signal.AUDIENCE_QUALITY, null, baseline, () -> String.format(Locale.ROOT,
          "%d sampled followers; audience quality is judged from %d.", a[0], min));
    }
    long bad = a[2] + a[3];
    double share = (double) bad / a[0];
    ConfidenceInterval interval = wilson(a[0], bad);
    double lower = interval.getLowerBound();
    double contribution = s.weight() * s.severity(lower / baseline);
    Supplier<String> sentence = () -> String.format(Locale.ROOT,
        "%s of %d sampled followers are suspicious (%s) or mass followers (%s) (95%% interval %s–%s); %s for %s influencers is about %s.",
        pct(share), a[0], pct((double) a[3] / a[0]), pct((double) a[2] / a[0]), pct(lower), pct(interval.getUpperBound()),
        contribution > 0 ? "far above what is usual" : "usual", tier.wireName(), pct(baseline));
    return signal(Signal.AUDIENCE_QUALITY, share, baseline, contribution, sentence);
  }

  /**
   * The two-sided 95% quantile of the standard normal distribution, from commons-math once (its
   * {@code WilsonScoreInterval} builds a seeded distribution per call, which showed in profiles).
   */
  private static final double Z95 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);

  /** The Wilson score interval of {@code successes} in {@code n} trials at 95%. */
  static ConfidenceInterval wilson(long n, long successes) {
    double p = (double) successes / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
    double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new ConfidenceInterval(Math.max(0, centre - half), Math.min(1, centre + half), 0.95);
  }

  private static AudienceQuality audienceView(long[] a) {
    if (a[0] == 0) return new AudienceQuality(0, 0, 0, 0, null, null, null, null);
    ConfidenceInterval i = wilson(a[0], a[2] + a[3]);
    double n = a[0];
    return new AudienceQuality(a[0], a[1], a[2], a[3], a[1] / n, a[2] / n, a[3] / n,
        round4((i.getUpperBound() - i.getLowerBound()) / 2));
  }

  private FraudSignal coordination(CoordinationFinding f) {
    SignalSettings s = settings.signal(Signal.COORDINATED_ENGAGEMENT);
    double baseline = s.threshold();
    if (f == null) {
      return none(Signal.COORDINATED_ENGAGEMENT, 0.0, baseline, () -> "No group of commenters was seen acting in lockstep on this and other influencers' posts.");
    }
    double contribution = s.weight() * s.severity(f.partnerInfluencers());
    return signal(Signal.COORDINATED_ENGAGEMENT, (double) f.partnerInfluencers(), baseline, contribution, () -> String.format(Locale.ROOT,
        "The same group of commenters (up to %d shared accounts) commented in the first hour of %d of this influencer's posts and of posts of %d other influencers (%s): an engagement pod; organic fans of one creator rarely show up together on others.",
        f.sharedAuthorsMax(), f.lockstepPosts(), f.partnerInfluencers(), String.join(", ", f.partners())));
  }

  // ---- helpers ----

  /** Sentences are formatted only for reports that explain (the level check after persists does not). */
  private FraudSignal none(Signal s, Double value, double baseline, Supplier<String> sentence) {
    return new FraudSignal(s.wireName(), value == null ? null : round4(value), round4(baseline), 0,
        explaining.get() ? sentence.get() : null);
  }

  private FraudSignal signal(Signal s, double value, double baseline, double contribution, Supplier<String> sentence) {
    return new FraudSignal(s.wireName(), round4(value), round4(baseline), round1(contribution),
        explaining.get() ? sentence.get() : null);
  }

  private static double median(double[] values) {
    return new Median().evaluate(Arrays.copyOf(values, values.length));
  }

  static String pct(double share) {
    double p = share * 100;
    return p >= 10 || p == 0 ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static double round4(double v) {
    return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : v;
  }
}
