package io.inflow.analytics.report;

import io.inflow.analytics.common.PostCounters;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * What a report needs of one post: its counter observations inside the range in {@code observedAt}
 * order, the latest one before the range (the baseline of growth inside it), when it was published
 * or first observed, and who and where it belongs to. Observations after the range are not kept:
 * their growth is dated after it. At one instant the observation applied last wins, as in {@link
 * io.inflow.analytics.common.PostTotals}, so re-sending a snapshot changes nothing and the arrival
 * order of different instants does not matter. Mutable.
 */
final class PostHistory {
  private final TreeMap<Instant, PostCounters> inRange = new TreeMap<>();
  private PostCounters baseline;
  private Instant latestObservedAt;
  private String latestInfluencerId;
  private Platform latestPlatform;
  private Instant firstObservedAt;
  private Instant publishedAt;
  private String publishedInfluencerId;
  private Platform publishedPlatform;

  void published(PostPublished p) {
    if (publishedAt == null || (p.publishedAt() != null && p.publishedAt().isBefore(publishedAt))) {
      publishedAt = p.publishedAt();
      publishedInfluencerId = p.influencerId();
      publishedPlatform = p.platform();
    }
  }

  void observe(PostMetrics m, ReportBuckets range) {
    Instant at = m.observedAt();
    if (latestObservedAt == null || !at.isBefore(latestObservedAt)) {
      latestObservedAt = at;
      latestInfluencerId = m.influencerId();
      latestPlatform = m.platform();
    }
    if (firstObservedAt == null || at.isBefore(firstObservedAt)) firstObservedAt = at;
    PostCounters counters = PostCounters.of(m);
    if (range.contains(at)) {
      inRange.put(at, counters);
    } else if (range.precedes(at) && (baseline == null || !at.isBefore(baseline.observedAt()))) {
      baseline = counters;
    }
  }

  /** The influencer of the latest observation, else of the {@code post.published} event. */
  String influencerId() {
    return latestInfluencerId != null ? latestInfluencerId : publishedInfluencerId;
  }

  /** The platform of the latest observation, else of the {@code post.published} event. */
  Platform platform() {
    return latestPlatform != null ? latestPlatform : publishedPlatform;
  }

  /** The platform's wire name, or null when unknown. */
  String platformKey() {
    Platform platform = platform();
    return platform == null ? null : platform.wireName();
  }

  /** When the post counts as a post: publishedAt, else its first observation. */
  Instant countedAt() {
    return publishedAt != null ? publishedAt : firstObservedAt;
  }

  /** Each observation inside the range with the growth since the previous one (or since zero). */
  void forEachGrowth(BiConsumer<Instant, Sums> action) {
    PostCounters previous = baseline == null ? PostCounters.NONE : baseline;
    for (Map.Entry<Instant, PostCounters> e : inRange.entrySet()) {
      action.accept(e.getKey(), Sums.growth(previous, e.getValue()));
      previous = e.getValue();
    }
  }
}
