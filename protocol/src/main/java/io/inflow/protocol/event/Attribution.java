package io.inflow.protocol.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an order was tied to a campaign: a discount code, a tracked link or a UTM value. */
public record Attribution(Kind kind, String value) {
  public enum Kind {
    @JsonProperty("discount_code") DISCOUNT_CODE,
    @JsonProperty("link") LINK,
    @JsonProperty("utm") UTM
  }
}
