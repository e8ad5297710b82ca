package io.inflow.analytics.window;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.inflow.analytics.window.RollingCounters.Window;
import io.inflow.protocol.codec.Json;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The snapshots are plain records that Jackson writes and reads back, as entity snapshots need. */
class WindowSnapshotJsonTest {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final Instant NOW = Instant.parse("2026-11-20T12:30:30Z");

  @Test
  void rollingCountersSnapshotRoundTrips() throws Exception {
    RollingCounters c = RollingCounters.create();
    c.add(NOW, Metric.VIEWS, 10);
    c.add(NOW.minusSeconds(86_400 * 3), Metric.SPEND, new BigDecimal("12.5"));
    c.add(NOW.minusSeconds(86_400 * 500), Metric.LIKES, 4);
    String json = MAPPER.writeValueAsString(c.snapshot());
    RollingCounters back = RollingCounters.restore(MAPPER.readValue(json, RollingCounters.Snapshot.class));
    for (Window w : Window.values()) assertEquals(c.sums(w, NOW), back.sums(w, NOW));
    assertEquals(c.timeSeries(NOW.minusSeconds(86_400 * 40), NOW, BucketSize.DAY),
        back.timeSeries(NOW.minusSeconds(86_400 * 40), NOW, BucketSize.DAY));
  }

  @Test
  void counterDeltasSnapshotRoundTrips() throws Exception {
    CounterDeltas d = CounterDeltas.forPosts();
    d.observe("p1", NOW, 100, 200, 50, 10, 1, 0, 0);
    d.observe("p1", NOW.plusSeconds(60), 150, 300, 70, 12, 1, 1, 0);
    String json = MAPPER.writeValueAsString(d.snapshot());
    CounterDeltas back = CounterDeltas.restore(MAPPER.readValue(json, CounterDeltas.Snapshot.class));
    assertEquals(d.observe("p1", NOW.plusSeconds(30), 120, 250, 60, 11, 1, 0, 0),
        back.observe("p1", NOW.plusSeconds(30), 120, 250, 60, 11, 1, 0, 0));
  }

  @Test
  void uniqueAudienceBytesRoundTrip() throws Exception {
    UniqueAudience u = UniqueAudience.create();
    for (int i = 0; i < 1000; i++) u.add("v" + i);
    byte[] bytes = MAPPER.readValue(MAPPER.writeValueAsString(u.toBytes()), byte[].class);
    assertEquals(u.estimate(), UniqueAudience.fromBytes(bytes).estimate());
  }
}
