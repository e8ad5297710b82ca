package io.inflow.protocol.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** Money spent on a campaign (an influencer's fee, product sent, ads, other). */
public record Spend(
    String eventId,
    String campaignId,
    String influencerId,
    BigDecimal amount,
    String currency,
    Kind kind,
    Instant occurredAt)
    implements IngestEvent {
  public static final String TYPE = "spend";

  public enum Kind {
    @JsonProperty("fee") FEE,
    @JsonProperty("product") PRODUCT,
    @JsonProperty("ads") ADS,
    @JsonProperty("other") OTHER
  }

  @Override
  public Instant occurredTime() {
    return occurredAt;
  }

  @Override
  public String typeName() {
    return TYPE;
  }
}
