package io.inflow.node.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.node.InflowNode;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.storage.TestCassandra;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The influencer list and brand overview on the real Cassandra read tables: after ingest they
 * converge (within the flush interval) to the independently computed totals, ranked and filtered.
 */
class ReadModelIntegrationTest {

  @Test
  void listAndOverviewConvergeToTheTraffic() {
    Traffic traffic = new Traffic(11, 30, 3, 2000);
    try (InflowNode node = InflowNode.start(NodeFixture.config("""
        inflow.cassandra.contact-points = "%s"
        inflow.cassandra.keyspace = "%s"
        inflow.read-model.flush-interval = 200ms
        inflow.fraud.coordination.interval = 200ms
        inflow.data-dir = "%s"
        """.formatted(TestCassandra.get().contactPoint(), TestCassandra.uniqueKeyspace("readmodel"),
        NodeFixture.workDir("readmodel").toString().replace("\\", "/"))))) {
      HttpClientSupport http = NodeFixture.client(node);
      for (int c = 0; c < 3; c++) {
        String brand = c < 2 ? "brand-a" : "brand-b";
        assertEquals(200, http.put("/api/v1/campaigns/" + Traffic.campaignId(c), """
            {"brandId":"%s","name":"C%d","budget":1000,"currency":"EUR",
             "startsAt":"2026-11-0%dT00:00:00Z","endsAt":"2026-12-31T00:00:00Z"}""".formatted(brand, c, c + 1)).status());
      }
      for (String body : traffic.bodies(500)) assertEquals(200, http.ndjson(body).status());

      List<String> byFollowers = new ArrayList<>(traffic.influencerTotals.keySet());
      byFollowers.sort(Comparator.<String>comparingLong(id -> -traffic.influencerTotals.get(id)[3])
          .thenComparing(Comparator.naturalOrder()));
      Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        JsonNode list = http.get("/api/v1/influencers?sort=followers&limit=1000").json();
        assertEquals(30, list.get("count").asInt());
        List<String> ids = new ArrayList<>();
        list.get("influencers").forEach(i -> ids.add(i.get("influencerId").asText()));
        assertEquals(byFollowers, ids);
        for (JsonNode i : list.get("influencers")) {
          long[] expected = traffic.influencerTotals.get(i.get("influencerId").asText());
          assertEquals(expected[0], i.get("views").asLong());
        }
      });
      JsonNode top3 = http.get("/api/v1/influencers?sort=followers&limit=3").json();
      assertEquals(byFollowers.subList(0, 3), List.of(top3.get("influencers").get(0).get("influencerId").asText(),
          top3.get("influencers").get(1).get("influencerId").asText(), top3.get("influencers").get(2).get("influencerId").asText()));
      JsonNode mega = http.get("/api/v1/influencers?tier=mega&limit=1000").json();
      long expectedMega = traffic.influencerTotals.values().stream().filter(t -> t[3] >= 1_000_000).count();
      assertEquals(expectedMega, mega.get("count").asLong());

      Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        JsonNode a = http.get("/api/v1/brands/brand-a/overview").json();
        assertEquals(2, a.get("campaigns").asInt());
        BigDecimal spend = traffic.campaignMoney.get(Traffic.campaignId(0))[0].add(traffic.campaignMoney.get(Traffic.campaignId(1))[0]);
        assertEquals(0, spend.compareTo(a.get("spendByCurrency").get("EUR").decimalValue()), a.toString());
        long views = traffic.campaignCounts.get(Traffic.campaignId(0))[0] + traffic.campaignCounts.get(Traffic.campaignId(1))[0];
        assertEquals(views, a.get("views").asLong());
        assertEquals(30, a.get("trend").size(), "one trend point per day of the last 30");
        assertEquals(30, a.get("campaignList").get(0).get("daily").size());
        assertEquals(List.of("camp-0", "camp-1"), List.of(a.get("campaignList").get(0).get("campaignId").asText(),
            a.get("campaignList").get(1).get("campaignId").asText()));
      });
      Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        JsonNode brands = http.get("/api/v1/brands").json();
        assertEquals(2, brands.get("count").asInt(), brands.toString());
        JsonNode a = brands.get("brands").get(0);
        JsonNode b = brands.get("brands").get(1);
        assertEquals(List.of("brand-a", "brand-b"), List.of(a.get("brandId").asText(), b.get("brandId").asText()));
        assertEquals(2, a.get("campaigns").asInt());
        assertEquals(1, b.get("campaigns").asInt());
        BigDecimal revenueB = traffic.campaignMoney.get(Traffic.campaignId(2))[1];
        assertEquals(0, revenueB.compareTo(b.get("revenueByCurrency").get("EUR").decimalValue()), b.toString());
        assertEquals(traffic.campaignCounts.get(Traffic.campaignId(2))[2], b.get("clicks").asLong());
        JsonNode overviewA = http.get("/api/v1/brands/brand-a/overview").json();
        for (String total : List.of("views", "engagements", "clicks", "conversions")) {
          assertEquals(overviewA.get(total).asLong(), a.get(total).asLong(), total);
        }
        assertEquals(0, overviewA.get("spendByCurrency").get("EUR").decimalValue()
            .compareTo(a.get("spendByCurrency").get("EUR").decimalValue()));
        long alertsListed = 0;
        java.time.Instant latest = java.time.Instant.EPOCH;
        for (JsonNode c : overviewA.get("campaignList")) {
          long listed = http.get("/api/v1/campaigns/" + c.get("campaignId").asText()).json().get("alerts").size();
          assertEquals(listed, c.get("alertCount").asLong(), "the row lists the campaign's alerts");
          alertsListed += listed;
          java.time.Instant at = java.time.Instant.parse(c.get("updatedAt").asText());
          if (at.isAfter(latest)) latest = at;
        }
        assertEquals(alertsListed, a.get("alerts").asLong());
        assertEquals(latest.toString(), a.get("updatedAt").asText());
      });
      assertEquals(404, http.get("/api/v1/brands/nobody/overview").status());
      var badSort = http.get("/api/v1/influencers?sort=charisma");
      assertEquals(400, badSort.status());
      assertEquals("sort", badSort.json().get("details").get(0).get("field").asText());
      assertEquals(400, http.get("/api/v1/influencers?limit=0").status());

      // an engagement pod on brand-b's campaign: the same 12 commenters first on each member's posts
      List<String> pod = new ArrayList<>();
      for (int member = 0; member < 5; member++) {
        for (int post = 0; post < 2; post++) {
          java.time.Instant first = Traffic.T0.plus(Duration.ofHours(30L * member + 70L * post));
          for (int author = 0; author < 12; author++) {
            pod.add("""
                {"type":"comment.posted","eventId":"pod%1$d-%2$d-%3$d","influencerId":"pod-%1$d","postId":"pod%1$d-post%2$d","campaignId":"%4$s","commentId":"c%1$d-%2$d-%3$d","authorId":"podder-%3$d","text":"Great shot %3$d","postedAt":"%5$s"}"""
                .formatted(member, post, author, Traffic.campaignId(2), first.plusSeconds(60L * author)));
          }
        }
      }
      assertEquals(200, http.ndjson(String.join("\n", pod) + "\n").status());
      Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        JsonNode graph = http.get("/api/v1/analytics/network").json();
        List<String> linkedToFirst = new ArrayList<>();
        for (JsonNode link : graph.get("links")) {
          assertEquals("shared_commenters", link.get("kind").asText());
          if (link.get("source").asText().equals("pod-0")) linkedToFirst.add(link.get("target").asText());
        }
        // members 1-3 posted within the detector's 48 h of member 0's posts; member 4 did not
        assertEquals(List.of("pod-1", "pod-2", "pod-3"), linkedToFirst, graph.toString());
        JsonNode cluster = graph.get("clusters").get(0);
        List<String> members = new ArrayList<>();
        cluster.get("members").forEach(m -> members.add(m.asText()));
        assertTrue(members.containsAll(List.of("pod-0", "pod-1", "pod-2", "pod-3")), cluster.toString());
        assertTrue(cluster.get("suspicious").asBoolean());
        for (JsonNode linked : graph.get("nodes")) {
          assertTrue(linked.get("id").asText().startsWith("pod-"), "the traffic's influencers have no pod: " + linked);
          assertTrue(linked.get("fraudScore").isNumber(), linked.toString());
        }
        JsonNode row = http.get("/api/v1/influencers?limit=1000").json().get("influencers");
        for (JsonNode i : row) {
          if (!i.get("influencerId").asText().equals("pod-0")) continue;
          assertEquals(3, i.get("partners").size(), i.toString());
          assertEquals(12, i.get("sharedAuthorsMax").asInt(), i.toString());
        }
      });
      assertEquals(0, http.get("/api/v1/analytics/network?brand=brand-a").json().get("nodes").size(),
          "the pod commented on brand-b's campaign only");
      assertEquals(http.get("/api/v1/analytics/network").json(), http.get("/api/v1/analytics/network?brand=brand-b").json());
      JsonNode top2 = http.get("/api/v1/analytics/network?limit=2").json();
      assertTrue(top2.get("nodes").size() <= 2, top2.toString());
    }
  }
}
