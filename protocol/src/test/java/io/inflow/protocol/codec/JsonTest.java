package io.inflow.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.event.Click;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {

  record Money(BigDecimal amount, Instant at, String note) {}

  @Test
  void instantsAreIsoUtcStringsDecimalsArePlainNullsAreOmitted() {
    var money = new Money(new BigDecimal("1E+3"), Instant.parse("2026-11-28T10:00:00.250Z"), null);
    assertEquals("{\"amount\":1000,\"at\":\"2026-11-28T10:00:00.250Z\"}", Json.write(money));
    assertArrayEquals(Json.write(money).getBytes(StandardCharsets.UTF_8), Json.writeBytes(money));
  }

  @Test
  void eventsCarryTheirTypeName() {
    var click = new Click("e-1", "c-1", "i-1", Instant.parse("2026-11-28T10:00:00Z"), null);
    assertEquals("{\"type\":\"click\",\"eventId\":\"e-1\",\"campaignId\":\"c-1\","
        + "\"influencerId\":\"i-1\",\"occurredAt\":\"2026-11-28T10:00:00Z\"}", Json.write(click));
  }

  @Test
  void unknownPropertiesAreIgnoredWhenBinding() throws JsonProcessingException {
    var detail = Json.mapper().readValue(
        "{\"code\":\"too_long\",\"message\":\"m\",\"extra\":1}", ErrorDetail.class);
    assertEquals(ErrorDetail.field(null, "too_long", "m"), detail);
  }

  @Test
  void writeFailuresAreUnchecked() {
    Object selfReferencing = new Object() {
      @SuppressWarnings("unused")
      public Object getSelf() {
        return this;
      }
    };
    assertThrows(UncheckedIOException.class, () -> Json.write(selfReferencing));
    assertThrows(UncheckedIOException.class, () -> Json.writeBytes(selfReferencing));
  }

  @Test
  void errorDetailsOmitAbsentParts() {
    assertFalse(Json.write(ErrorDetail.field(null, "malformed_json", "m")).contains("line"));
  }
}
