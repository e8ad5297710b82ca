package io.inflow.protocol.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Status of an order. A later event for the same order may refund or cancel it. */
public enum ConversionStatus {
  @JsonProperty("paid") PAID,
  @JsonProperty("refunded") REFUNDED,
  @JsonProperty("canceled") CANCELED
}
