package io.inflow.load.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.inflow.load.EventJson;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.IngestEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation's plumbing against a stand-in node: ingest in order per influencer, polling, scoring. */
class FraudEvaluationTest {

  static final FraudPopulation.Config SMALL =
      FraudPopulation.Config.of(3, 40, 20, Instant.parse("2026-11-29T01:00:00Z"));

  /**
   * Accepts events (the first request gets a 503), counts them per influencer, checks each
   * influencer's events arrive in time order, rate-limits every third read with a 429, and scores 90/high whoever has a comment from a bot
   * farm account, else 10/low; or answers 404 on /fraud when {@code withFraud} is false.
   */
  static final class FakeNode implements AutoCloseable {
    final HttpServer server;
    final ExecutorService executor = Executors.newFixedThreadPool(4);
    final Map<String, Long> recorded = new ConcurrentHashMap<>();
    final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    final Set<String> botted = ConcurrentHashMap.newKeySet();
    final AtomicInteger outOfOrder = new AtomicInteger();
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();

    FakeNode(boolean withFraud) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/api/v1/events", this::ingest);
      server.createContext("/api/v1/influencers/", exchange -> read(exchange, withFraud));
      server.setExecutor(executor);
      server.start();
    }

    URI base() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void ingest(HttpExchange exchange) throws IOException {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (posts.getAndIncrement() == 0) {
          exchange.getResponseHeaders().add("Retry-After", "0");
          reply(exchange, 503, "{\"error\":\"overloaded\"}");
          return;
        }
        long lines = 0;
        for (String line : body.lines().toList()) {
          IngestEvent event = EventJson.parse(line);
          synchronized (this) {
            Instant previous = lastSeen.put(event.influencerId(), event.occurredTime());
            if (previous != null && event.occurredTime().isBefore(previous)) outOfOrder.incrementAndGet();
          }
          recorded.merge(event.influencerId(), 1L, Long::sum);
          if (event instanceof CommentPosted c && c.authorId().contains("-bot")) botted.add(c.influencerId());
          lines++;
        }
        reply(exchange, 200, "{\"accepted\":" + lines + ",\"duplicates\":0,\"rejected\":[]}");
      }
    }

    private void read(HttpExchange exchange, boolean withFraud) throws IOException {
      try (exchange) {
        String path = exchange.getRequestURI().getPath().substring("/api/v1/influencers/".length());
        if (reads.incrementAndGet() % 3 == 0) {
          exchange.getResponseHeaders().add("Retry-After", "0");
          reply(exchange, 429, "{\"error\":\"rate_limited\"}");
          return;
        }
        boolean fraud = path.endsWith("/fraud");
        String id = fraud ? path.substring(0, path.length() - "/fraud".length()) : path;
        if (!recorded.containsKey(id) || fraud && !withFraud) {
          reply(exchange, 404, "{\"error\":\"not_found\"}");
        } else if (fraud) {
          boolean bot = botted.contains(id);
          reply(exchange, 200, "{\"influencerId\":\"" + id + "\",\"score\":" + (bot ? 90 : 10) + ",\"level\":\""
              + (bot ? "high" : "low") + "\",\"signals\":[{\"signal\":\"comment_authenticity\",\"value\":0.5,"
              + "\"baseline\":0.1,\"contribution\":" + (bot ? 40 : 0) + ",\"explanation\":\"x\"}],\"extra\":1}");
        } else {
          reply(exchange, 200, "{\"influencerId\":\"" + id + "\",\"eventsRecorded\":" + recorded.get(id) + "}");
        }
      }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /** What an evaluation against {@code node} printed, and its exit status. */
  record Run(int status, String printed) {}

  static Run evaluate(FakeNode node, Path out) throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    FraudEvaluation.Options options =
        new FraudEvaluation.Options(node.base(), Optional.of("t"), SMALL, out, 3, 500, Duration.ofSeconds(30));
    int status = FraudEvaluation.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
    return new Run(status, printed.toString(StandardCharsets.UTF_8));
  }

  @Test
  void posts_everything_in_order_per_influencer_then_scores_and_writes_the_report(@TempDir Path dir) throws Exception {
    Run run;
    try (FakeNode node = new FakeNode(true)) {
      run = evaluate(node, dir);
      assertEquals(0, node.outOfOrder.get(), "each influencer's events arrive in time order");
    }
    String text = run.printed();
    assertEquals(0, run.status(), text);
    assertTrue(text.contains("40 of 40 influencers complete"), text);
    assertTrue(text.contains("comment_bots"), text);
    JsonNode report = EventJson.mapper().readTree(dir.resolve("fraud-eval.json").toFile());
    assertEquals(40, report.get("scored").asInt());
    assertEquals(report.get("eventsExpected").asLong(), report.get("eventsRecorded").asLong());
    assertEquals(1.0, report.at("/metrics/byType/comment_bots/recall").asDouble(), 1e-9);
    assertEquals(0.0, report.at("/metrics/allOrganicFalsePositiveRate").asDouble(), 1e-9);
    assertTrue(Files.size(dir.resolve("events.ndjson")) > 0 && Files.exists(dir.resolve("labels.tsv")));
  }

  @Test
  void a_node_without_the_fraud_endpoint_gets_a_clear_message_and_status_3(@TempDir Path dir) throws Exception {
    Run run;
    try (FakeNode node = new FakeNode(false)) {
      run = evaluate(node, dir);
    }
    String text = run.printed();
    assertEquals(3, run.status(), text);
    assertTrue(text.contains("this node has no fraud endpoint") && text.contains("Generation and ingest worked"), text);
  }
}
