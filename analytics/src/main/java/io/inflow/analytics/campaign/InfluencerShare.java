package io.inflow.analytics.campaign;

import io.inflow.analytics.common.PostCounters;
import io.inflow.analytics.common.PostTotals;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** One enrolled (or event-named) influencer's part of a campaign: its posts, clicks, spend, orders. */
public final class InfluencerShare {
  final PostTotals posts;
  long clicks;
  long conversions;
  final Map<String, BigDecimal> spendByCurrency;
  final Map<String, BigDecimal> revenueByCurrency = new TreeMap<>();

  InfluencerShare(PostTotals posts, Map<String, BigDecimal> spendByCurrency, long clicks) {
    this.posts = posts;
    this.spendByCurrency = spendByCurrency;
    this.clicks = clicks;
  }

  static InfluencerShare empty() {
    return new InfluencerShare(new PostTotals(), new TreeMap<>(), 0);
  }

  /** The persisted part (orders' shares are rebuilt from the orders). */
  public record Snapshot(Map<String, PostCounters> posts, long clicks, Map<String, BigDecimal> spendByCurrency) {}

  Snapshot snapshot() {
    return new Snapshot(posts.latestByPost(), clicks, Map.copyOf(spendByCurrency));
  }

  static InfluencerShare restore(Snapshot s) {
    return new InfluencerShare(PostTotals.restore(s.posts()), new TreeMap<>(s.spendByCurrency()), s.clicks());
  }
}
