package io.inflow.analytics.window;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.analytics.window.RollingCounters.Window;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Laws of the rolling windows and counter deltas, checked on seeded random histories. The seed is
 * printed; rerun one with {@code -Dinflow.seed=<seed>}.
 */
class WindowPropertiesTest {
  private static final long SEED = Long.getLong("inflow.seed", System.nanoTime());
  private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Metric[] SOME = {Metric.VIEWS, Metric.LIKES, Metric.CLICKS, Metric.SPEND, Metric.FOLLOWER_GROWTH};

  @BeforeAll
  static void printSeed() {
    System.out.println("WindowPropertiesTest seed " + SEED + " (rerun with -Dinflow.seed=" + SEED + ")");
  }

  record Add(Instant at, Metric metric, long units) {}

  private static List<Add> randomAdds(Random r, Instant from, Instant to, int count, boolean nonNegative) {
    long span = to.getEpochSecond() - from.getEpochSecond();
    List<Add> adds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant at = from.plusSeconds((long) (r.nextDouble() * span));
      long units = nonNegative ? r.nextInt(1000) : r.nextInt(1100) - 100;
      adds.add(new Add(at, SOME[r.nextInt(SOME.length)], units));
    }
    return adds;
  }

  private static RollingCounters apply(List<Add> adds) {
    return apply(adds, RollingCounters.DEFAULT_RETAINED_DAYS);
  }

  private static RollingCounters apply(List<Add> adds, int retainedDays) {
    RollingCounters c = RollingCounters.create(retainedDays);
    for (Add a : adds) c.add(a.at(), a.metric(), a.units());
    return c;
  }

  @Test
  void aSeriesOverTheCampaignSumsToTheCampaignToDateTotal() {
    Random r = new Random(SEED);
    for (int run = 0; run < 150; run++) {
      Instant start = ORIGIN.plusSeconds(r.nextInt(365 * 86_400));
      Instant now = start.plusSeconds(3600 + (long) (r.nextDouble() * 390 * 86_400));
      RollingCounters c = apply(randomAdds(r, start, now, 1 + r.nextInt(300), false), 400); // 390 days of history
      for (BucketSize size : BucketSize.values()) {
        TimeSeries series = c.timeSeries(start, now, size);
        String where = "seed " + SEED + " run " + run + " " + size;
        assertTrue(series.complete(), where);
        assertFalse(series.from().isAfter(start), where);
        assertFalse(series.to().isBefore(now), where);
        for (Metric m : Metric.values()) assertEquals(c.toDate(m), series.total(m), where + " " + m);
        for (int i = 1; i < series.points().size(); i++) {
          assertEquals(series.points().get(i - 1).end(), series.points().get(i).start(), where + " points are contiguous");
        }
      }
    }
  }

  @Test
  void windowsEqualABruteForceSumAndNeverExceedTheirBounds() {
    Random r = new Random(SEED + 1);
    for (int run = 0; run < 200; run++) {
      Instant now = ORIGIN.plusSeconds(r.nextInt(365 * 86_400));
      List<Add> adds = randomAdds(r, now.minusSeconds(40L * 86_400), now, 1 + r.nextInt(400), true);
      RollingCounters c = apply(adds);
      String where = "seed " + SEED + " run " + run;
      for (Metric m : SOME) {
        long hour = c.sum(m, Window.LAST_HOUR, now);
        long day = c.sum(m, Window.LAST_24_HOURS, now);
        long week = c.sum(m, Window.LAST_7_DAYS, now);
        long month = c.sum(m, Window.LAST_30_DAYS, now);
        assertEquals(bruteForce(adds, m, now, 60, 60), hour, where + " 1h " + m);
        assertEquals(bruteForce(adds, m, now, 3600, 24), day, where + " 24h " + m);
        assertEquals(bruteForce(adds, m, now, 3600, 168), week, where + " 7d " + m);
        assertEquals(bruteForce(adds, m, now, 86_400, 30), month, where + " 30d " + m);
        assertTrue(0 <= hour && hour <= day && day <= week && week <= month && month <= c.toDate(m), where + " " + m);
      }
      assertTrue(c.allocatedBuckets() <= RollingCounters.maxAllocatedBuckets(RollingCounters.DEFAULT_RETAINED_DAYS), where);
      assertTrue(c.retainedBytes() <= RollingCounters.maxRetainedBytes(RollingCounters.DEFAULT_RETAINED_DAYS), where);
    }
  }

  private static long bruteForce(List<Add> adds, Metric m, Instant now, long bucketSeconds, int buckets) {
    long last = Math.floorDiv(now.getEpochSecond(), bucketSeconds);
    long sum = 0;
    for (Add a : adds) {
      long b = Math.floorDiv(a.at().getEpochSecond(), bucketSeconds);
      if (a.metric() == m && b > last - buckets && b <= last) sum += a.units();
    }
    return sum;
  }

  @Test
  void theOrderOfAmountsChangesNoRead() {
    Random r = new Random(SEED + 2);
    for (int run = 0; run < 100; run++) {
      Instant now = ORIGIN.plusSeconds(r.nextInt(365 * 86_400));
      List<Add> adds = randomAdds(r, now.minusSeconds(500L * 86_400), now, 1 + r.nextInt(500), false);
      RollingCounters inOrder = apply(adds.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList());
      List<Add> shuffled = new ArrayList<>(adds);
      Collections.shuffle(shuffled, r);
      RollingCounters outOfOrder = apply(shuffled);
      // the same amounts: every read agrees, also reads at instants before the newest amounts
      assertSameReads(inOrder, outOfOrder, now,
          List.of(now, now.minusSeconds(3 * 3600), now.minusSeconds(20L * 86_400)), "seed " + SEED + " run " + run);
    }
  }

  static void assertSameReads(RollingCounters a, RollingCounters b, Instant now, List<Instant> windowEnds, String where) {
    for (Instant at : windowEnds) {
      for (Window w : Window.values()) assertEquals(a.sums(w, at), b.sums(w, at), where + " " + w + " at " + at);
    }
    for (BucketSize size : BucketSize.values()) {
      assertEquals(a.timeSeries(now.minusSeconds(420L * 86_400), now, size),
          b.timeSeries(now.minusSeconds(420L * 86_400), now, size), where + " " + size);
    }
  }

  record Observation(String post, Instant at, long views, long likes) {}

  /**
   * Random cumulative counters of a few posts: {@code perPost} observations each at distinct
   * minutes within 20 days, mostly growing, sometimes corrected downwards.
   */
  private static List<List<Observation>> randomPosts(Random r, int posts, int perPost) {
    List<List<Observation>> all = new ArrayList<>();
    for (int p = 0; p < posts; p++) {
      TreeMap<Long, Boolean> minutes = new TreeMap<>();
      int n = 1 + r.nextInt(perPost);
      while (minutes.size() < n) minutes.put((long) r.nextInt(20 * 24 * 60), true);
      long views = 0, likes = 0;
      List<Observation> seq = new ArrayList<>();
      for (long minute : minutes.keySet()) {
        views = Math.max(0, views + r.nextInt(500) - (r.nextInt(10) == 0 ? 600 : 0));
        likes = Math.max(0, likes + r.nextInt(40) - (r.nextInt(10) == 0 ? 50 : 0));
        seq.add(new Observation("p" + p, ORIGIN.plusSeconds(minute * 60), views, likes));
      }
      all.add(seq);
    }
    return all;
  }

  /** Each post's sequence cut in blocks of {@code block}, each block shuffled, posts interleaved at random. */
  private static List<Observation> disorder(Random r, List<List<Observation>> posts, int block) {
    List<List<Observation>> queues = new ArrayList<>();
    for (List<Observation> seq : posts) {
      List<Observation> q = new ArrayList<>();
      for (int i = 0; i < seq.size(); i += block) {
        List<Observation> part = new ArrayList<>(seq.subList(i, Math.min(seq.size(), i + block)));
        Collections.shuffle(part, r);
        q.addAll(part);
      }
      queues.add(q);
    }
    List<Observation> out = new ArrayList<>();
    while (queues.stream().anyMatch(q -> !q.isEmpty())) {
      List<Observation> q = queues.get(r.nextInt(queues.size()));
      if (!q.isEmpty()) out.add(q.remove(0));
    }
    return out;
  }

  /** Re-sends (duplicates) about a third of the observations at random later positions. */
  private static List<Observation> withResends(Random r, List<Observation> arrivals) {
    List<Observation> out = new ArrayList<>(arrivals);
    for (Observation o : arrivals) {
      if (r.nextInt(3) == 0) {
        int first = out.indexOf(o);
        out.add(first + 1 + r.nextInt(out.size() - first), o);
      }
    }
    return out;
  }

  private record Outcome(RollingCounters counters, Map<Instant, Map<Metric, Long>> perInstant,
      Map<String, long[]> sumPerPost) {}

  private static Outcome run(List<Observation> arrivals, int history) {
    CounterDeltas deltas = new CounterDeltas(List.of(Metric.VIEWS, Metric.LIKES), history);
    RollingCounters counters = RollingCounters.create();
    Map<Instant, Map<Metric, Long>> perInstant = new TreeMap<>();
    Map<String, long[]> sumPerPost = new HashMap<>();
    for (Observation o : arrivals) {
      for (CounterDeltas.Delta d : deltas.observe(o.post(), o.at(), o.views(), o.likes())) {
        counters.add(d);
        long[] sum = sumPerPost.computeIfAbsent(d.key(), k -> new long[2]);
        sum[0] += d.get(Metric.VIEWS);
        sum[1] += d.get(Metric.LIKES);
        d.amounts().forEach((m, v) -> perInstant.computeIfAbsent(d.at(), t -> new EnumMap<>(Metric.class)).merge(m, v, Long::sum));
      }
      assertTrue(deltas.kept(o.post()) <= history);
    }
    perInstant.values().forEach(m -> m.values().removeIf(v -> v == 0));
    perInstant.values().removeIf(Map::isEmpty);
    return new Outcome(counters, perInstant, sumPerPost);
  }

  private static List<Observation> inTimeOrder(List<List<Observation>> posts) {
    return posts.stream().flatMap(List::stream).sorted((a, b) -> a.at().compareTo(b.at())).toList();
  }

  @Test
  void outOfOrderAndRepeatedSnapshotsGiveTheSameDeltasAsInOrderOnes() {
    Random r = new Random(SEED + 3);
    int history = CounterDeltas.DEFAULT_HISTORY;
    for (int run = 0; run < 300; run++) {
      String where = "seed " + SEED + " run " + run;
      // up to the kept history per post any order is exact; longer sequences are disordered within blocks of that size
      boolean longSequences = run % 2 == 1;
      List<List<Observation>> posts = randomPosts(r, 1 + r.nextInt(5), longSequences ? 60 : history);
      List<Observation> arrivals = longSequences ? disorder(r, posts, history) : shuffled(r, posts);
      Outcome expected = run(inTimeOrder(posts), history);
      Outcome actual = run(withResends(r, arrivals), history);
      assertEquals(expected.perInstant(), actual.perInstant(), where);
      for (List<Observation> seq : posts) {
        Observation latest = seq.get(seq.size() - 1);
        long[] sum = actual.sumPerPost().getOrDefault(latest.post(), new long[2]);
        assertEquals(latest.views(), sum[0], where + " deltas of " + latest.post() + " add up to its latest views");
        assertEquals(latest.likes(), sum[1], where);
      }
      // the same deltas per instant, but not necessarily the same zero-sum amounts (a snapshot that
      // arrived before its predecessor gets a delta that the predecessor later cancels): such an
      // amount still takes its ring slots, so a bucket one ring length older can be forgotten in
      // one run and kept in the other (see RollingCounters). Windows agree at a now after the newest
      // observation, which is where entities read them, and series agree wherever both still know.
      Instant now = ORIGIN.plusSeconds(20L * 86_400);
      for (Window w : Window.values()) {
        assertEquals(expected.counters().sums(w, now), actual.counters().sums(w, now), where + " " + w);
      }
      for (BucketSize size : BucketSize.values()) {
        assertSameWhereBothKnow(expected.counters().timeSeries(now.minusSeconds(420L * 86_400), now, size),
            actual.counters().timeSeries(now.minusSeconds(420L * 86_400), now, size), where + " " + size);
      }
    }
  }

  /**
   * Both series per day (hour points summed into their day, week points kept whole): every period
   * complete in both has the same sums, and the last 7 days are complete in both.
   */
  private static void assertSameWhereBothKnow(TimeSeries a, TimeSeries b, String where) {
    Map<Instant, TimeSeries.Point> pa = byPeriod(a), pb = byPeriod(b);
    assertEquals(pa.keySet(), pb.keySet(), where + " periods");
    Instant lastWeek = a.to().minusSeconds(7L * 86_400);
    int compared = 0;
    for (Instant start : pa.keySet()) {
      TimeSeries.Point x = pa.get(start), y = pb.get(start);
      if (!x.start().isBefore(lastWeek)) assertTrue(x.complete() && y.complete(), where + " " + start);
      if (x.complete() && y.complete()) {
        assertEquals(x.sums(), y.sums(), where + " " + start);
        compared++;
      }
    }
    assertTrue(compared >= 7, where);
  }

  private static Map<Instant, TimeSeries.Point> byPeriod(TimeSeries series) {
    Map<Instant, TimeSeries.Point> out = new TreeMap<>();
    for (TimeSeries.Point p : series.points()) {
      Instant start = p.size() == BucketSize.HOUR ? p.start().truncatedTo(ChronoUnit.DAYS) : p.start();
      out.merge(start, p, (x, y) -> {
        Map<Metric, Long> sums = new EnumMap<>(x.sums());
        y.sums().forEach((m, v) -> sums.merge(m, v, Long::sum));
        return new TimeSeries.Point(x.start(), y.end(), BucketSize.DAY, x.complete() && y.complete(), sums);
      });
    }
    return out;
  }

  private static List<Observation> shuffled(Random r, List<List<Observation>> posts) {
    List<Observation> all = new ArrayList<>(inTimeOrder(posts));
    Collections.shuffle(all, r);
    return all;
  }

  @Test
  void observationsBeyondTheKeptHistoryNeverCountTwice() {
    Random r = new Random(SEED + 4);
    for (int run = 0; run < 200; run++) {
      String where = "seed " + SEED + " run " + run;
      List<List<Observation>> posts = randomPosts(r, 1 + r.nextInt(3), 40);
      Outcome actual = run(withResends(r, shuffled(r, posts)), 2 + r.nextInt(4));
      for (List<Observation> seq : posts) {
        Observation latest = seq.get(seq.size() - 1);
        long[] sum = actual.sumPerPost().getOrDefault(latest.post(), new long[2]);
        assertEquals(latest.views(), sum[0], where + " whatever was ignored, the deltas add up to the latest");
        assertEquals(latest.likes(), sum[1], where);
      }
    }
  }
}
