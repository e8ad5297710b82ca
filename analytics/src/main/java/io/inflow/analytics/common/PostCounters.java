package io.inflow.analytics.common;

import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import java.time.Instant;

/**
 * The latest cumulative counters of one post. Platforms report totals, so the observation with the
 * latest {@code observedAt} wins and older or repeated snapshots change nothing. Absent optional
 * counters are zero.
 */
public record PostCounters(
    Platform platform,
    String campaignId,
    Instant observedAt,
    long views,
    long impressions,
    long reach,
    long likes,
    long comments,
    long shares,
    long saves) {

  public static final PostCounters NONE =
      new PostCounters(null, null, Instant.EPOCH, 0, 0, 0, 0, 0, 0, 0);

  public static PostCounters of(PostMetrics m) {
    return new PostCounters(m.platform(), m.campaignId(), m.observedAt(), m.views(),
        orZero(m.impressions()), orZero(m.reach()), m.likes(), m.comments(), orZero(m.shares()),
        orZero(m.saves()));
  }

  /** Whether {@code next} is at least as recent as this observation and should replace it. */
  public boolean supersededBy(PostCounters next) {
    return this == NONE || !next.observedAt.isBefore(observedAt);
  }

  /** Engagements = likes + comments + shares + saves. */
  public long engagements() {
    return likes + comments + shares + saves;
  }

  private static long orZero(Long v) {
    return v == null ? 0 : v;
  }
}
