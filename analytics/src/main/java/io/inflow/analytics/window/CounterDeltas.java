package io.inflow.analytics.window;

import io.inflow.analytics.common.PostCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns cumulative counter observations (a post's views/likes/… totals, an account's followers)
 * into deltas dated at their observation time, so that {@link RollingCounters} can say how much a
 * counter grew in a window. Mutable and owned by one entity; {@link #snapshot()} and
 * {@link #restore} copy it.
 *
 * <h2>Late, repeated and out-of-order observations</h2>
 * The delta of an observation is relative to the latest earlier observation of the same key (zero
 * before the first). An observation that arrives after a later one is <em>re-split</em>: it gets
 * the delta from its earlier neighbour, and its later neighbour gets a correction of the opposite
 * sign, so each observation ends up with exactly the delta it would have had in time order. Summed
 * per instant, the deltas are therefore the same whatever order observations arrive in, and the
 * deltas of a key always add up to its latest observation (the same value
 * {@link io.inflow.analytics.common.PostTotals} reports), or, with a baseline (follower counts), to
 * its latest minus its earliest observation. A repeated observation (same instant, same
 * counters) produces nothing; one with the same instant and different counters replaces the earlier
 * (the later-applied wins, as in {@code PostTotals}) and emits the difference.
 *
 * <h2>Memory bound</h2>
 * Only the {@code historyPerKey} latest observations of each key are kept (default
 * {@value #DEFAULT_HISTORY}), and only by the {@value #HOT_KEYS} keys observed most recently (in
 * arrival order); every other key keeps just its latest observation. Re-splitting is exact for an
 * observation newer than the oldest kept one. An observation older than every kept one, once older
 * ones have been dropped, is ignored: its growth stays with the oldest kept observation, a shift in
 * time but never a double count (totals are unaffected). So late snapshots are placed exactly for
 * the posts an entity is still observing, and a post that went quiet costs what its latest counters
 * take. Arrays never grow beyond {@code h} observations, so a key holds at most
 * {@code 40 + (16 + 8h) + (16 + 4h rounded up to 8) + (16 + 8hn)} bytes for {@code h} kept
 * observations of {@code n} counters (compressed references), plus the map entry and the key: 632
 * bytes for a post among the recent ones (h = 8, n = 7) and 160 bytes for an older one (h = 1), 248
 * bytes for an account's followers (h = 8, n = 1), plus one spare set of full-size arrays per
 * instance. (Keeping 8 observations of every post made post histories the largest part of a busy
 * node's heap: ~520 new posts/s at 14,750 events/s.)
 *
 * <p>Which keys are recent is part of the state: {@link #snapshot()} lists the other keys first (by
 * key), then the recent ones in the order they were last observed, and {@link #restore} makes the
 * last {@value #HOT_KEYS} of its keys the recent ones in that order, so a restored instance places the
 * same late observations as the one that took the snapshot.
 *
 * <p>Observing a recent key again allocates nothing: the recent keys sit in an access-ordered map
 * that relinks the key's entry. (Keeping every key in observation order instead removed and
 * re-inserted two map entries per observation, ~80 bytes that reached the old generation whenever
 * the key had waited a young collection's interval: load-tests/README.md, "Eleventh session".)
 */
public final class CounterDeltas {
  public static final int DEFAULT_HISTORY = 8;
  /**
   * Keys that keep up to {@code historyPerKey} observations: the ones observed most recently. 32
   * covers an influencer's posts still being tracked (a few posts a day, snapshots for a week or
   * two) and a campaign's sponsored posts of its live days. It was 128, which kept ~81 KB of
   * histories per entity once 128 posts had been seen, mostly for posts long quiet: under the live
   * benchmark they were 36% of the node's live-data growth (load-tests/README.md, "Twelfth session").
   */
  public static final int HOT_KEYS = 32;
  /** The counters of a post, in the order {@link #observe(String, PostCounters)} reads them. */
  public static final List<Metric> POST_COUNTERS = List.of(Metric.VIEWS, Metric.IMPRESSIONS, Metric.REACH,
      Metric.LIKES, Metric.COMMENTS, Metric.SHARES, Metric.SAVES);

  /**
   * A change of counters at an instant; amounts hold only the non-zero changes.
   *
   * @param key the post (or account) whose counters changed
   */
  public record Delta(String key, Instant at, Map<Metric, Long> amounts) {
    public Delta {
      Map<Metric, Long> copy = new EnumMap<>(Metric.class);
      copy.putAll(amounts);
      amounts = Collections.unmodifiableMap(copy);
    }

    public long get(Metric metric) {
      return amounts.getOrDefault(metric, 0L);
    }
  }

  /** Immutable copy of a {@link CounterDeltas}; {@code keys} in the order they were last observed, oldest first. */
  public record Snapshot(List<Metric> counters, int historyPerKey, boolean baseline, Map<String, KeyHistory> keys) {}

  /** The kept observations of one key, oldest first; {@code truncated} when older ones were dropped. */
  public record KeyHistory(boolean truncated, List<Observation> observations) {}

  /** One cumulative observation; the array must not be modified. */
  public record Observation(Instant at, long[] cumulative) {}

  private final List<Metric> counters;
  private final Metric[] metrics;
  private final int historyPerKey;
  private final boolean baseline;
  /** Every key with observations. */
  private final HashMap<String, History> byKey = new HashMap<>();
  /**
   * The full-size arrays of the last key that left the recent ones, handed to the next history that
   * grows. A key leaves long after its arrays reached the old generation of the heap, so dropping
   * them there was ~40% of the garbage that generation received under the live benchmark (with
   * posts that go quiet within seconds: load-tests/README.md, "Twelfth session").
   */
  private final Spare spare = new Spare();
  /**
   * The last {@link #HOT_KEYS} keys observed, least recent first (access order: a {@code get}
   * moves the key to the end without allocating); the key pushed out keeps only its latest
   * observation, and its arrays go to {@link #spare}.
   */
  private final LinkedHashMap<String, History> hot = new LinkedHashMap<>(HOT_KEYS * 2, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, History> eldest) {
      if (size() <= HOT_KEYS) return false;
      eldest.getValue().keepLatestOnly(spare);
      return true;
    }
  };

  public CounterDeltas(List<Metric> counters, int historyPerKey) {
    this(counters, historyPerKey, false);
  }

  /**
   * @param baseline whether a key's earliest observation is a baseline rather than growth from zero
   *     (true for follower counts: an account first seen with 10,000 followers did not gain them then;
   *     false for a post, which starts at zero). With a baseline the deltas of a key add up to its
   *     latest minus its earliest observation.
   */
  public CounterDeltas(List<Metric> counters, int historyPerKey, boolean baseline) {
    if (counters.isEmpty()) throw new IllegalArgumentException("at least one counter is needed");
    if (historyPerKey < 1) throw new IllegalArgumentException("history per key must be at least 1");
    this.counters = List.copyOf(counters);
    this.metrics = this.counters.toArray(new Metric[0]);
    this.historyPerKey = historyPerKey;
    this.baseline = baseline;
  }

  /** Deltas of post counters ({@link #POST_COUNTERS}), keyed by post id. */
  public static CounterDeltas forPosts() {
    return new CounterDeltas(POST_COUNTERS, DEFAULT_HISTORY);
  }

  /** Changes of follower counts as {@link Metric#FOLLOWER_GROWTH}, keyed by e.g. platform; the first count is a baseline. */
  public static CounterDeltas forFollowers() {
    return new CounterDeltas(List.of(Metric.FOLLOWER_GROWTH), DEFAULT_HISTORY, true);
  }

  public List<Metric> counters() {
    return counters;
  }

  /** Receives one non-zero change of a counter, dated at {@code at}. */
  @FunctionalInterface
  public interface Sink {
    void add(Instant at, Metric metric, long units);
  }

  /**
   * Records the cumulative values of {@link #counters()} observed for {@code key} at {@code at} and
   * returns the deltas to add: none, one, or two (the observation's and its later neighbour's
   * correction).
   */
  public List<Delta> observe(String key, Instant at, long... cumulative) {
    List<Delta> out = new ArrayList<>(2);
    record(key, at, cumulative, (deltaAt, change, sign) -> emit(out, key, deltaAt, change, sign));
    return out;
  }

  /**
   * Like {@link #observe(String, Instant, long...)}, but hands each non-zero change straight to
   * {@code sink} without building {@link Delta} objects: the path entities use on every snapshot.
   */
  public void observe(String key, Instant at, long[] cumulative, Sink sink) {
    record(key, at, cumulative, (deltaAt, change, sign) -> {
      for (int i = 0; i < metrics.length; i++) {
        if (change[i] != 0) sink.add(deltaAt, metrics[i], sign * change[i]);
      }
    });
  }

  private interface Changes {
    void emit(Instant at, long[] change, int sign);
  }

  private void record(String key, Instant at, long[] cumulative, Changes out) {
    if (cumulative.length != metrics.length) {
      throw new IllegalArgumentException("expected " + metrics.length + " counters, got " + cumulative.length);
    }
    History h = touch(key);
    int found = h.search(at);
    if (found >= 0) {
      long[] change = h.minus(cumulative, found);
      h.set(found, cumulative);
      if (!(found == 0 && isBaseline(h))) out.emit(at, change, 1);
      if (found + 1 < h.size) out.emit(h.at(found + 1), change, -1);
      return;
    }
    int index = -found - 1;
    if (index == 0 && h.truncated) return;
    if (index == 0 && isBaseline(h)) {
      // the new earliest is the baseline: nothing at it, and the old earliest grows from it
      if (h.size > 0) out.emit(h.at(0), h.minus(cumulative, 0), -1);
    } else {
      long[] change = index == 0 ? cumulative.clone() : h.minus(cumulative, index - 1);
      out.emit(at, change, 1);
      if (index < h.size) out.emit(h.at(index), change, -1);
    }
    if (h.size == historyPerKey) {
      if (index == 0) {
        h.truncated = true; // it would be the oldest kept: it is dropped at once, its deltas stand
        return;
      }
      h.dropOldest();
      index--;
    }
    h.insert(index, at, cumulative, spare);
  }

  /**
   * The key's history (created if new), now the most recently observed; the key that thereby leaves
   * the {@link #HOT_KEYS} most recent keeps only its latest observation.
   */
  private History touch(String key) {
    History h = hot.get(key);
    if (h != null) return h;
    h = byKey.get(key);
    if (h == null) {
      h = new History(metrics.length, historyPerKey);
      byKey.put(key, h);
    }
    hot.put(key, h);
    return h;
  }

  /** Whether the earliest kept observation of {@code h} is the key's baseline (never dropped). */
  private boolean isBaseline(History h) {
    return baseline && !h.truncated;
  }

  /** Records a post's counters; the counters must be post counters (see {@link #POST_COUNTERS}). */
  public List<Delta> observe(String postId, PostCounters c) {
    return observe(postId, c.observedAt(), postValues(c));
  }

  /** {@link #observe(String, PostCounters)} straight into a sink. */
  public void observe(String postId, PostCounters c, Sink sink) {
    observe(postId, c.observedAt(), postValues(c), sink);
  }

  private long[] postValues(PostCounters c) {
    long[] values = new long[metrics.length];
    for (int i = 0; i < metrics.length; i++) {
      values[i] = switch (metrics[i]) {
        case VIEWS -> c.views();
        case IMPRESSIONS -> c.impressions();
        case REACH -> c.reach();
        case LIKES -> c.likes();
        case COMMENTS -> c.comments();
        case SHARES -> c.shares();
        case SAVES -> c.saves();
        default -> throw new IllegalArgumentException(metrics[i] + " is not a post counter");
      };
    }
    return values;
  }

  private void emit(List<Delta> out, String key, Instant at, long[] change, int sign) {
    Map<Metric, Long> amounts = new EnumMap<>(Metric.class);
    for (int i = 0; i < metrics.length; i++) {
      if (change[i] != 0) amounts.merge(metrics[i], sign * change[i], Long::sum);
    }
    amounts.values().removeIf(v -> v == 0);
    if (!amounts.isEmpty()) out.add(new Delta(key, at, amounts));
  }

  /** Number of keys with observations. */
  public int keys() {
    return byKey.size();
  }

  /** Number of keys observed at or after {@code since} (all keys with observations when null). O(keys). */
  public long keysObservedSince(Instant since) {
    if (since == null) return byKey.size();
    long n = 0;
    for (History h : byKey.values()) {
      if (h.size > 0 && !h.at(h.size - 1).isBefore(since)) n++;
    }
    return n;
  }

  /** How many observations of {@code key} are kept (at most the history per key). */
  public int kept(String key) {
    History h = byKey.get(key);
    return h == null ? 0 : h.size;
  }

  public Snapshot snapshot() {
    Map<String, KeyHistory> keys = new LinkedHashMap<>();
    List<String> older = new ArrayList<>(byKey.size());
    for (String key : byKey.keySet()) if (!hot.containsKey(key)) older.add(key);
    Collections.sort(older);
    for (String key : older) keys.put(key, history(byKey.get(key)));
    hot.forEach((key, h) -> keys.put(key, history(h))); // iterating reorders nothing
    return new Snapshot(counters, historyPerKey, baseline, Collections.unmodifiableMap(keys));
  }

  private static KeyHistory history(History h) {
    List<Observation> observations = new ArrayList<>(h.size);
    for (int i = 0; i < h.size; i++) observations.add(new Observation(h.at(i), h.values(i)));
    return new KeyHistory(h.truncated, List.copyOf(observations));
  }

  public static CounterDeltas restore(Snapshot s) {
    CounterDeltas d = new CounterDeltas(s.counters(), s.historyPerKey(), s.baseline());
    s.keys().forEach((key, kh) -> {
      History h = new History(d.metrics.length, d.historyPerKey);
      if (kh.observations().size() > d.historyPerKey) throw new IllegalArgumentException("snapshot keeps too many observations");
      for (Observation o : kh.observations()) {
        if (o.cumulative().length != d.metrics.length) throw new IllegalArgumentException("snapshot counters mismatch");
        h.insert(h.size, o.at(), o.cumulative(), d.spare);
      }
      h.truncated = kh.truncated();
      d.byKey.put(key, h);
      d.hot.put(key, h); // the recent keys come last, in the order they were last observed
    });
    return d;
  }

  /** At most one set of full-size history arrays that no key uses. */
  private static final class Spare {
    private long[] seconds;
    private int[] nanos;
    private long[] values;
  }

  /** Kept observations of one key, sorted by time, in flat arrays. */
  private static final class History {
    private final int width;
    private final int limit;
    private long[] seconds;
    private int[] nanos;
    private long[] values;
    private int size;
    private boolean truncated;

    History(int width, int limit) {
      this.width = width;
      this.limit = limit;
      int capacity = Math.min(2, limit);
      this.seconds = new long[capacity];
      this.nanos = new int[capacity];
      this.values = new long[capacity * width];
    }

    Instant at(int i) {
      return Instant.ofEpochSecond(seconds[i], nanos[i]);
    }

    long[] values(int i) {
      return Arrays.copyOfRange(values, i * width, (i + 1) * width);
    }

    /** Index of {@code at}, or −(insertion point) − 1. */
    int search(Instant at) {
      int lo = 0, hi = size - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = compare(seconds[mid], nanos[mid], at);
        if (c < 0) lo = mid + 1;
        else if (c > 0) hi = mid - 1;
        else return mid;
      }
      return -lo - 1;
    }

    private static int compare(long s, int n, Instant at) {
      int c = Long.compare(s, at.getEpochSecond());
      return c != 0 ? c : Integer.compare(n, at.getNano());
    }

    long[] minus(long[] cumulative, int i) {
      long[] d = new long[width];
      for (int k = 0; k < width; k++) d[k] = cumulative[k] - values[i * width + k];
      return d;
    }

    void set(int i, long[] cumulative) {
      System.arraycopy(cumulative, 0, values, i * width, width);
    }

    void insert(int i, Instant at, long[] cumulative, Spare spare) {
      if (size == seconds.length) grow(spare);
      System.arraycopy(seconds, i, seconds, i + 1, size - i);
      System.arraycopy(nanos, i, nanos, i + 1, size - i);
      System.arraycopy(values, i * width, values, (i + 1) * width, (size - i) * width);
      seconds[i] = at.getEpochSecond();
      nanos[i] = at.getNano();
      set(i, cumulative);
      size++;
    }

    /** Doubles the capacity up to the limit, into the spare arrays when there are some. */
    private void grow(Spare spare) {
      int capacity = Math.min(size * 2, limit);
      if (spare.seconds != null) { // full size (the same limit and width: one CounterDeltas)
        System.arraycopy(seconds, 0, spare.seconds, 0, size);
        System.arraycopy(nanos, 0, spare.nanos, 0, size);
        System.arraycopy(values, 0, spare.values, 0, size * width);
        seconds = spare.seconds;
        nanos = spare.nanos;
        values = spare.values;
        spare.seconds = null;
        spare.nanos = null;
        spare.values = null;
        return;
      }
      seconds = Arrays.copyOf(seconds, capacity);
      nanos = Arrays.copyOf(nanos, capacity);
      values = Arrays.copyOf(values, capacity * width);
    }

    /**
     * Keeps only the latest observation, in arrays of one (a key that left the recent ones); its
     * full-size arrays become the spare ones if there are none.
     */
    void keepLatestOnly(Spare spare) {
      if (size <= 1) return;
      long[] latestValues = Arrays.copyOfRange(values, (size - 1) * width, size * width);
      long latestSecond = seconds[size - 1];
      int latestNano = nanos[size - 1];
      if (spare.seconds == null && seconds.length == limit) {
        spare.seconds = seconds;
        spare.nanos = nanos;
        spare.values = values;
      }
      seconds = new long[] {latestSecond};
      nanos = new int[] {latestNano};
      values = latestValues;
      size = 1;
      truncated = true;
    }

    void dropOldest() {
      System.arraycopy(seconds, 1, seconds, 0, size - 1);
      System.arraycopy(nanos, 1, nanos, 0, size - 1);
      System.arraycopy(values, width, values, 0, (size - 1) * width);
      size--;
      truncated = true;
    }
  }
}
