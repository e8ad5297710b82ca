package io.inflow.node.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.node.InMemoryNode;
import io.inflow.node.InflowNode;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.live.LiveClient;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: the series the issue lists, grouped (never one per entity), admins only. */
class MetricsRoutesTest {
  private static InflowNode node;
  private static HttpClientSupport http;

  @BeforeAll
  static void start() throws Exception {
    node = InMemoryNode.start("metrics", "inflow.metrics.tick-interval = 500ms\n");
    http = new HttpClientSupport(node.apiUrl());
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  @Test
  void scrapeShowsIngestPersistEntitiesSubscribersAndRoutes() throws Exception {
    assertEquals(200, http.put("/api/v1/campaigns/m-camp", """
        {"brandId":"acme","name":"Metered","budget":100,"currency":"EUR","startsAt":"2026-10-01T00:00:00Z",
         "endsAt":"2026-12-31T00:00:00Z"}""").status());
    String good = """
        {"type":"click","eventId":"m-1","influencerId":"m-anna","campaignId":"m-camp","occurredAt":"2026-11-01T10:00:00Z"}""";
    String bad = "{\"type\":\"click\",\"eventId\":\"m-2\"}";
    assertEquals(200, http.post("/api/v1/events", "application/x-ndjson", good + "\n" + bad).status());
    assertEquals(200, http.post("/api/v1/events", "application/x-ndjson", good).status()); // a duplicate
    try (LiveClient live = LiveClient.connect(node.apiUrl(), "m-camp", true)) {
      live.next(Duration.ofSeconds(10));
      // series name and one label each (label order is the reporter's)
      List<List<String>> wanted = List.of(
          List.of("inflow_ingest_events_total{", "outcome=\"accepted\""),
          List.of("inflow_ingest_events_total{", "outcome=\"duplicate\""),
          List.of("inflow_ingest_events_total{", "outcome=\"rejected\""),
          List.of("inflow_persist_latency_seconds_bucket{", "entity=\"influencer\""),
          List.of("inflow_persist_latency_seconds_bucket{", "entity=\"campaign\""),
          List.of("inflow_persist_batch_events_bucket{", "entity=\"influencer\""),
          List.of("inflow_entities_alive{", "entity=\"influencer\""),
          List.of("inflow_entities_alive{", "entity=\"campaign\""),
          List.of("inflow_websocket_subscribers", ""),
          List.of("inflow_http_request_duration_seconds_bucket{", "endpoint=\"POST_EVENTS\""),
          List.of("inflow_jvm_heap_bytes{", "area=\"used\""),
          List.of("inflow_jvm_heap_bytes{", "area=\"after_gc\""),
          List.of("inflow_jvm_heap_bytes{", "area=\"max\""),
          List.of("inflow_jvm_gc_collections{", "collector="),
          List.of("inflow_jvm_gc_seconds{", "collector="),
          List.of("inflow_fraud_level_checks_total", "")); // the influencer's level is checked a second after its persist
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
        var scrape = http.get("/metrics");
        assertEquals(200, scrape.status());
        assertTrue(scrape.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = scrape.raw().body();
        for (List<String> series : wanted) {
          assertTrue(text.lines().anyMatch(l -> l.startsWith(series.get(0)) && l.contains(series.get(1))),
              series + " missing from\n" + text);
        }
        assertFalse(text.contains("m-anna") || text.contains("m-camp"), "no series names an entity");
        assertTrue(gauge(text, "inflow_websocket_subscribers") >= 1, text);
        assertTrue(gauge(text, "inflow_fraud_level_checks_total") >= 1, text);
      });
    }
  }

  @Test
  void onlyAdminsMayScrape() {
    assertEquals(401, http.as(null).get("/metrics").status());
    assertEquals(403, http.as(io.inflow.node.TestTokens.analyst("acme")).get("/metrics").status());
  }

  private static double gauge(String text, String name) {
    return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }
}
