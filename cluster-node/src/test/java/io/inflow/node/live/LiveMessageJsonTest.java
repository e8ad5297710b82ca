package io.inflow.node.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.protocol.api.CampaignView;
import io.inflow.protocol.api.LiveMessage;
import io.inflow.protocol.codec.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON a live subscriber reads ({@link LiveMessage} through the product's one JSON mapper). */
class LiveMessageJsonTest {
  private static final CampaignView VIEW = new CampaignView("spring", true, "acme", "Spring", new BigDecimal("1000"),
      "EUR", null, null, List.of(), Map.of(), new BigDecimal("10.50"), BigDecimal.ZERO, Map.of(), Map.of(),
      0, 3, 1, 500, 0, 0, 10, 2, 0, 0, 12, 0, 5, Instant.parse("2026-11-02T10:00:00Z"), null, List.of(), null);

  @Test
  void typeIsLowerCaseAndTheCampaignIsNested() throws IOException {
    JsonNode json = Json.mapper().readTree(Json.write(
        LiveMessage.snapshot(VIEW, 7, Instant.parse("2026-11-02T10:00:01Z"))));
    assertEquals("snapshot", json.get("type").asText());
    assertEquals(7, json.get("version").asLong());
    assertEquals("2026-11-02T10:00:01Z", json.get("persistedAt").asText());
    assertEquals("spring", json.get("campaign").get("campaignId").asText());
    assertEquals(0, new BigDecimal("10.50").compareTo(json.get("campaign").get("spend").decimalValue()));
    assertEquals("update", Json.mapper().readTree(Json.write(LiveMessage.update(VIEW, 8, null))).get("type").asText());
    assertEquals("alert", Json.mapper().readTree(Json.write(
        LiveMessage.update(VIEW, 8, null).withType(LiveMessage.Type.ALERT))).get("type").asText());
  }

  @Test
  void anUnknownPersistTimeIsOmitted() {
    assertFalse(Json.write(LiveMessage.update(VIEW, 1, null)).contains("persistedAt"));
  }
}
