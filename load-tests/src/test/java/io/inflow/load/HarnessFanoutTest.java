package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.load.harness.Harness;
import io.inflow.load.harness.ScenarioReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./inflow bench fanout --out DIR} end to end against {@link FakeLiveNode}, at a tiny scale. */
class HarnessFanoutTest {

  @Test
  void fanoutWritesItsFlatReportSummaryAndPage(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ScenarioReport report;
    try (FakeLiveNode node = new FakeLiveNode(FakeLiveNode.Behaviour.friendly())) {
      report = Harness.run(new String[] {"fanout", "--url", node.baseUrl().toString(), "--out", dir.toString(),
          "--rate", "2000", "--subscribers", "6", "--watched-campaigns", "3", "--warmup", "0.4s", "--duration", "1s",
          "--prewarm", "0s"},
          new PrintStream(log, true, StandardCharsets.UTF_8));
      assertEquals(10 + 6, node.upgrades.get(), "the 10-subscriber baseline, then the run");
    }
    assertEquals("PASS", report.verdict(), log.toString(StandardCharsets.UTF_8));
    JsonNode json = EventJson.mapper().readTree(dir.resolve("fanout.json").toFile());
    assertEquals(2000.0, json.get("eventsPerSecond").asDouble(), 1e-9, "400-line requests every 200 ms, all accepted");
    assertTrue(json.get("p99Ms").asDouble() > 0 && json.get("p99Ms").asDouble() <= json.get("maxMs").asDouble());
    assertEquals(6.0, json.at("/figures/subscribers").asDouble());
    assertEquals(3.0, json.at("/figures/watchedCampaigns").asDouble());
    assertEquals(0.0, json.at("/figures/droppedUpdates").asDouble());
    assertTrue(json.at("/baselines/updateP99MsWith10Subscribers").asDouble() > 0);
    assertTrue(json.at("/targets").toString().contains("NOT met"), "6 subscribers are not the 1,000 the target asks for");
    assertTrue(Files.readString(dir.resolve("fanout.txt")).contains("Inflow bench fanout"));
    assertTrue(Files.readString(dir.resolve("report.html")).contains("id=\"fanout\""));
  }

  @Test
  void anUnknownScenarioOrFlagIsAUsageError(@TempDir Path dir) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThrows(BenchOptions.UsageException.class, () -> Harness.run(new String[] {"warp"}, quiet));
    assertThrows(BenchOptions.UsageException.class, () -> Harness.run(new String[] {"fanout", "--out", dir.toString(),
        "--reads", "5"}, quiet));
  }
}
