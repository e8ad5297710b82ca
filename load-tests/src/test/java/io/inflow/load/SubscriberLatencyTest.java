package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Latency bookkeeping on synthetic timelines: clicks scheduled every 10 ms from t = 1 s (nanoTime
 * values are arbitrary), messages built by hand with the count and the {@code updatedAt} a node
 * would report.
 */
class SubscriberLatencyTest {

  private static final long MS = 1_000_000L;
  private static final long START = 1_000 * MS;
  private static final Instant BASE = Instant.parse("2025-06-01T12:00:00Z");

  private static WatchedClicks clicks(int count, int warmupClicks) {
    return new WatchedClicks(START, Duration.ofMillis(10), Duration.ofMillis(10L * warmupClicks),
        Duration.ofMillis(10L * (count - warmupClicks)), BASE);
  }

  /** Update after the campaign counted {@code count} clicks, the highest being {@code highest}. */
  private static LiveFrame update(long version, long count, long highest) {
    return new LiveFrame(LiveFrame.UPDATE, version, count, highest == 0 ? null : BASE.plusMillis(highest));
  }

  private static LiveFrame snapshot(long clicksBefore) {
    return new LiveFrame(LiveFrame.SNAPSHOT, 1, clicksBefore, Instant.parse("2025-06-01T11:00:00Z"));
  }

  private static long at(long millisAfterStart) {
    return START + millisAfterStart * MS;
  }

  /** Tracker that also keeps each sample by ordinal, in ms. */
  private static SubscriberLatency tracker(WatchedClicks clicks, Map<Long, Double> samples) {
    return new SubscriberLatency(1, clicks, (ordinal, nanos) -> samples.put(ordinal, nanos / (double) MS));
  }

