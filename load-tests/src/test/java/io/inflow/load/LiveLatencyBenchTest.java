package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of the harness against {@link FakeLiveNode} (HTTP and WebSocket on one loopback
 * port): what the bench sends, the open-model schedule, and the latencies it reports when the
 * "node" stalls, persists out of order, conflates or fails a request. Runs last about 1.5 s each.
 */
class LiveLatencyBenchTest {

  private static LiveBenchResult run(FakeLiveNode node, ByteArrayOutputStream output, String... extra)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("--url", node.baseUrl().toString(), "--rate", "2000",
        "--interval-ms", "50", "--subscribers", "5", "--warmup", "0s", "--duration", "1.5s", "--drain", "3s",
        "--influencers", "30", "--campaigns", "3", "--pregenerate-events", "1000", "--run-id", "tst001"));
    args.addAll(List.of(extra));
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      return LiveLatencyBench.run(LiveBenchOptions.parse(args.toArray(String[]::new)), out);
    }
  }

  /**
   * Requests travel on several connections, so on a busy machine the fake can count a click after a
   * later one (CI saw it once): the bench must report out-of-order messages exactly when that happened.
   */
  private static void assertOrderAsCounted(LiveBenchResult result, long clicksCountedLate) {
    if (clicksCountedLate == 0) {
      assertEquals(0, result.outOfOrderMessages());
    } else {
      assertTrue(result.outOfOrderMessages() > 0, "the fake counted " + clicksCountedLate + " clicks late");
    }
  }

  @Test
  void sendsOneWatchedClickPerRequestOnScheduleAndMeasuresEverySubscriber(@TempDir Path dir) throws Exception {
    Path jsonOut = dir.resolve("runs/live.json");
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    LiveBenchResult result;
    long countedLate;
    try (FakeLiveNode node = new FakeLiveNode(new FakeLiveNode.Behaviour("s3cret", 0, r -> 0, r -> false))) {
      result = run(node, output, "--token", "s3cret", "--label", "fake", "--warmup", "0.5s", "--duration", "1s",
          "--json-out", jsonOut.toString());

      assertEquals(0, node.unauthorised.get(), "the token goes with the PUT, the posts and the upgrades");
      assertEquals(5, node.upgrades.get());
      assertEquals(30, node.eventRequests.get(), "1.5 s of requests every 50 ms");
      assertEquals(Set.of(RequestPool.NDJSON), node.contentTypes);
      assertTrue(node.linesPerRequest.stream().allMatch(n -> n == 100), "99 background lines + the click");
      assertTrue(node.clicksPerRequest.stream().allMatch(n -> n == 1), "exactly one watched click per request");
      assertEquals(30, node.clickEventIds.size(), "unique eventIds");
      assertEquals(30, node.clicks());
      countedLate = node.clicksCountedLate();
    }
    assertEquals(20, result.requests(), "requests scheduled after the 0.5 s warm-up");
    assertEquals(30, result.requestsSent());
    assertEquals(20, result.succeededRequests());
    assertEquals(20 * 100, result.accepted());
    assertEquals(2_000.0, result.offeredEventsPerSecond(), 1e-9);
    assertEquals(2_000.0, result.achievedEventsPerSecond(), 1e-9);
    assertEquals(20, result.watchedClicksMeasured());
    assertEquals(20 * 5, result.latencySamples());
    assertEquals(20 * 5, result.updateLatencyMs().count());
    assertEquals(20, result.ackLatencyMs().count());
    assertEquals(0, result.missedSamples());
    assertTrue(result.updateLatencyMs().p50() < 50, "loopback fake answers at once: " + result.updateLatencyMs());
    assertTrue(result.messagesBySubscriber().stream().allMatch(n -> n == 31), "snapshot + one update per click");
    assertEquals(Map.of(), result.subscribersDisconnected());
    assertEquals(Map.of(), result.subscribersBehind());
    assertOrderAsCounted(result, countedLate);
    assertEquals(0, result.undecodedMessages() + result.staleMessages() + result.impossibleSamples()
        + result.badMessages());
    assertEquals("PASS", result.verdict());
    assertTrue(result.passed());

    String printed = output.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("Inflow live latency bench: fake"), printed);
    assertTrue(printed.contains("update latency ms"), printed);
    String jsonLine = printed.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    assertEquals(result, LiveBenchResult.fromJson(jsonLine));
    assertEquals(jsonLine, Files.readString(jsonOut).strip());
  }

  @Test
  void spreadsSubscribersOverWatchedCampaignsAndOffersDashboardReadsBeside() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    LiveBenchResult result;
    Map<String, Integer> reads;
    try (FakeLiveNode node = new FakeLiveNode(FakeLiveNode.Behaviour.friendly())) {
      result = run(node, output, "--watched-campaigns", "2", "--subscribers", "4", "--warmup", "0.5s",
          "--duration", "1s", "--reads", "40", "--window", "0.5s");
      assertTrue(node.clicksPerRequest.stream().allMatch(n -> n == 2), "one click per watched campaign per request");
      assertTrue(node.linesPerRequest.stream().allMatch(n -> n == 100), "98 background lines + 2 clicks");
      assertEquals(30, node.clicks("tst001-watch"));
      assertEquals(30, node.clicks("tst001-watch2"));
      assertEquals(60, node.clickEventIds.size(), "unique eventIds");
      assertEquals(4, node.upgrades.get());
      reads = Map.copyOf(node.reads);
    }
    assertEquals(2, result.watchedCampaigns());
    assertEquals(20 * 4, result.latencySamples(), "every subscriber measured every click of its campaign");
    assertEquals(0, result.missedSamples());
    assertTrue(result.messagesBySubscriber().stream().allMatch(n -> n == 31), result.messagesBySubscriber().toString());
    assertEquals("PASS", result.verdict());

    LiveBenchResult.Reads r = result.reads();
    assertEquals(40.0, r.offeredPerSecond());
    assertTrue(r.requests() >= 38 && r.requests() <= 41, "40 reads/s over the 1 s measured: " + r.requests());
    assertEquals(0, r.failed());
    assertEquals(r.requests(), r.latencyMs().count());
    assertTrue(r.idleLatencyMs().count() >= 38, "the same reads for 1 s without ingest: " + r.idleLatencyMs());
    assertTrue(Set.of("campaign", "report", "influencer", "fraud", "list", "overview").containsAll(r.byEndpoint().keySet()));
    assertTrue(reads.keySet().stream().anyMatch(p -> p.matches("/api/v1/campaigns/tst00100-[^/]+")), reads.toString());
    assertTrue(reads.keySet().stream().allMatch(p -> p.startsWith("/api/v1/campaigns/tst00100-")
        || p.startsWith("/api/v1/influencers") || p.startsWith("/api/v1/brands/")), reads.toString());

    assertTrue(result.windows().size() >= 1 && result.windows().size() <= 2, result.windows().toString());
    LiveBenchResult.Window w = result.windows().get(0);
    assertTrue(w.ackLatencyMs().count() > 0, w.toString());
    assertEquals(null, w.heapAfterGcBytes(), "the fake has no /metrics");
    String printed = output.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("read latency ms") && printed.contains("window"), printed);
  }

  @Test
  void aStalledRequestDelaysNoLaterSendAndItsClickIsNotCreditedEarly() throws Exception {
    // Request 8 is held 400 ms before its click counts (and before its reply): requests 9.. are
    // counted first. Latencies come from the scheduled times, and the bench must not credit click 8
    // with the update that counted click 9.
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    LiveBenchResult result;
    try (FakeLiveNode node = new FakeLiveNode(new FakeLiveNode.Behaviour(null, 0, r -> r == 8 ? 400 : 0,
        r -> false))) {
      result = run(node, output);
      assertEquals(30, node.eventRequests.get());
    }
    assertTrue(result.sendLagMs().max() < 100, "the next sends left on time: " + result.sendLagMs());
    assertTrue(result.maxInFlight() >= 2, "requests overlapped the stalled one");
    assertTrue(result.ackLatencyMs().max() >= 400, "ack of the held request: " + result.ackLatencyMs());
    assertTrue(result.updateLatencyMs().max() >= 400, "click 8 was visible only after 400 ms: "
        + result.updateLatencyMs());
    assertTrue(result.outOfOrderMessages() > 0, "the subscribers saw click 9 counted before click 8");
    assertEquals(30 * 5, result.latencySamples());
    assertEquals(0, result.missedSamples());
    assertTrue(result.ackOrderInversions() >= 1);
    assertTrue(result.passed(), result.verdict());
  }

  @Test
  void conflatedUpdatesCoverSeveralClicks() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    LiveBenchResult result;
    try (FakeLiveNode node = new FakeLiveNode(new FakeLiveNode.Behaviour(null, 120, r -> 0, r -> false))) {
      result = run(node, output);
    }
    assertEquals(30 * 5, result.latencySamples(), "every click measured although messages cover several");
    assertTrue(result.messagesPerSubscriber().max() < 25, "one message per 120 ms at most: "
        + result.messagesPerSubscriber());
    assertTrue(result.updateLatencyMs().max() >= 50, "waiting for the conflation slot counts");
    assertEquals(0, result.missedSamples());
    assertTrue(result.passed(), result.verdict());
  }

  @Test
  void aFailedRequestIsReportedAndNotWaitedFor() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    LiveBenchResult result;
    long countedLate;
    try (FakeLiveNode node = new FakeLiveNode(new FakeLiveNode.Behaviour(null, 0, r -> 0, r -> r == 5))) {
      result = run(node, output);
      assertEquals(29, node.clicks());
      countedLate = node.clicksCountedLate();
    }
    assertEquals(Map.of("503", 1L), result.failuresByStatus());
    assertEquals(1, result.failedRequests());
    assertEquals(29 * 5, result.latencySamples(), "the failed request's click is not measured");
    assertEquals(0, result.missedSamples(), "nor waited for");
    assertOrderAsCounted(result, countedLate); // the failed click's gap is not an inversion
    assertFalse(result.passed(), "1 of 30 requests failed: more than 1%");
    assertTrue(result.verdict().contains("more than 1% of requests failed"), result.verdict());
    assertTrue(result.firstFailure().startsWith("HTTP 503"), result.firstFailure());
  }

  @Test
  void refusesToStartWithoutTheRightToken() throws Exception {
    try (FakeLiveNode node = new FakeLiveNode(new FakeLiveNode.Behaviour("right", 0, r -> 0, r -> false))) {
      LiveLatencyBench.SetupException e = assertThrows(LiveLatencyBench.SetupException.class,
          () -> run(node, new ByteArrayOutputStream(), "--token", "wrong"));
      assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
      assertEquals(0, node.eventRequests.get());
    }
  }
}
