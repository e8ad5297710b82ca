package io.inflow.node.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.node.InflowNode;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.storage.TestCassandra;
import io.inflow.protocol.api.CampaignReport;
import io.inflow.protocol.codec.Json;
import io.inflow.protocol.codec.ReportCsv;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Campaign reports read from the real Cassandra journal: totals and the per-influencer breakdown
 * match the independently computed traffic totals, the breakdown and the series each add up to the
 * total, and the CSV form parses back to the JSON numbers.
 */
class ReportIntegrationTest {

  @Test
  void reportsMatchTheTrafficInJsonAndCsv() throws Exception {
    Traffic traffic = new Traffic(23, 12, 2, 1500);
    try (InflowNode node = InflowNode.start(NodeFixture.config("""
        inflow.cassandra.contact-points = "%s"
        inflow.cassandra.keyspace = "%s"
        inflow.data-dir = "%s"
        """.formatted(TestCassandra.get().contactPoint(), TestCassandra.uniqueKeyspace("report"),
        NodeFixture.workDir("report").toString().replace("\\", "/"))))) {
      HttpClientSupport http = NodeFixture.client(node);
      assertEquals(200, http.put("/api/v1/campaigns/" + Traffic.campaignId(0), """
          {"brandId":"acme","name":"C0","budget":1000,"currency":"EUR",
           "startsAt":"2026-11-01T00:00:00Z","endsAt":"2027-03-01T00:00:00Z"}""").status());
      for (String body : traffic.bodies(300)) assertEquals(200, http.ndjson(body).status());

      String campaign = Traffic.campaignId(0);
      String query = "/api/v1/campaigns/" + campaign + "/report?from=2026-11-01&to=2027-03-01&bucket=week&by=influencer";
      var reply = http.get(query);
      assertEquals(200, reply.status(), reply.raw().body());
      CampaignReport report = Json.mapper().readValue(reply.raw().body(), CampaignReport.class); // not via a tree, which strips zeros

      long[] counts = traffic.campaignCounts.get(campaign); // views, likes, clicks, conversions
      BigDecimal[] money = traffic.campaignMoney.get(campaign); // spend, revenue
      assertEquals("EUR", report.currency());
      assertEquals(counts[0], report.total().views());
      assertEquals(counts[1], report.total().likes());
      assertEquals(counts[2], report.total().clicks());
      assertEquals(counts[3], report.total().conversions());
      assertEquals(0, money[0].compareTo(report.total().spend()));
      assertEquals(0, money[1].compareTo(report.total().revenue()));

      JsonNode view = http.get("/api/v1/campaigns/" + campaign).json();
      assertEquals(view.get("views").asLong(), report.total().views(), "the report over the whole flight = the view");

      long views = 0, clicks = 0;
      for (CampaignReport.Entry e : report.breakdown()) {
        views += e.row().views();
        clicks += e.row().clicks();
        if (e.key() != null) {
          assertEquals(traffic.influencerTotals.get(e.key())[0], e.row().views(), "views of " + e.key());
        }
      }
      assertEquals(report.total().views(), views, "breakdown sums to the total");
      assertEquals(report.total().clicks(), clicks);
      assertEquals(report.total().views(), report.series().stream().mapToLong(p -> p.row().views()).sum());
      assertEquals(18, report.series().size(), "weeks from Monday 2026-10-26 to the one holding 2027-02-28");

      var csv = http.get(query, "text/csv");
      assertEquals(200, csv.status());
      assertTrue(csv.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
      assertEquals(ReportCsv.lines(report), ReportCsv.parse(csv.raw().body()), "CSV = JSON");
      assertEquals(csv.raw().body(), http.get(query + "&format=csv").raw().body());

      assertEquals(404, http.get("/api/v1/campaigns/nobody/report").status());
      var badBucket = http.get("/api/v1/campaigns/" + campaign + "/report?bucket=month");
      assertEquals(400, badBucket.status());
      assertEquals("bucket", badBucket.json().get("details").get(0).get("field").asText());
      var badFrom = http.get("/api/v1/campaigns/" + campaign + "/report?from=yesterday");
      assertEquals(400, badFrom.status());
      assertEquals("from", badFrom.json().get("details").get(0).get("field").asText());
      var tooMany = http.get("/api/v1/campaigns/" + campaign + "/report?from=2020-01-01&to=2027-01-01&bucket=hour");
      assertEquals(400, tooMany.status());
      assertEquals("bucket", tooMany.json().get("details").get(0).get("field").asText());
      var empty = http.get("/api/v1/campaigns/" + campaign + "/report?from=2027-01-01&to=2026-01-01");
      assertEquals(400, empty.status());

      // the same report again after more events: resumed from where the kept fold stopped, it equals a
      // report folded from the start (another bucket, never asked before)
      for (int i = 0; i < 3; i++) {
        assertEquals(200, http.ndjson("""
            {"type":"click","eventId":"report-more-%d","campaignId":"%s","influencerId":"late","occurredAt":"2026-12-24T10:00:00Z"}
            """.formatted(i, campaign)).status());
      }
      CampaignReport resumed = Json.mapper().readValue(http.get(query).raw().body(), CampaignReport.class);
      assertEquals(counts[2] + 3, resumed.total().clicks());
      assertEquals(resumed.total().clicks(), resumed.series().stream().mapToLong(p -> p.row().clicks()).sum());
      CampaignReport whole = Json.mapper().readValue(http.get(query.replace("bucket=week", "bucket=day")).raw().body(),
          CampaignReport.class);
      assertEquals(whole.total(), resumed.total(), "resumed fold = fold from the start");
      assertEquals(whole.breakdown(), resumed.breakdown());
    }
  }
}
