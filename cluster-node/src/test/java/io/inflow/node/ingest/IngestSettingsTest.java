package io.inflow.node.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import io.inflow.node.InflowNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The asks in flight: a fixed limit unless min-asks-in-flight is set below the maximum. */
class IngestSettingsTest {

  private static IngestSettings load(String overrides) {
    return IngestSettings.fromConfig(InflowNode.loadConfig(ConfigFactory.parseString(overrides)).getConfig("inflow"));
  }

  @Test
  void theMinimumFollowsTheMaximumUnlessSet() {
    IngestSettings defaults = load("");
    assertEquals(32, defaults.maxAsksInFlight());
    assertEquals(32, defaults.minAsksInFlight(), "a fixed limit by default");
    assertEquals(Duration.ofSeconds(1), defaults.askWaitTarget());
    assertEquals(16, load("inflow.ingest.max-asks-in-flight = 16").minAsksInFlight());
    IngestSettings adaptive = load("inflow.ingest.min-asks-in-flight = 4");
    assertEquals(4, adaptive.minAsksInFlight());
    assertEquals(32, adaptive.maxAsksInFlight());
  }
}
