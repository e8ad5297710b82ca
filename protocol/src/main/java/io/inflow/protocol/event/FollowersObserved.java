package io.inflow.protocol.event;

import java.time.Instant;

/** Follower and following counts of an influencer's account on one platform at {@code observedAt}. */
public record FollowersObserved(
    String eventId,
    String influencerId,
    Platform platform,
    Instant observedAt,
    long followers,
    long following)
    implements IngestEvent {
  public static final String TYPE = "followers.observed";

  @Override
  public String campaignId() {
    return null;
  }

  @Override
  public Instant occurredTime() {
    return observedAt;
  }

  @Override
  public String typeName() {
    return TYPE;
  }
}
