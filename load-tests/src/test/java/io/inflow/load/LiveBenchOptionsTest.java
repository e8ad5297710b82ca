package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveBenchOptionsTest {

  @Test
  void defaultsAreHalfTheMeasuredMaximumWithAHundredSubscribers() {
    LiveBenchOptions o = LiveBenchOptions.parse();
    assertEquals(URI.create("http://127.0.0.1:8080"), o.baseUrl());
    assertEquals(28_000, o.rate());
    assertEquals(100, o.subscribers());
    assertEquals(Duration.ofSeconds(30), o.warmup());
    assertEquals(Duration.ofSeconds(60), o.duration());
    assertEquals(50, o.intervalMs());
    assertEquals(1_400, o.linesPerRequest());
    assertEquals(1_399, o.backgroundLinesPerRequest());
    assertEquals(28_000.0, o.offeredRate(), 1e-9);
    assertEquals(1_800, o.scheduledRequests());
    assertEquals(1_000_000, o.poolEvents(), "capped; later requests cycle the pool under fresh ids");
    assertEquals(Optional.empty(), o.token());
    assertEquals("live", o.label());
    assertTrue(o.runId().matches("[a-z][a-z0-9]{5}"));
  }

  @Test
  void parsesEveryFlag() {
    LiveBenchOptions o = LiveBenchOptions.parse("--url", "https://node.example:8443/api/v1/events", "--token=T",
        "--rate", "1_000", "--subscribers", "3", "--warmup", "1s", "--duration", "2s", "--interval-ms", "20",
        "--seed", "7", "--label", "x", "--json-out", "r/x.json", "--influencers", "10", "--campaigns", "2",
        "--pregenerate-events", "500", "--request-timeout", "5s", "--drain", "1s", "--run-id", "abc123",
        "--population", "w1", "--clicks-out", "r/x.clicks.csv");
    assertEquals(URI.create("https://node.example:8443"), o.baseUrl(), "the path is dropped");
    assertEquals(URI.create("https://node.example:8443/api/v1/events"), o.eventsUrl());
    assertEquals(URI.create("https://node.example:8443/api/v1/campaigns/c1"), o.campaignUrl("c1"));
    assertEquals(URI.create("wss://node.example:8443/api/v1/campaigns/c1/live"), o.liveUrl("c1"));
    assertEquals(Optional.of("T"), o.token());
    assertEquals(20, o.linesPerRequest());
    assertEquals(150, o.scheduledRequests());
    assertEquals(500, o.poolEvents());
    assertEquals(Optional.of(Path.of("r/x.json")), o.jsonOut());
    assertEquals(Optional.of(Path.of("r/x.clicks.csv")), o.clicksOut());
    assertEquals(Duration.ofSeconds(1), o.drainTimeout());
    assertEquals(3, o.subscribers());
    assertEquals("abc123", o.runId());
    assertEquals("w1", o.generatorConfig().population());
    assertEquals("abc12300", o.generatorConfig().namespace());
    assertEquals(Optional.of("w1"), o.step("s", 10, 100, Duration.ZERO, Duration.ofSeconds(1), Optional.empty())
        .population(), "ramp steps keep the population");
  }

  @Test
  void roundsTheRateToWholeLinesAndSaysSo() {
    LiveBenchOptions o = LiveBenchOptions.parse("--rate", "1234", "--interval-ms", "50");
    assertEquals(62, o.linesPerRequest());
    assertEquals(1_240.0, o.offeredRate(), 1e-9);
    assertEquals(URI.create("ws://127.0.0.1:8080/api/v1/campaigns/k/live"), o.liveUrl("k"));
  }

  @Test
  void rejectsWhatItCannotUse() {
    assertThrows(BenchOptions.UsageException.class, () -> LiveBenchOptions.parse("--rate", "5", "--interval-ms", "50"));
    assertThrows(BenchOptions.UsageException.class, () -> LiveBenchOptions.parse("--subscribers", "0"));
    assertThrows(BenchOptions.UsageException.class, () -> LiveBenchOptions.parse("--connections", "4"));
    assertThrows(BenchOptions.UsageException.class, () -> LiveBenchOptions.parse("--duration", "0s"));
    assertThrows(BenchOptions.UsageException.class, () -> LiveBenchOptions.parse("--url", "ws://x"));
    assertThrows(BenchOptions.UsageException.class, () -> LiveBenchOptions.parse("--interval-ms", "fast"));
    assertTrue(LiveBenchOptions.wantsHelp("--help"));
  }
}
