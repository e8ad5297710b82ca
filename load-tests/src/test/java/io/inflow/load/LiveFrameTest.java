package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.protocol.api.CampaignView;
import io.inflow.protocol.api.LiveMessage;
import io.inflow.protocol.codec.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing of live messages, including ones written by the product's own codec. */
class LiveFrameTest {

  private static CampaignView view(long clicks, Instant updatedAt) {
    return new CampaignView("c1", true, "b1", "Spring", new BigDecimal("1000.00"), "EUR",
        Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"), List.of(), Map.of(),
        new BigDecimal("12.50"), BigDecimal.ZERO, Map.of("EUR", new BigDecimal("12.50")), Map.of(), 0, clicks, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, clicks + 3, updatedAt, null, java.util.List.of(), null);
  }

  @Test
  void readsWhatTheNodeWrites() throws Exception {
    Instant at = Instant.parse("2025-06-01T12:00:00.042Z");
    LiveFrame snapshot = LiveFrame.parse(Json.write(LiveMessage.snapshot(view(0, at), 7, null)));
    assertEquals(new LiveFrame("snapshot", 7, 0, at), snapshot);
    assertTrue(snapshot.isSnapshot() && snapshot.carriesState());
    LiveFrame update = LiveFrame.parse(Json.write(LiveMessage.update(view(41, at), 9, Instant.now())));
    assertEquals(new LiveFrame("update", 9, 41, at), update);
    assertTrue(update.isUpdate());
  }

  @Test
  void ignoresUnknownFieldsAndTypes() throws Exception {
    LiveFrame alert = LiveFrame.parse("{\"type\":\"alert\",\"kind\":\"budget\",\"version\":3}");
    assertEquals("alert", alert.type());
    assertTrue(!alert.carriesState());
    LiveFrame extra = LiveFrame.parse(
        "{\"type\":\"update\",\"future\":[1,2],\"campaign\":{\"clicks\":5,\"newKpi\":{\"x\":1}},\"version\":2}");
    assertEquals(5, extra.clicks());
    assertNull(extra.updatedAt(), "no updatedAt: the bench falls back to counting");
  }

  @Test
  void acceptsNumericInstantsAndToleratesBadOnes() throws Exception {
    assertEquals(Instant.parse("2025-06-01T12:00:00.042Z"), LiveFrame.parse(
        "{\"type\":\"update\",\"campaign\":{\"clicks\":1,\"updatedAt\":1748779200.042000000},\"version\":2}")
        .updatedAt());
    assertNull(LiveFrame.parse(
        "{\"type\":\"update\",\"campaign\":{\"clicks\":1,\"updatedAt\":\"yesterday\"},\"version\":2}").updatedAt());
  }

  @Test
  void rejectsWhatCarriesNoState() {
    assertThrows(LiveFrame.BadFrameException.class, () -> LiveFrame.parse("not json"));
    assertThrows(LiveFrame.BadFrameException.class, () -> LiveFrame.parse("[1]"));
    assertThrows(LiveFrame.BadFrameException.class, () -> LiveFrame.parse("{\"campaign\":{\"clicks\":1}}"));
    assertThrows(LiveFrame.BadFrameException.class, () -> LiveFrame.parse("{\"type\":\"update\",\"version\":1}"));
    assertThrows(LiveFrame.BadFrameException.class,
        () -> LiveFrame.parse("{\"type\":\"snapshot\",\"campaign\":{\"clicks\":\"many\"}}"));
  }
}
