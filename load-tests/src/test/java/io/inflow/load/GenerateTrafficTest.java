package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./inflow generate traffic}: the bench's traffic as files, the same as the generator's stream. */
class GenerateTrafficTest {

  @Test
  void writesTheEventsTheCampaignsAndTheTruthOfTheGeneratorsStream(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Generate.run(new String[] {"traffic", "--seed", "7", "--events", "2000", "--influencers", "50",
        "--campaigns", "3", "--out", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    List<String> lines = Files.readAllLines(dir.resolve("events.ndjson"));
    assertEquals(2000, lines.size());
    TrafficGenerator same = new TrafficGenerator(TrafficGenerator.Config.of(7, 50, 3));
    for (int i = 0; i < 20; i++) {
      assertEquals(new String(EventJson.toBytes(same.next()), StandardCharsets.UTF_8), lines.get(i), "line " + (i + 1));
    }
    JsonNode campaigns = EventJson.mapper().readTree(dir.resolve("campaigns.json").toFile());
    assertEquals(3, campaigns.size());
    campaigns.fields().forEachRemaining(c -> assertTrue(c.getValue().path("brandId").isTextual(), c.getKey()));
    JsonNode truth = EventJson.mapper().readTree(dir.resolve("truth.json").toFile());
    assertTrue(truth.isObject() && truth.size() > 0, truth.toString());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("2,000 events of 50 influencers"));

    assertEquals(2, Generate.run(new String[] {"traffic", "--seed", "7", "--out", dir.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--events must be"));
  }
}
