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

  @Test
  void activityWindowsPackSmallAndRestoreTheSameSums() {
    ActivityWindows w = ActivityWindows.create();
    // an influencer active every hour for 40 days: every ring slot in use
    for (int h = 0; h < 40 * 24; h++) {
      Instant at = NOW.minusSeconds(3600L * h);
      w.observePost("p" + (h % 30), new io.inflow.analytics.common.PostCounters(null, null, at,
          100_000 - h * 50L, 200_000 - h * 90L, 50_000 - h * 20L, 9_000 - h * 7L, 400 - h / 4, 90 - h / 12, 50 - h / 20));
      w.observeFollowers("instagram", at, 120_000 - h * 3L);
      w.add(at, Metric.CLICKS, 1 + h % 7);
    }
    byte[] packed = w.toBytes();
    int raw = Json.writeBytes(w.snapshot()).length;
    assertTrue(packed.length < 16_384, "packed " + packed.length + " bytes");
    assertTrue(packed.length * 3 < raw, "packed " + packed.length + " vs JSON " + raw);
    ActivityWindows back = ActivityWindows.fromBytes(packed);
    for (Window window : Window.values()) {
      for (Metric m : Metric.values()) assertEquals(w.sum(m, window, NOW), back.sum(m, window, NOW), m + " " + window);
      assertEquals(w.postsObservedIn(window, NOW), back.postsObservedIn(window, NOW));
    }
    assertEquals(w.lastDays(30, NOW, null), back.lastDays(30, NOW, null));
    assertThrows(IllegalArgumentException.class, () -> ActivityWindows.fromBytes(new byte[] {1, 2, 3}));
  }
}
