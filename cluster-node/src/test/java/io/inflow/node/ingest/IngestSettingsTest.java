package io.inflow.node.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import io.inflow.node.InflowNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The asks in flight float from min- to max-asks-in-flight; min = max fixes them. */
class IngestSettingsTest {

  private static IngestSettings load(String overrides) {
    return IngestSettings.fromConfig(InflowNode.loadConfig(ConfigFactory.parseString(overrides)).getConfig("inflow"));
  }

  @Test
  void fromFourToThirtyTwoByDefault() {
    IngestSettings defaults = load("");
    assertEquals(4, defaults.minAsksInFlight());
    assertEquals(32, defaults.maxAsksInFlight());
    assertEquals(Duration.ofSeconds(1), defaults.askWaitTarget());
    IngestSettings fixed = load("inflow.ingest.min-asks-in-flight = 32");
    assertEquals(32, fixed.minAsksInFlight());
    assertEquals(32, fixed.maxAsksInFlight());
  }
}
