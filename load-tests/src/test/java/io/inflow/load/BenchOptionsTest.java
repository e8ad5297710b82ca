package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsMatchTheDocumentedRun() {
    BenchOptions o = BenchOptions.parse();
    assertEquals(URI.create("http://127.0.0.1:8080/api/v1/events"), o.url());
    assertEquals(Optional.empty(), o.token());
    assertEquals(Duration.ofSeconds(30), o.warmup());
    assertEquals(Duration.ofSeconds(60), o.duration());
    assertEquals(4, o.connections());
    assertEquals(5_000, o.eventsPerRequest());
    assertEquals(1_000, o.influencers());
    assertEquals(20, o.campaigns());
    assertEquals(42, o.seed());
    assertFalse(o.singleEventRequests());
    assertTrue(o.runId().matches("[a-z][a-z0-9]{5}"));
    assertEquals(Optional.empty(), o.population());
    assertEquals(o.runId() + "00", o.generatorConfig().population(), "by default each run is its own world");
  }

  @Test
  void parsesEveryFlagInBothSpellings() {
    BenchOptions o = BenchOptions.parse("--url", "http://localhost:9000", "--token=T0K", "--warmup", "1.5s",
        "--duration=2m", "--connections", "8", "--lines-per-request", "200", "--influencers", "10",
        "--campaigns", "0", "--seed", "-5", "--label", "grouping-off", "--json-out", "out/r.json",
        "--pregenerate-events", "1_000", "--max-requests", "3", "--request-timeout", "500ms", "--run-id", "abc123",
        "--population", "wpop42");
    assertEquals(URI.create("http://localhost:9000/api/v1/events"), o.url());
    assertEquals(Optional.of("T0K"), o.token());
    assertEquals(Duration.ofMillis(1_500), o.warmup());
    assertEquals(Duration.ofMinutes(2), o.duration());
    assertEquals(8, o.connections());
    assertEquals(200, o.linesPerRequest());
    assertEquals(0, o.campaigns());
    assertEquals(-5, o.seed());
    assertEquals("grouping-off", o.label());
    assertEquals(Optional.of(Path.of("out/r.json")), o.jsonOut());
    assertEquals(1_000, o.pregenerateEvents());
    assertEquals(3, o.maxRequests());
    assertEquals(Duration.ofMillis(500), o.requestTimeout());
    assertEquals("abc123", o.runId());
    assertEquals(Optional.of("wpop42"), o.population());
    assertEquals("abc12300", o.generatorConfig().namespace());
    assertEquals("wpop42", o.generatorConfig().population());
    assertEquals(-5, o.generatorConfig().seed());
  }

  @Test
  void singleEventModeSendsOneEventPerRequestOverManyConnections() {
    BenchOptions o = BenchOptions.parse("--single-event-requests");
    assertTrue(o.singleEventRequests());
    assertEquals(1, o.eventsPerRequest());
    assertEquals(64, o.connections());
    assertEquals(16, BenchOptions.parse("--single-event-requests", "--connections", "16").connections());
  }

  @Test
  void keepsAnExplicitPath() {
    assertEquals(URI.create("http://127.0.0.1:1/custom/ingest"),
        BenchOptions.parse("--url", "http://127.0.0.1:1/custom/ingest").url());
  }

  @Test
  void rejectsWhatItCannotUse() {
    assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--conections", "4"));
    assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--connections", "0"));
    assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--duration", "soon"));
    assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--url", "ftp://x"));
    assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--run-id", "UPPER1"));
    assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--population", "has-dash"));
    assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--seed"));
    assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("stray"));
    assertTrue(BenchOptions.wantsHelp("--seed", "1", "--help"));
  }
}
