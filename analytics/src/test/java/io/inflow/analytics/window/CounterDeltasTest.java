package io.inflow.analytics.window;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.analytics.common.PostCounters;
import io.inflow.analytics.window.CounterDeltas.Delta;
import io.inflow.protocol.event.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterDeltasTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private static Instant t(int minutes) {
    return T0.plusSeconds(minutes * 60L);
  }

  private static Delta views(int minute, long amount) {
    return new Delta("p", t(minute), Map.of(Metric.VIEWS, amount));
  }

  private static CounterDeltas viewsOnly(int history) {
    return new CounterDeltas(List.of(Metric.VIEWS), history);
  }

  @Test
  void inOrderObservationsGiveTheirGrowth() {
    CounterDeltas d = viewsOnly(8);
    assertEquals(List.of(views(1, 100)), d.observe("p", t(1), 100));
    assertEquals(List.of(views(2, 150)), d.observe("p", t(2), 250));
    assertEquals(List.of(views(3, -10)), d.observe("p", t(3), 240), "a platform may lower a counter");
  }

  @Test
  void aRepeatedObservationGivesNothing() {
    CounterDeltas d = viewsOnly(8);
    d.observe("p", t(1), 100);
    d.observe("p", t(2), 250);
    assertEquals(List.of(), d.observe("p", t(1), 100));
    assertEquals(List.of(), d.observe("p", t(2), 250));
  }

  @Test
  void aLateObservationIsSplitBetweenItsNeighbours() {
    CounterDeltas d = viewsOnly(8);
    d.observe("p", t(1), 100);
    d.observe("p", t(3), 400);
    // in time order t(2) would have had +150 and t(3) +150 instead of +300
    assertEquals(List.of(views(2, 150), views(3, -150)), d.observe("p", t(2), 250));
  }

  @Test
  void anObservationOlderThanAllIsSplitAgainstZero() {
    CounterDeltas d = viewsOnly(8);
    d.observe("p", t(5), 250);
    assertEquals(List.of(views(1, 100), views(5, -100)), d.observe("p", t(1), 100));
  }

  @Test
  void theSameInstantWithOtherCountersReplacesTheEarlier() {
    CounterDeltas d = viewsOnly(8);
    d.observe("p", t(1), 100);
    d.observe("p", t(2), 300);
    assertEquals(List.of(views(1, 20), views(2, -20)), d.observe("p", t(1), 120));
  }

  @Test
  void observationsOlderThanTheKeptHistoryAreIgnored() {
    CounterDeltas d = viewsOnly(2);
    d.observe("p", t(10), 100);
    d.observe("p", t(20), 200);
    d.observe("p", t(30), 300); // t(10) dropped
    assertEquals(2, d.kept("p"));
    assertEquals(List.of(), d.observe("p", t(5), 50), "its predecessor is unknown: nothing is counted twice");
    assertEquals(List.of(), d.observe("p", t(10), 100), "a re-sent dropped observation");
    assertEquals(List.of(views(25, 50), views(30, -50)), d.observe("p", t(25), 250), "newer than the oldest kept");
  }

  @Test
  void anOldestObservationWhenFullIsCountedThenDropped() {
    CounterDeltas d = viewsOnly(2);
    d.observe("p", t(20), 200);
    d.observe("p", t(30), 300);
    assertEquals(List.of(views(10, 120), views(20, -120)), d.observe("p", t(10), 120));
    assertEquals(2, d.kept("p"));
    assertEquals(List.of(), d.observe("p", t(10), 120), "re-sent: already counted");
    assertEquals(List.of(), d.observe("p", t(15), 160), "older than the kept history");
  }

  @Test
  void postCountersAreReadInOrder() {
    CounterDeltas d = CounterDeltas.forPosts();
    PostCounters first = new PostCounters(Platform.TIKTOK, "c", t(1), 100, 200, 50, 10, 2, 1, 0);
    PostCounters second = new PostCounters(Platform.TIKTOK, "c", t(2), 160, 300, 70, 12, 2, 3, 1);
    d.observe("p", first);
    Delta delta = d.observe("p", second).get(0);
    assertEquals(Map.of(Metric.VIEWS, 60L, Metric.IMPRESSIONS, 100L, Metric.REACH, 20L, Metric.LIKES, 2L,
        Metric.SHARES, 2L, Metric.SAVES, 1L), delta.amounts());
    assertEquals(0, delta.get(Metric.COMMENTS));
    assertThrows(IllegalArgumentException.class, () -> CounterDeltas.forFollowers().observe("p", first));
  }

  @Test
  void keysAreIndependent() {
    CounterDeltas d = CounterDeltas.forFollowers();
    d.observe("instagram", t(1), 1000);
    assertEquals(List.of(), d.observe("tiktok", t(1), 500), "a first follower count is a baseline");
    assertEquals(List.of(new Delta("tiktok", t(2), Map.of(Metric.FOLLOWER_GROWTH, 20L))), d.observe("tiktok", t(2), 520));
    assertEquals(2, d.keys());
  }

  @Test
  void followerGrowthStartsFromTheEarliestCountWhateverTheOrder() {
    // counts 1000 @1, 1100 @3, 950 @5: growth +100 @3, −150 @5, nothing @1 (baseline)
    int[][] counts = {{1, 1000}, {3, 1100}, {5, 950}};
    int[][] orders = {{0, 1, 2}, {2, 1, 0}, {1, 2, 0}, {2, 0, 1}, {1, 0, 2}};
    for (int[] order : orders) {
      CounterDeltas d = CounterDeltas.forFollowers();
      Map<Instant, Long> byInstant = new java.util.TreeMap<>();
      for (int i : order) {
        for (Delta delta : d.observe("instagram", t(counts[i][0]), counts[i][1])) {
          byInstant.merge(delta.at(), delta.get(Metric.FOLLOWER_GROWTH), Long::sum);
        }
      }
      byInstant.values().removeIf(v -> v == 0);
      assertEquals(Map.of(t(3), 100L, t(5), -150L), byInstant, "order " + java.util.Arrays.toString(order));
    }
  }

  @Test
  void historyNeverExceedsItsBound() {
    CounterDeltas d = viewsOnly(8);
    for (int i = 0; i < 1000; i++) d.observe("p", t(i), i * 10L);
    assertEquals(8, d.kept("p"));
  }

  @Test
  void snapshotRestoresTheSameBehaviour() {
    CounterDeltas d = viewsOnly(3);
    for (int i : new int[] {10, 20, 30, 40}) d.observe("p", t(i), i);
    d.observe("q", t(5), 7);
    CounterDeltas r = CounterDeltas.restore(d.snapshot());
    assertEquals(d.observe("p", t(25), 26), r.observe("p", t(25), 26));
    assertEquals(d.observe("p", t(15), 16), r.observe("p", t(15), 16));
    assertEquals(d.observe("q", t(1), 2), r.observe("q", t(1), 2));
    assertEquals(d.kept("p"), r.kept("p"));
  }

  @Test
  void wrongArityIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> viewsOnly(2).observe("p", t(1), 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new CounterDeltas(List.of(), 2));
    assertThrows(IllegalArgumentException.class, () -> viewsOnly(0));
  }

  @Test
  void theSinkPathGivesTheSameChangesAsDeltas() {
    java.util.Random r = new java.util.Random(7);
    for (boolean followers : new boolean[] {false, true}) {
      CounterDeltas a = followers ? CounterDeltas.forFollowers() : CounterDeltas.forPosts();
      CounterDeltas b = followers ? CounterDeltas.forFollowers() : CounterDeltas.forPosts();
      Map<String, Long> viaDeltas = new java.util.TreeMap<>();
      Map<String, Long> viaSink = new java.util.TreeMap<>();
      int width = a.counters().size();
      for (int n = 0; n < 300; n++) {
        String key = "k" + r.nextInt(4);
        Instant at = t(r.nextInt(40));
        long[] values = new long[width];
        for (int i = 0; i < width; i++) values[i] = r.nextInt(1000);
        for (Delta d : a.observe(key, at, values.clone())) {
          d.amounts().forEach((m, v) -> viaDeltas.merge(d.at() + " " + m, v, Long::sum));
        }
        b.observe(key, at, values.clone(), (when, m, v) -> viaSink.merge(when + " " + m, v, Long::sum));
      }
      viaDeltas.values().removeIf(v -> v == 0);
      viaSink.values().removeIf(v -> v == 0);
      assertEquals(viaDeltas, viaSink, followers ? "followers" : "posts");
    }
  }

  @Test
  void onlyTheMostRecentlyObservedKeysKeepTheirHistory() {
    CounterDeltas d = viewsOnly(8);
    for (int k = 0; k <= CounterDeltas.HOT_KEYS; k++) {
      for (int m = 1; m <= 3; m++) d.observe("p" + k, t(m), 100L * m);
    }
    assertEquals(1, d.kept("p0"), "the key that left the recent ones keeps its latest observation");
    assertEquals(3, d.kept("p1"));
    assertEquals(3, d.kept("p" + CounterDeltas.HOT_KEYS));
    // p0's deltas still add up to its latest counters: a newer observation grows from it, an older one is ignored
    assertEquals(List.of(new Delta("p0", t(4), Map.of(Metric.VIEWS, 100L))), d.observe("p0", t(4), 400));
    assertEquals(List.of(), d.observe("p0", t(2), 250), "older than every kept observation");
    // observing p0 made it recent again, so the eldest of the others (p1) lost its history
    assertEquals(1, d.kept("p1"));
    assertEquals(2, d.kept("p0"));
  }

  @Test
  void keysThatComeAndGoFromTheRecentOnesKeepTheirOwnHistories() {
    // Keys leave the recent ones with full histories and hand their arrays to the next history that
    // grows; each key's changes must still add up to its latest counters (a late observation is
    // re-split or, older than what its key kept, ignored: neither changes the sum). Two histories
    // sharing arrays would mix their counters.
    java.util.Random random = new java.util.Random(7);
    int keys = CounterDeltas.HOT_KEYS * 3;
    CounterDeltas churned = new CounterDeltas(CounterDeltas.POST_COUNTERS, 8);
    long[][] sums = new long[keys][7];
    long[][] latest = new long[keys][7];
    int[] latestMinute = new int[keys];
    java.util.Arrays.fill(latestMinute, -1);
    for (int step = 0; step < 20_000; step++) {
      int k = step < 10_000 ? (step / 10) % keys : random.nextInt(keys); // waves of new keys, then any
      int minute = step / 10 + random.nextInt(3) - (random.nextInt(10) == 0 ? 5 : 0); // some late
      long[] counters = new long[7];
      for (int i = 0; i < 7; i++) counters[i] = minute * (i + 1) * 10L + k;
      int key = k;
      churned.observe("p" + k, t(minute), counters, (at, metric, units) ->
          sums[key][CounterDeltas.POST_COUNTERS.indexOf(metric)] += units);
      if (minute >= latestMinute[k]) {
        latestMinute[k] = minute;
        latest[k] = counters;
      }
    }
    for (int k = 0; k < keys; k++) {
      if (latestMinute[k] >= 0) assertArrayEquals(latest[k], sums[k], "key p" + k);
      assertTrue(churned.kept("p" + k) <= 8);
    }
  }

  @Test
  void aRestoredInstanceKnowsWhichKeysAreRecent() {
    CounterDeltas d = viewsOnly(8);
    for (int k = 0; k < CounterDeltas.HOT_KEYS; k++) {
      for (int m = 1; m <= 2; m++) d.observe("p" + k, t(m), 100L * m);
    }
    d.observe("p0", t(3), 300); // p0 becomes the most recent: p1 is now the eldest
    CounterDeltas restored = CounterDeltas.restore(d.snapshot());
    d.observe("new", t(1), 10);
    restored.observe("new", t(1), 10);
    assertEquals(1, d.kept("p1"));
    assertEquals(1, restored.kept("p1"), "the same key leaves the recent ones after a restore");
    assertEquals(3, restored.kept("p0"));
    assertEquals(d.observe("p1", t(0), 5), restored.observe("p1", t(0), 5));
    assertEquals(List.copyOf(d.snapshot().keys().keySet()), List.copyOf(restored.snapshot().keys().keySet()));
  }

  @Test
  void aSnapshotListsTheOtherKeysByKeyThenTheRecentOnesLeastRecentFirst() {
    CounterDeltas d = viewsOnly(8);
    d.observe("z-old", t(1), 1);
    d.observe("a-old", t(1), 1);
    for (int k = 0; k < CounterDeltas.HOT_KEYS; k++) d.observe("p" + k, t(1), 10);
    d.observe("p0", t(2), 20); // observing a recent key again makes it the most recent
    List<String> expected = new java.util.ArrayList<>(List.of("a-old", "z-old"));
    for (int k = 1; k < CounterDeltas.HOT_KEYS; k++) expected.add("p" + k);
    expected.add("p0");
    assertEquals(expected, List.copyOf(d.snapshot().keys().keySet()));
    assertEquals(2, d.kept("p0"));
    assertEquals(1, d.kept("p1"), "reading a key does not make it recent");
    d.observe("p1", t(2), 20);
    assertEquals(2, d.kept("p1"));
    d.observe("new", t(1), 5);
    assertEquals(1, d.kept("p2"), "the least recent key left the recent ones");
    assertEquals(2, d.kept("p0"));
  }
}
