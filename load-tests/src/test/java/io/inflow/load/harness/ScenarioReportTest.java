package io.inflow.load.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.load.EventJson;
import io.inflow.load.LatencySummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario report files: flat headline figures, summary, HTML page, and the comparison of two runs. */
class ScenarioReportTest {

  static ScenarioReport report(String scenario, double eventsPerSecond, double p99, String failure) {
    ScenarioReport.Builder b = new ScenarioReport.Builder(scenario, scenario + " <run>", "2026-11-29T10:00:00Z",
        "http://127.0.0.1:18080")
        .eventsPerSecond(eventsPerSecond)
        .latency("ack latency", new LatencySummary(100, 20, 12.34, 30, p99, p99 + 5, p99 + 10))
        .figure("offeredEventsPerSecond", 30_000)
        .baseline("rawCassandraRowsPerSecond", 60_000, "sustainedToRawCassandra", eventsPerSecond)
        .target("≥ 50,000 durable events/s", eventsPerSecond >= 50_000, "")
        .note("a note");
    for (int i = 1; i <= 3; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("offered", 10_000 * i);
      row.put("achieved", 9_900 * i);
      row.put("sustained", "yes");
      b.step(row);
    }
    if (failure != null) b.failure(failure);
    return b.build();
  }

  @Test
  void headlineFiguresAreFlatAtTheTopAndTheFileReadsBack(@TempDir Path dir) throws Exception {
    ScenarioReport r = report("throughput", 30_123.456, 850.0, null);
    Path file = r.write(dir);
    assertEquals(dir.resolve("throughput.json"), file);
    JsonNode json = EventJson.mapper().readTree(file.toFile());
    assertEquals(30_123.5, json.get("eventsPerSecond").asDouble());
    assertEquals(12.34, json.get("p50Ms").asDouble());
    assertEquals(850.0, json.get("p99Ms").asDouble());
    assertEquals(860.0, json.get("maxMs").asDouble());
    assertEquals(0.502, json.at("/ratios/sustainedToRawCassandra").asDouble(), "30,123.5 / 60,000 to 3 digits");
    assertEquals("NOT met", json.get("targets").get("≥ 50,000 durable events/s").asText().substring(0, 7));
    assertEquals(r, ScenarioReport.read(file));
    assertTrue(r.passed());

    String summary = Files.readString(dir.resolve("throughput.txt"));
    assertTrue(summary.contains("30,124 durable") || summary.contains("30,123 durable"), summary);
    assertTrue(summary.contains("ratio sustainedToRawCassandra") && summary.contains("×0.502"), summary);
    assertTrue(summary.contains("verdict") && summary.contains("PASS"), summary);
  }

  @Test
  void aFailureMakesTheVerdictFail() {
    ScenarioReport r = report("latency", 10, 5, "3 subscriber(s) disconnected");
    assertFalse(r.passed());
    assertEquals("FAIL (3 subscriber(s) disconnected)", r.verdict());
  }

  @Test
  void theHtmlPageShowsEveryScenarioOfTheDirectoryInOrderAndEscapesText(@TempDir Path dir) throws Exception {
    report("soak", 20_000, 90, null).write(dir);
    report("throughput", 40_000, 800, null).write(dir);
    Files.writeString(dir.resolve("prewarm.json"), "{\"label\":\"prewarm\",\"eventsPerSecond\":1}");
    Files.writeString(dir.resolve("broken.json"), "{ not json");
    Path html = HtmlReport.write(dir);
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    assertTrue(page.indexOf("id=\"throughput\"") < page.indexOf("id=\"soak\""), "scenario order, not file order");
    assertFalse(page.contains("prewarm"), "other JSON files are not scenario reports");
    assertTrue(page.contains("throughput &lt;run&gt;"), "labels are escaped");
    assertFalse(page.contains("<run>"));
    assertTrue(page.contains("<svg"), "a chart per numeric step column");
    assertTrue(page.contains("class=\"not\""), "a missed target is marked");
    assertFalse(page.contains("<script"), "no scripts: a self-contained page");
    assertEquals(List.of("throughput", "soak"), HtmlReport.reports(dir).stream().map(ScenarioReport::scenario).toList());
  }

  @Test
  void compareShowsEveryFigureWithTheRatioAndWhatOnlyOneRunHas(@TempDir Path dir) throws Exception {
    Path a = report("throughput", 40_000, 800, null).write(dir.resolve("a"));
    Path b = report("throughput", 30_000, 1_000, null).write(dir.resolve("b"));
    Files.writeString(b, Files.readString(b).replace("\"offeredEventsPerSecond\"", "\"otherFigure\""));
    Map<String, Double> numbers = CompareReports.numbers(a);
    assertEquals(40_000.0, numbers.get("eventsPerSecond"));
    assertEquals(20_000.0, numbers.get("steps[1].offered"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CompareReports.print(numbers, CompareReports.numbers(b), "a", "b", new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("eventsPerSecond ") && l.endsWith("×0.750")), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("p99Ms ") && l.endsWith("×1.250")), out);
    assertTrue(out.contains("figures.offeredEventsPerSecond (only A: 30,000)"), out);
    assertTrue(out.contains("figures.otherFigure (only B: 30,000)"), out);
    assertEquals("-", CompareReports.ratio(0, 5));
  }
}
