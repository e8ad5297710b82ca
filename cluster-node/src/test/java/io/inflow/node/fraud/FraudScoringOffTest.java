package io.inflow.node.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.node.InMemoryNode;
import io.inflow.node.InflowNode;
import io.inflow.node.http.HttpClientSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code inflow.fraud.enabled = false}: the traffic that raises a high level and a campaign alert
 * in {@link FraudRoutesTest} is recorded as usual, the fraud report says scoring is off, and no
 * alert is raised.
 */
class FraudScoringOffTest {
  private static InflowNode node;
  private static HttpClientSupport http;

  @BeforeAll
  static void start() throws Exception {
    node = InMemoryNode.start("fraud-off", "inflow.fraud.enabled = false\n");
    http = new HttpClientSupport(node.apiUrl());
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  @Test
  void churnIsRecordedButNotScored() throws Exception {
    var define = http.put("/api/v1/campaigns/off-camp", """
        {"brandId":"acme","name":"Unwatched","budget":1000,"currency":"EUR","startsAt":"2026-10-01T00:00:00Z",
         "endsAt":"2026-12-31T00:00:00Z"}""");
    assertEquals(200, define.status(), define.raw().body());
    List<String> lines = new ArrayList<>();
    for (int d = 0; d < 30; d++) {
      lines.add(FraudRoutesTest.followers("churner", d, 40_000 + d * 50, d >= 10 && d % 2 == 1 ? 4_700 : 700));
    }
    lines.add(FraudRoutesTest.metrics("churner", "off-camp", "post0", 1, 1, 10_000, 700, 30));
    var reply = http.post("/api/v1/events", "application/x-ndjson", String.join("\n", lines));
    assertEquals(200, reply.status(), reply.raw().body());
    assertEquals(31, reply.json().get("accepted").asInt());

    var fraud = http.get("/api/v1/influencers/churner/fraud");
    assertEquals(404, fraud.status());
    assertEquals("fraud_scoring_off", fraud.json().get("error").asText(), fraud.raw().body());
    JsonNode influencer = http.get("/api/v1/influencers/churner").json();
    assertEquals(40_000 + 29 * 50, influencer.get("followers").asLong(), influencer.toString());

    Thread.sleep(1_500); // longer than the level check interval of a scoring node
    JsonNode campaign = http.get("/api/v1/campaigns/off-camp").json();
    assertEquals(0, campaign.get("alerts").size(), campaign.get("alerts").toString());
  }
}
