package io.inflow.protocol.event;

import java.time.Instant;
import java.util.List;

/** A sample of an influencer's followers with the account features fraud scoring needs. */
public record AudienceSample(
    String eventId,
    String influencerId,
    Platform platform,
    Instant observedAt,
    List<AudienceAccount> accounts)
    implements IngestEvent {
  public static final String TYPE = "audience.sample";

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

  public AudienceSample withAccounts(List<AudienceAccount> pseudonymised) {
    return new AudienceSample(eventId, influencerId, platform, observedAt, pseudonymised);
  }
}
