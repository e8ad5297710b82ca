package io.inflow.node.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.node.InflowNode;
import io.inflow.node.http.HttpClientSupport;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole path on the real embedded Cassandra that the node itself starts (the './inflow start'
 * path): 12,000 events over 120 influencers and 6 campaigns through HTTP in NDJSON batches, part of
 * them retried, totals compared with independently computed values; then the node and its Cassandra
 * are stopped and started again on the same data directory and every total is compared again.
 */
class IngestRestartIntegrationTest {

  @Test
  void totalsAreExactAndSurviveARestartOfNodeAndCassandra() {
    Path dataDir = NodeFixture.workDir("restart");
    String hocon = """
        inflow.data-dir = "%s"
        inflow.cassandra.embedded.cql-port = %d
        inflow.cassandra.embedded.storage-port = %d
        inflow.cassandra.keyspace = "restart_it"
        """.formatted(dataDir.toString().replace("\\", "/"), NodeFixture.freePort(), NodeFixture.freePort());
    Traffic traffic = new Traffic(42, 120, 6, 12_000);

    try (InflowNode node = InflowNode.start(NodeFixture.config(hocon))) {
      HttpClientSupport http = NodeFixture.client(node);
      for (int c = 0; c < 6; c++) {
        var put = http.put("/api/v1/campaigns/" + Traffic.campaignId(c), """
            {"brandId":"brand-%d","name":"Campaign %d","budget":50000,"currency":"EUR",
             "startsAt":"2026-11-01T00:00:00Z","endsAt":"2026-12-31T00:00:00Z"}""".formatted(c % 2, c));
        assertEquals(200, put.status(), put.raw().body());
      }
      int accepted = 0;
      int duplicates = 0;
      var bodies = traffic.bodies(1000);
      for (int b = 0; b < bodies.size(); b++) {
        var reply = http.ndjson(bodies.get(b));
        assertEquals(200, reply.status(), reply.raw().body());
        assertEquals(0, reply.json().get("rejected").size(), reply.raw().body());
        accepted += reply.json().get("accepted").asInt();
        duplicates += reply.json().get("duplicates").asInt();
        if (b % 4 == 0) { // an upstream retry of the same batch: nothing changes
          var retry = http.ndjson(bodies.get(b));
          assertEquals(200, retry.status());
          assertEquals(0, retry.json().get("accepted").asInt());
          duplicates += retry.json().get("duplicates").asInt();
        }
      }
      assertEquals(traffic.lines.size(), accepted);
      assertTrue(duplicates >= 3000, "retried batches are reported as duplicates: " + duplicates);
      assertTotals(http, traffic);
    }

    try (InflowNode restarted = InflowNode.start(NodeFixture.config(hocon))) {
      assertTotals(NodeFixture.client(restarted), traffic);
    }
  }

  static void assertTotals(HttpClientSupport http, Traffic traffic) {
    for (Map.Entry<String, long[]> e : traffic.influencerTotals.entrySet()) {
      var reply = http.get("/api/v1/influencers/" + e.getKey());
      assertEquals(200, reply.status(), e.getKey() + ": " + reply.raw().body());
      JsonNode v = reply.json();
      long[] expected = e.getValue();
      String who = e.getKey() + " " + v;
      assertEquals(expected[0], v.get("views").asLong(), who);
      assertEquals(expected[1], v.get("likes").asLong(), who);
      assertEquals(expected[2], v.get("comments").asLong(), who);
      assertEquals(expected[3], v.get("followers").asLong(), who);
      assertEquals(expected[4], v.get("clicks").asLong(), who);
    }
    for (String campaign : traffic.campaignMoney.keySet()) {
      var reply = http.get("/api/v1/campaigns/" + campaign);
      assertEquals(200, reply.status(), reply.raw().body());
      JsonNode v = reply.json();
      BigDecimal[] money = traffic.campaignMoney.get(campaign);
      long[] counts = traffic.campaignCounts.get(campaign);
      assertEquals(0, money[0].compareTo(v.get("spend").decimalValue()), campaign + " spend " + v);
      assertEquals(0, money[1].compareTo(v.get("revenue").decimalValue()), campaign + " revenue " + v);
      assertEquals(counts[0], v.get("views").asLong(), campaign);
      assertEquals(counts[1], v.get("likes").asLong(), campaign);
      assertEquals(counts[2], v.get("clicks").asLong(), campaign);
      assertEquals(counts[3], v.get("conversions").asLong(), campaign);
    }
  }
}
