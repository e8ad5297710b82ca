package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareRunsTest {

  private static BenchResult result(String label, double eventsPerSecond, double p99, int connections, long failed) {
    long requests = 1_000;
    return new BenchResult(label, "ndjson", "http://127.0.0.1:8080/api/v1/events", "2025-03-03T08:00:00Z",
        "abc123", connections, 5_000, 1_000, 20, 42, 30, 60, requests, requests - failed, failed,
        failed / (double) requests, 5_000_000, (long) (eventsPerSecond * 60), 0, 0, 0, eventsPerSecond,
        requests / 60.0, new LatencySummary(requests - failed, p99 / 2, p99 / 3, p99 / 2, p99, p99 * 1.5, p99 * 2),
        failed == 0 ? Map.of() : Map.of("503", failed), 0, 0, 0, Map.of(), 10, 4, 2_000_000, 400, 3, "duration",
        failed == 0 ? null : "HTTP 503: {\"error\":\"overloaded\"}");
  }

  @Test
  void showsEveryRunWithItsRatioToTheBaseline(@TempDir Path dir) throws Exception {
    Path off = dir.resolve("off.json");
    Path on = dir.resolve("on.json");
    Files.writeString(off, result("grouping-off", 40_000, 800, 4, 0).toJson() + "\n");
    Files.writeString(on, result("grouping-on", 90_000, 400, 4, 0).toJson() + "\n\n"
        + result("grouping-on-8c", 100_000, 500, 8, 30).toJson() + "\n");

    List<BenchResult> runs = CompareRuns.read(off.toString(), on.toString());
    assertEquals(List.of("grouping-off", "grouping-on", "grouping-on-8c"), runs.stream().map(BenchResult::label).toList());
    String table = CompareRuns.table(runs);

    String eventsRow = table.lines().filter(l -> l.startsWith("durable events/s")).findFirst().orElseThrow();
    assertTrue(eventsRow.contains("40,000") && eventsRow.contains("90,000 (×2.25)") && eventsRow.contains("100,000 (×2.50)"),
        table);
    String p99Row = table.lines().filter(l -> l.startsWith("ack p99 ms")).findFirst().orElseThrow();
    assertTrue(p99Row.contains("400.0 (×0.50)"), table);
    assertTrue(table.contains("grouping-on / grouping-off durable events/s: ×2.25"), table);
    assertTrue(table.contains("note: grouping-on-8c differs from the baseline in connections 8"), table);
    assertTrue(table.contains("note: grouping-on-8c did not pass"), table);
    assertFalse(table.contains("note: grouping-on differs"), table);
  }

  @Test
  void refusesFilesThatAreNotBenchResults(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{\"hello\": \"world\"\n");
    assertThrows(IllegalArgumentException.class, () -> CompareRuns.read(junk.toString()));
  }
}
