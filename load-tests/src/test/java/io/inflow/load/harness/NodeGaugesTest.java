package io.inflow.load.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.inflow.load.NodeGauges;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeGaugesTest {

  @Test
  void readsSamplesByNameAndLabelsAndSkipsTheRest() {
    NodeGauges g = NodeGauges.parse("""
        # TYPE inflow_jvm_heap_bytes gauge
        inflow_jvm_heap_bytes{area="used"} 4.5E8
        inflow_jvm_heap_bytes{area="after_gc"} 123456789.0
        inflow_websocket_subscribers 0.0
        garbage line
        inflow_ingest_events_total{outcome="accepted"} NaNx
        """);
    assertEquals(450_000_000L, g.heapBytes("used"));
    assertEquals(123_456_789L, g.heapBytes("after_gc"));
    assertNull(g.heapBytes("max"));
    assertEquals(Optional.of(0.0), g.value("inflow_websocket_subscribers", ""));
    assertEquals(Optional.empty(), g.value("inflow_ingest_events_total", "outcome=\"accepted\""));
  }
}
