package io.inflow.protocol.event;

import java.time.Instant;

/** A click on a campaign link; {@code visitorId} (optional) is pseudonymised at ingest. */
public record Click(
    String eventId, String campaignId, String influencerId, Instant occurredAt, String visitorId)
    implements IngestEvent {
  public static final String TYPE = "click";

  @Override
  public Instant occurredTime() {
    return occurredAt;
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  public Click withVisitorId(String pseudonym) {
    return new Click(eventId, campaignId, influencerId, occurredAt, pseudonym);
  }
}
