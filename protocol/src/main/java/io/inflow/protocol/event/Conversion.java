package io.inflow.protocol.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order (or a change of its status) attributed to a campaign. {@code amount} is the order value
 * for {@code paid}, the refunded value for {@code refunded}. {@code customerId} is pseudonymised at
 * ingest.
 */
public record Conversion(
    String eventId,
    String campaignId,
    String influencerId,
    String orderId,
    String customerId,
    BigDecimal amount,
    String currency,
    ConversionStatus status,
    Attribution attribution,
    List<OrderItem> items,
    Instant occurredAt)
    implements IngestEvent {
  public static final String TYPE = "conversion";

  @Override
  public Instant occurredTime() {
    return occurredAt;
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  public Conversion withCustomerId(String pseudonym) {
    return new Conversion(eventId, campaignId, influencerId, orderId, pseudonym, amount, currency,
        status, attribution, items, occurredAt);
  }
}
