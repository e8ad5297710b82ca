package io.inflow.load.fraud;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.load.EventJson;
import io.inflow.protocol.api.FraudReport;
import io.inflow.protocol.api.FraudSignal;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads per-influencer resources from a node, a few requests at a time: {@code eventsRecorded} from
 * {@code GET /api/v1/influencers/{id}} and the fraud score from {@code GET
 * /api/v1/influencers/{id}/fraud}. Of a fraud report only {@code score} and {@code level} are
 * required; signals are read when present, every other field is ignored.
 */
final class NodeReader implements AutoCloseable {

  /** One answer: the HTTP status and, for 200, the parsed value. */
  record Answer<T>(String influencerId, int status, T value, String problem) {
    boolean ok() {
      return value != null;
    }
  }

  private static final TypeReference<List<FraudSignal>> SIGNALS = new TypeReference<>() {};
  private static final int MAX_ATTEMPTS = 10;

  private final URI base;
  private final Optional<String> token;
  private final ExecutorService pool;
  private final HttpClient client;

  NodeReader(URI base, Optional<String> token, int parallelism) {
    this.base = base;
    this.token = token;
    this.pool = Executors.newFixedThreadPool(parallelism);
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** {@code eventsRecorded} of each influencer (value null when not found or unreadable). */
  List<Answer<Long>> eventsRecorded(List<String> influencerIds) throws InterruptedException {
    return getAll(influencerIds, "", node -> node.path("eventsRecorded").isNumber()
        ? node.get("eventsRecorded").asLong() : null);
  }

  /** The fraud report of each influencer (value null when the node has none or it lacks score/level). */
  List<Answer<FraudReport>> fraudReports(List<String> influencerIds) throws InterruptedException {
    return getAll(influencerIds, "/fraud", NodeReader::fraudReport);
  }

  /** Just what the evaluation needs from a report; null without a numeric score and a level. */
  static FraudReport fraudReport(JsonNode node) {
    if (!node.path("score").isNumber() || !node.path("level").isTextual()) return null;
    List<FraudSignal> signals = List.of();
    if (node.path("signals").isArray()) {
      try {
        signals = EventJson.mapper().convertValue(node.get("signals"), SIGNALS);
      } catch (IllegalArgumentException unreadable) {
        signals = List.of();
      }
    }
    return new FraudReport(node.path("influencerId").asText(null), node.path("tier").asText(null),
        node.path("platform").asText(null), node.get("score").asDouble(), node.get("level").asText(), null,
        signals, null, List.of(), List.of());
  }

  private <T> List<Answer<T>> getAll(List<String> ids, String suffix, Function<JsonNode, T> parse)
      throws InterruptedException {
    List<Future<Answer<T>>> futures = new ArrayList<>();
    for (String id : ids) {
      futures.add(pool.submit(() -> get(id, suffix, parse)));
    }
    List<Answer<T>> answers = new ArrayList<>();
    for (Future<Answer<T>> future : futures) {
      try {
        answers.add(future.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    return answers;
  }

  /**
   * One GET; a 429 or 503 (the node's per-token rate limit, or overload) is retried after its
   * {@code Retry-After} (at most 5 s), up to {@value #MAX_ATTEMPTS} attempts.
   */
  private <T> Answer<T> get(String id, String suffix, Function<JsonNode, T> parse) throws InterruptedException {
    URI uri = base.resolve("/api/v1/influencers/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + suffix);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json").GET();
    token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
    HttpRequest request = builder.build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<byte[]> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (attempt < MAX_ATTEMPTS) {
          Thread.sleep(500L * attempt);
          continue;
        }
        return new Answer<>(id, 0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      int status = response.statusCode();
      if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
        long seconds = response.headers().firstValue("Retry-After").map(NodeReader::seconds).orElse(1L);
        Thread.sleep(Math.max(100, Math.min(5_000, seconds * 1_000)));
        continue;
      }
      if (status != 200) {
        return new Answer<>(id, status, null, "HTTP " + status + ": "
            + new String(response.body(), StandardCharsets.UTF_8).strip());
      }
      try {
        T value = parse.apply(EventJson.mapper().readTree(response.body()));
        return new Answer<>(id, 200, value, value == null ? "the reply lacks the expected fields" : null);
      } catch (IOException e) {
        return new Answer<>(id, 200, null, "the reply is not JSON: " + e.getMessage());
      }
    }
  }

  private static long seconds(String retryAfter) {
    try {
      return Long.parseLong(retryAfter.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
