package io.inflow.protocol.event;

import java.time.Instant;

/**
 * Cumulative counters of one post as the platform reported them at {@code observedAt}. Counters are
 * totals, not deltas: the latest observation per post wins, so re-sending a snapshot is harmless.
 * Optional counters are null when the platform does not report them.
 */
public record PostMetrics(
    String eventId,
    String influencerId,
    Platform platform,
    String postId,
    String campaignId,
    Instant observedAt,
    long views,
    Long impressions,
    Long reach,
    long likes,
    long comments,
    Long shares,
    Long saves)
    implements IngestEvent {
  public static final String TYPE = "post.metrics";

  @Override
  public Instant occurredTime() {
    return observedAt;
  }

  @Override
  public String typeName() {
    return TYPE;
  }
}
