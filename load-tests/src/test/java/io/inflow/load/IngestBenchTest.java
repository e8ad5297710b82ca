package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end test of the harness against {@link FakeIngestNode} on a loopback port: what the bench
 * counts and reports must equal what the server did. Runs are bounded by {@code --max-requests}
 * (with no warm-up every request is measured, so the tallies must match exactly) or by a clock of
 * about a second.
 */
class IngestBenchTest {

  private static BenchResult run(List<String> args, ByteArrayOutputStream output) throws Exception {
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      return IngestBench.run(BenchOptions.parse(args.toArray(String[]::new)), out);
    }
  }

  @Test
  void countsAcceptedDuplicatesRejectedAndFailuresExactlyAsTheServerSawThem(@TempDir Path dir) throws Exception {
    Path jsonOut = dir.resolve("results/run.json");
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    BenchResult result;
    try (FakeIngestNode node = new FakeIngestNode(new FakeIngestNode.Behaviour("s3cret", 5, 8L << 20, 0, 1))) {
      result = run(List.of("--url", node.baseUrl().toString(), "--token", "s3cret", "--warmup", "0s",
          "--duration", "60s", "--max-requests", "25", "--connections", "3", "--lines-per-request", "400",
          "--pregenerate-events", "4000", "--influencers", "50", "--campaigns", "3", "--label", "fake-node",
          "--run-id", "tst001", "--json-out", jsonOut.toString()), output);

      assertEquals(25, node.requests.get());
      assertEquals(5, node.status(503), "every 5th request is turned away");
      assertEquals(Set.of(RequestPool.NDJSON), node.contentTypes);
      assertEquals(0, node.repeatedEventIds.get(), "cycling the pool never resends an eventId");
      assertEquals(25, result.requests());
      assertEquals(20, result.succeededRequests());
      assertEquals(5, result.failedRequests());
      assertEquals(0.2, result.failedRatio(), 1e-9);
      assertEquals(Map.of("503", 5L), result.failuresByStatus());
      assertEquals(25 * 400, result.eventsSent());
      assertEquals(node.accepted.get(), result.accepted());
      assertEquals(node.duplicates.get(), result.duplicates());
      assertEquals(node.rejected.get(), result.rejected());
      assertTrue(result.rejected() > 0 && result.duplicates() > 0, "the fake rejects and dedups some lines");
      assertEquals(Map.of("unknown_influencer", result.rejected()), result.rejectedByCode());
      assertEquals(0, result.unaccounted());
      assertEquals(20 * 400, result.accepted() + result.duplicates() + result.rejected());
      assertEquals(20, result.latencyMs().count(), "latency of successful requests only");
      assertTrue(result.latencyMs().p50() >= 1.0, "the fake sleeps 1 ms per request");
      assertTrue(result.latencyMs().p50() <= result.latencyMs().p99() && result.latencyMs().p99() <= result.latencyMs().max());
      assertEquals(3, result.cyclesUsed(), "25 requests over a pool of 10 bodies");
      assertEquals("max-requests", result.stopReason());
      assertEquals(result.accepted() / result.measuredSeconds(), result.eventsPerSecond(), result.eventsPerSecond() * 0.01 + 1);
      assertEquals(1, IngestBench.exitCode(result), "20% failed requests fail the run");
    }

    String printed = output.toString(StandardCharsets.UTF_8);
    Files.writeString(Path.of("target", "ingest-bench-sample.txt"), printed);
    assertTrue(printed.contains("durable events/s"), printed);
    assertTrue(printed.contains("HTTP 503 ×5"), printed);
    assertTrue(printed.contains("FAIL (more than 1% of requests failed)"), printed);
    String lastLine = printed.strip().lines().reduce((a, b) -> b).orElseThrow();
    assertEquals(result, BenchResult.fromJson(lastLine), "the last line is the JSON result");
    assertEquals(result, BenchResult.fromJson(Files.readString(jsonOut).strip()), "--json-out holds the same line");
  }

  @Test
  void measuresOnlyAfterTheWarmUpAndUntilTheClockStops() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (FakeIngestNode node = new FakeIngestNode(new FakeIngestNode.Behaviour(null, 0, 8L << 20, 0, 2))) {
      BenchResult result = run(List.of("--url", node.baseUrl() + "/", "--warmup", "400ms", "--duration", "1s",
          "--connections", "2", "--lines-per-request", "100", "--pregenerate-events", "5000",
          "--influencers", "20", "--campaigns", "2"), output);

      assertEquals("duration", result.stopReason());
      assertEquals(1.0, result.measuredSeconds(), 1e-9);
      assertTrue(result.warmupRequests() > 0, "warm-up requests are not measured");
      assertEquals(node.requests.get(), result.warmupRequests() + result.requests() + result.lateRequests(),
          "every request the server saw is warm-up, measured or late");
      assertTrue(result.requests() > 10);
      assertEquals(0, result.failedRequests());
      assertEquals(result.accepted(), result.eventsPerSecond(), 0.1, "events/s over a 1 s window");
      assertEquals(result.requests(), result.requestsPerSecond(), 0.001);
      assertTrue(result.accepted() < node.accepted.get(), "warm-up acceptances are left out");
      assertEquals(result.succeededRequests(), result.latencyMs().count());
      assertEquals(0, IngestBench.exitCode(result));
      assertEquals(null, result.firstFailure());
      assertTrue(output.toString(StandardCharsets.UTF_8).contains("PASS"));
    }
  }

  @Test
  void singleEventModePostsOneJsonObjectPerRequest() throws Exception {
    try (FakeIngestNode node = new FakeIngestNode(FakeIngestNode.Behaviour.friendly())) {
      BenchResult result = run(List.of("--url", node.baseUrl().toString(), "--single-event-requests",
          "--connections", "16", "--warmup", "0s", "--max-requests", "400", "--pregenerate-events", "1000",
          "--influencers", "20", "--campaigns", "2"), new ByteArrayOutputStream());

      assertEquals(Set.of(RequestPool.JSON), node.contentTypes);
      assertEquals("single-event", result.mode());
      assertEquals(400, result.requests());
      assertEquals(400, result.eventsSent());
      assertEquals(400, node.lines.get());
      assertEquals(node.accepted.get(), result.accepted());
      assertEquals(0, result.unaccounted());
      assertEquals(16, result.connections());
    }
  }

  @Test
  void reportsTooLargeUnauthorisedAndLostEvents() throws Exception {
    try (FakeIngestNode tiny = new FakeIngestNode(new FakeIngestNode.Behaviour(null, 0, 10_000, 0, 0))) {
      BenchResult result = run(List.of("--url", tiny.baseUrl().toString(), "--warmup", "0s", "--max-requests", "6",
          "--lines-per-request", "200", "--pregenerate-events", "1200", "--influencers", "10"), new ByteArrayOutputStream());
      assertEquals(Map.of("413", 6L), result.failuresByStatus());
      assertTrue(result.firstFailure().startsWith("HTTP 413: {\"error\":\"payload_too_large\""), result.firstFailure());
      assertEquals(1.0, result.failedRatio());
      assertEquals(0, result.accepted());
      assertEquals(1, IngestBench.exitCode(result));
    }
    try (FakeIngestNode locked = new FakeIngestNode(new FakeIngestNode.Behaviour("right", 0, 8L << 20, 0, 0))) {
      BenchResult result = run(List.of("--url", locked.baseUrl().toString(), "--token", "wrong", "--warmup", "0s",
          "--max-requests", "4", "--lines-per-request", "50", "--pregenerate-events", "200", "--influencers", "10"),
          new ByteArrayOutputStream());
      assertEquals(Map.of("401", 4L), result.failuresByStatus());
    }
    try (FakeIngestNode lossy = new FakeIngestNode(new FakeIngestNode.Behaviour(null, 0, 8L << 20, 3, 0))) {
      BenchResult result = run(List.of("--url", lossy.baseUrl().toString(), "--warmup", "0s", "--max-requests", "7",
          "--lines-per-request", "100", "--pregenerate-events", "700", "--influencers", "10"), new ByteArrayOutputStream());
      assertEquals(7 * 3, result.unaccounted(), "lines the node neither accepted, dropped as duplicate nor rejected");
      assertEquals(0, IngestBench.exitCode(result));
    }
  }

  @Test
  void aNodeThatIsNotThereIsCountedAsIoErrors() throws Exception {
    int freePort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      freePort = socket.getLocalPort();
    }
    BenchResult result = run(List.of("--url", "http://127.0.0.1:" + freePort, "--warmup", "0s", "--max-requests", "3",
        "--connections", "1", "--lines-per-request", "10", "--pregenerate-events", "30", "--influencers", "5"),
        new ByteArrayOutputStream());
    assertEquals(3, result.ioErrors());
    assertTrue(result.firstFailure().startsWith("java.net.ConnectException"), result.firstFailure());
    assertEquals(3, result.failedRequests());
    assertEquals(1, IngestBench.exitCode(result));
  }
}
