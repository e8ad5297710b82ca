package io.inflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the node's ingest endpoint on a loopback port, answering the way the contract
 * says: 200 with {@code {accepted, duplicates, rejected[]}}, 401 without the bearer token, 413 over
 * the body limit, 503 with {@code Retry-After}. It decides deterministically from each eventId
 * whether the line is "rejected" (hash mod 50 == 0) or "already known" (== 1), and really
 * deduplicates repeated eventIds, keeping its own tallies so a test can compare them with what the
 * bench reports. It tests the harness, not Inflow.
 */
final class FakeIngestNode implements AutoCloseable {

  /** How the fake behaves; {@code null} token means no authentication. */
  record Behaviour(String token, int unavailableEvery, long maxBodyBytes, int underReportPerRequest, long delayMillis) {
    static Behaviour friendly() {
      return new Behaviour(null, 0, 8L << 20, 0, 0);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Behaviour behaviour;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  final AtomicLong requests = new AtomicLong();
  final AtomicLong okRequests = new AtomicLong();
  final AtomicLong lines = new AtomicLong();
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong repeatedEventIds = new AtomicLong();
  final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  final Set<String> contentTypes = ConcurrentHashMap.newKeySet();
  private final Set<String> seenEventIds = ConcurrentHashMap.newKeySet();

  FakeIngestNode(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(BenchOptions.EVENTS_PATH, this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      long number = requests.incrementAndGet();
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      contentTypes.add(String.valueOf(contentType));
      if (!exchange.getRequestMethod().equals("POST")) {
        error(exchange, 405, "method_not_allowed");
        return;
      }
      if (behaviour.token() != null
          && !("Bearer " + behaviour.token()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        error(exchange, 401, "unauthorized");
        return;
      }
      if (body.length > behaviour.maxBodyBytes()) {
        error(exchange, 413, "payload_too_large");
        return;
      }
      if (behaviour.unavailableEvery() > 0 && number % behaviour.unavailableEvery() == 0) {
        exchange.getResponseHeaders().add("Retry-After", "0");
        error(exchange, 503, "overloaded");
        return;
      }
      if (behaviour.delayMillis() > 0) {
        Thread.sleep(behaviour.delayMillis());
      }
      String text = new String(body, StandardCharsets.UTF_8);
      List<String> eventLines = "application/json".equals(contentType) ? List.of(text) : text.lines().toList();
      int ok = 0;
      int known = 0;
      ArrayNode rejections = JSON.createArrayNode();
      for (int i = 0; i < eventLines.size(); i++) {
        JsonNode event = JSON.readTree(eventLines.get(i));
        String eventId = event.path("eventId").asText();
        if (!event.has("type") || eventId.isEmpty()) {
          rejections.add(rejection(i + 1, eventId, "type", "invalid_event"));
        } else if (!seenEventIds.add(eventId)) {
          repeatedEventIds.incrementAndGet();
          known++;
        } else if (Math.floorMod(eventId.hashCode(), 50) == 0) {
          rejections.add(rejection(i + 1, eventId, "influencerId", "unknown_influencer"));
        } else if (Math.floorMod(eventId.hashCode(), 50) == 1) {
          known++;
        } else {
          ok++;
        }
      }
      int reportedOk = Math.max(0, ok - behaviour.underReportPerRequest());
      okRequests.incrementAndGet();
      lines.addAndGet(eventLines.size());
      accepted.addAndGet(reportedOk);
      duplicates.addAndGet(known);
      rejected.addAndGet(rejections.size());
      ObjectNode reply = JSON.createObjectNode().put("accepted", reportedOk).put("duplicates", known);
      reply.set("rejected", rejections);
      send(exchange, 200, JSON.writeValueAsBytes(reply));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ObjectNode rejection(int line, String eventId, String field, String code) {
    return JSON.createObjectNode().put("line", line).put("eventId", eventId).put("field", field)
        .put("code", code).put("message", "rejected by the fake node");
  }

  private void error(HttpExchange exchange, int status, String code) throws IOException {
    send(exchange, status, JSON.writeValueAsBytes(JSON.createObjectNode().put("error", code)
        .put("message", "fake node says " + code).set("details", JSON.createArrayNode())));
  }

  private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  long status(int code) {
    AtomicLong count = statuses.get(code);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