  @Test
  void inOrderEveryClickIsMeasuredFromItsOwnScheduledTime() {
    WatchedClicks clicks = clicks(3, 0);
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(0), at(-50));
    s.onMessage(update(2, 1, 1), at(7));   // click 1 scheduled at 0
    s.onMessage(update(3, 2, 2), at(15));  // click 2 scheduled at 10
    s.onMessage(update(4, 3, 3), at(31));  // click 3 scheduled at 20
    assertEquals(Map.of(1L, 7.0, 2L, 5.0, 3L, 11.0), samples);
    assertEquals(3, s.samples());
    assertEquals(4, s.messages());
    assertTrue(s.caughtUp(3));
    assertEquals(0, s.outOfOrderMessages() + s.undecodedMessages() + s.staleMessages() + s.impossible());
  }

  @Test
  void aConflatedUpdateResolvesEveryClickItCovers() {
    WatchedClicks clicks = clicks(5, 0);
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(0), at(-1));
    s.onMessage(update(4, 3, 3), at(45)); // clicks 1..3 (scheduled 0, 10, 20) in one message
    s.onMessage(update(6, 5, 5), at(60)); // clicks 4..5 (30, 40)
    assertEquals(Map.of(1L, 45.0, 2L, 35.0, 3L, 25.0, 4L, 30.0, 5L, 20.0), samples);
    assertEquals(3, s.messages());
  }

  @Test
  void theSnapshotCountIsTheBaseline() {
    WatchedClicks clicks = clicks(2, 0);
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(7), at(-1));  // seven clicks from an earlier run
    s.onMessage(update(2, 8, 1), at(3));
    s.onMessage(update(3, 9, 2), at(14));
    assertEquals(Map.of(1L, 3.0, 2L, 4.0), samples);
  }

  @Test
  void outOfOrderPersistenceNeverMakesALatencySmallerThanTheTruth() {
    // Click 2 is counted before click 1; the count alone (1 at t=14) would credit click 1 with 14 ms.
    WatchedClicks clicks = clicks(3, 0);
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(0), at(-1));
    s.onMessage(update(2, 1, 2), at(14)); // {2}: only click 2 is certainly in
    assertEquals(Map.of(2L, 4.0), samples);
    assertFalse(s.caughtUp(1));
    s.onMessage(update(3, 2, 2), at(90)); // {1, 2}: click 1 really became visible at 90
    s.onMessage(update(4, 3, 3), at(95));
    assertEquals(Map.of(1L, 90.0, 2L, 4.0, 3L, 75.0), samples);
    assertEquals(1, s.outOfOrderMessages());
    assertTrue(s.caughtUp(3));
  }

  @Test
  void gapsStayOpenUntilAMessageClosesThemEvenAcrossSeveralLaterClicks() {
    WatchedClicks clicks = clicks(5, 0);
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(0), at(-1));
    s.onMessage(update(2, 1, 1), at(5));   // {1}
    s.onMessage(update(3, 2, 3), at(25));  // {1, 3}: 2 is held back
    s.onMessage(update(4, 3, 5), at(45));  // {1, 3, 5} (4 conflated away or held too)
    s.onMessage(update(5, 5, 5), at(200)); // {1..5}
    assertEquals(Map.of(1L, 5.0, 2L, 190.0, 3L, 5.0, 4L, 170.0, 5L, 5.0), samples);
    assertEquals(2, s.outOfOrderMessages());
  }

  @Test
  void failedRequestsAreNotWaitedForNorMeasured() {
    WatchedClicks clicks = clicks(4, 0);
    clicks.markFailed(2); // its request got a 503: the click may never be counted
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(0), at(-1));
    s.onMessage(update(2, 1, 1), at(4));
    s.onMessage(update(3, 2, 3), at(26)); // {1, 3}: with 2 failed, nothing is missing
    s.onMessage(update(4, 3, 4), at(33));
    assertEquals(Map.of(1L, 4.0, 3L, 6.0, 4L, 3.0), samples);
    assertEquals(0, s.outOfOrderMessages());
    assertTrue(s.caughtUp(4));
  }

  @Test
  void warmUpClicksAreNotMeasured() {
    WatchedClicks clicks = clicks(4, 2); // clicks 1 and 2 are scheduled during the warm-up
    assertFalse(clicks.measured(2));
    assertTrue(clicks.measured(3));
    assertEquals(2, clicks.measuredCount());
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(0), at(-1));
    s.onMessage(update(2, 4, 4), at(50));
    assertEquals(Map.of(3L, 30.0, 4L, 20.0), samples);
  }

  @Test
  void withoutAUsableUpdatedAtTheCountAloneDecides() {
    WatchedClicks clicks = clicks(3, 0);
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(0), at(-1));
    s.onMessage(update(2, 2, 0), at(12)); // no updatedAt
    s.onMessage(new LiveFrame(LiveFrame.UPDATE, 3, 3, Instant.parse("2030-01-01T00:00:00Z")), at(25)); // not a click
    assertEquals(Map.of(1L, 12.0, 2L, 2.0, 3L, 5.0), samples);
    assertEquals(2, s.undecodedMessages());
  }

  @Test
  void staleVersionsAndOtherTypesChangeNothing() {
    WatchedClicks clicks = clicks(2, 0);
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(0), at(-1));
    s.onMessage(update(5, 1, 1), at(3));
    s.onMessage(update(5, 2, 2), at(13)); // same version again: ignored
    s.onMessage(new LiveFrame("alert", 6, -1, null), at(14));
    s.onMessage(update(6, 2, 2), at(20));
    assertEquals(Map.of(1L, 3.0, 2L, 10.0), samples);
    assertEquals(1, s.staleMessages());
    assertEquals(1, s.otherTypes());
    assertEquals(5, s.messages());
    assertEquals(4, s.stateMessages());
  }

  @Test
  void finishRecordsWhatASubscriberNeverShowedAsMissed() {
    WatchedClicks clicks = clicks(3, 0);
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(0), at(-1));
    s.onMessage(update(2, 1, 1), at(5));
    s.finish(3, at(1_000));
    assertEquals(Map.of(1L, 5.0, 2L, 990.0, 3L, 980.0), samples);
    assertEquals(2, s.missed());
  }

  @Test
  void aClickVisibleBeforeItWasScheduledIsReportedNotRecorded() {
    WatchedClicks clicks = clicks(3, 0);
    Map<Long, Double> samples = new TreeMap<>();
    SubscriberLatency s = tracker(clicks, samples);
    s.onMessage(snapshot(0), at(-5));
    s.onMessage(update(2, 2, 0), at(1)); // two clicks at t=1 ms, but click 2 is scheduled at 10
    assertEquals(Map.of(1L, 1.0), samples);
    assertEquals(1, s.impossible());
  }

  /**
   * Property, over seeded random timelines: clicks persisted in a shuffled order (some held back
   * for a while), states delivered to the subscriber with conflation (a random subset, in order,
   * the last always) and increasing delays. Every recorded latency is ≥ the true one (first
   * delivered state containing the click) and ≥ 0; when persistence kept the schedule's order,
   * every latency equals the true one.
   */
  @Test
  void neverBelowTheTrueLatencyOnRandomTimelines() {
    for (long seed = 1; seed <= 300; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int n = 5 + random.nextInt(60);
      boolean keepOrder = seed % 3 == 0;
      WatchedClicks clicks = clicks(n, 0);
      // persistence time of click k: scheduled + 2..20 ms, sometimes held for up to 300 ms
      long[] persisted = new long[n + 1];
      for (int k = 1; k <= n; k++) {
        long delay = 2 + random.nextInt(19) + (!keepOrder && random.nextInt(6) == 0 ? random.nextInt(300) : 0);
        persisted[k] = (k - 1) * 10L + (keepOrder ? 5 : delay);
      }
      List<Integer> order = new ArrayList<>();
      for (int k = 1; k <= n; k++) order.add(k);
      order.sort((a, b) -> persisted[a] != persisted[b] ? Long.compare(persisted[a], persisted[b]) : a - b);
      Map<Long, Double> estimated = new TreeMap<>();
      Map<Long, Double> truth = new TreeMap<>();
      SubscriberLatency s = tracker(clicks, estimated);
      s.onMessage(snapshot(0), at(-1));
      Set<Integer> included = new HashSet<>();
      long highest = 0;
      long lastArrival = 0;
      for (int i = 0; i < n; i++) {
        int k = order.get(i);
        included.add(k);
        highest = Math.max(highest, k);
        boolean delivered = i == n - 1 || random.nextInt(3) != 0;
        if (!delivered) continue;
        long arrival = Math.max(lastArrival, persisted[k] + random.nextInt(15));
        lastArrival = arrival;
        for (int j : included) {
          truth.putIfAbsent((long) j, (double) (arrival - (j - 1) * 10L));
        }
        s.onMessage(update(i + 2, included.size(), highest), at(arrival));
      }
      assertEquals(truth.keySet(), estimated.keySet(), "seed " + seed);
      for (long k = 1; k <= n; k++) {
        double est = estimated.get(k);
        double real = truth.get(k);
        assertTrue(est >= real, "seed " + seed + ": click " + k + " estimated " + est + " < true " + real);
        assertTrue(est >= 0, "seed " + seed);
        if (keepOrder) assertEquals(real, est, 1e-9, "seed " + seed + ": in order the latency is exact");
      }
      assertTrue(s.caughtUp(n), "seed " + seed);
    }
  }
}
