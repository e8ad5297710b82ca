package io.inflow.analytics.window;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time-bucketed sums of one entity's {@link Metric}s, answering "how much in the last 1 h / 24 h /
 * 7 d / 30 d" relative to any {@code now}, campaign-to-date totals, and hour/day/week series over the
 * retained history (exact reports over any range are read from the journal instead). Mutable and owned by one entity; {@link #snapshot()} and {@link #restore} copy it.
 *
 * <h2>Layout and memory bound</h2>
 * Every amount is added to three rings of fixed size and to a to-date total:
 * <ul>
 *   <li>{@value #MINUTE_BUCKETS} one-minute buckets (the 1 h window),
 *   <li>{@value #HOUR_BUCKETS} one-hour buckets = 7 days (24 h and 7 d windows, hour series),
 *   <li>{@code retainedDays} one-day buckets, default {@value #DEFAULT_RETAINED_DAYS} (the 30 d window,
 *       day and week series, and hour series older than 7 days at day resolution),
 *   <li>one to-date sum per metric, which also counts amounts older than any ring.
 * </ul>
 * A ring slot holds one bucket: a newer bucket that maps to the same slot replaces it, an older one
 * is left out of that ring. Arrays are allocated per metric on its first amount and never grow, so
 * memory does not depend on the number or rate of events. With compressed references (heaps under
 * 32 GB), 16-byte array headers and 8-byte alignment, one instance with {@code d} retained days and
 * {@code m} of the 17 metrics in use takes at most {@code 1,504 + 4d + m × (1,872 + 8d)} bytes
 * ({@code 4d} rounded up to a multiple of 8). With the default 32 days that is {@code 1,632 + 2,128 m}:
 * ≤ 37,808 bytes (≈ 37 KiB) with all 17 metrics, 31,424 bytes for an influencer's 14 (seven post
 * counters, clicks, conversions, comments received, follower growth, three sentiment labels). See {@link #retainedBytes()}
 * and {@link #maxRetainedBytes(int)}. (A first version kept 30 days of hours and 400 days: 135 KiB
 * per entity, which filled a 1 GiB node's heap with a few thousand entities.)
 *
 * <h2>Reads</h2>
 * Windows hold whole buckets: "last 1 h" is the minute containing {@code now} and the 59 before it;
 * 24 h and 7 d are the hour containing {@code now} and the 23 or 167 before; 30 d is the UTC day
 * containing {@code now} and the 29 before. Amounts in
 * later buckets are left out (they count in to-date). A bucket is known when its ring holds it or
 * holds an older bucket (then it had no amounts); only an amount dated at least one ring length
 * later, in the same slot, pushes a bucket out. That is how history ages out, and also why an event
 * dated in the future can displace the one bucket a ring length before it. An amount cancelled
 * later (a counter correction) has displaced just the same. So windows are exact when
 * {@code now} is at or after the newest amount (how entities read them); read at an earlier
 * {@code now}, a bucket may already have been pushed out by a later amount in its slot.
 *
 * <p>Series have hour resolution for the days whose hours are all still known: always the last 7
 * days before the newest amount, and further back where data was too sparse to displace them. Other
 * days appear as one day point each, and days no ring knows any more as incomplete points with zero
 * sums. Every read is the same whatever order the amounts arrived in. Amounts of zero are ignored.
 * An instant whose bucket number does not fit an {@code int} (minutes more than about 4,000 years
 * from 1970) is left out of that ring; it still counts to-date.
 */
public final class RollingCounters {
  public static final int MINUTE_BUCKETS = 60;
  public static final int HOUR_BUCKETS = 168;
  public static final int DEFAULT_RETAINED_DAYS = 32;
  public static final int MIN_RETAINED_DAYS = 31;
  public static final int MAX_RETAINED_DAYS = 3660;
  /** Longest series one call may ask for, in requested buckets. */
  public static final int MAX_SERIES_POINTS = 20_000;

  private static final int UNSET = Integer.MIN_VALUE;
  private static final long MINUTE = 60, HOUR = 3600, DAY = 86_400;
  private static final int ARRAY_HEADER_BYTES = 16, REFERENCE_BYTES = 4;
  /** This object (header, int, 4 references) plus three ring objects (header, long, 2 references). */
  private static final int OBJECT_BYTES = 32 + 3 * 32;

  /** A rolling window relative to {@code now}, or the whole history. */
  public enum Window {
    LAST_HOUR("1h", MINUTE_BUCKETS),
    LAST_24_HOURS("24h", 24),
    LAST_7_DAYS("7d", 7 * 24),
    LAST_30_DAYS("30d", 30),
    TO_DATE("toDate", 0);

    private final String wireName;
    private final int buckets;

    Window(String wireName, int buckets) {
      this.wireName = wireName;
      this.buckets = buckets;
    }

    public String wireName() {
      return wireName;
    }

    /**
     * The first instant the window covers when read at {@code now}: the start of the oldest of its
     * whole buckets (see the class comment), or null for {@link #TO_DATE}.
     */
    public Instant startAt(Instant now) {
      if (this == TO_DATE) return null;
      long unit = this == LAST_HOUR ? MINUTE : this == LAST_30_DAYS ? DAY : HOUR;
      long bucket = Math.floorDiv(now.getEpochSecond(), unit) - buckets + 1;
      return Instant.ofEpochSecond(bucket * unit);
    }
  }

  /** Immutable copy of a {@link RollingCounters}; arrays must not be modified. */
  public record Snapshot(int retainedDays, int[] minuteOwners, int[] hourOwners, int[] dayOwners,
      Map<Metric, MetricSums> metrics) {}

  /** One metric's to-date sum and ring contents (null arrays: nothing in that ring). */
  public record MetricSums(long toDate, long[] minutes, long[] hours, long[] days) {}

  private final int retainedDays;
  private final Ring minutes;
  private final Ring hours;
  private final Ring days;
  private final long[] toDate = new long[Metric.COUNT];

  private RollingCounters(int retainedDays) {
    if (retainedDays < MIN_RETAINED_DAYS || retainedDays > MAX_RETAINED_DAYS) {
      throw new IllegalArgumentException("retained days must be within [" + MIN_RETAINED_DAYS + ", "
          + MAX_RETAINED_DAYS + "], got " + retainedDays);
    }
    this.retainedDays = retainedDays;
    this.minutes = new Ring(MINUTE, MINUTE_BUCKETS);
    this.hours = new Ring(HOUR, HOUR_BUCKETS);
    this.days = new Ring(DAY, retainedDays);
  }

  public static RollingCounters create() {
    return new RollingCounters(DEFAULT_RETAINED_DAYS);
  }

  public static RollingCounters create(int retainedDays) {
    return new RollingCounters(retainedDays);
  }

  /** Adds {@code units} (see {@link Metric#scale()}; may be negative) at {@code at}. */
  public void add(Instant at, Metric metric, long units) {
    if (units == 0) return;
    int m = metric.ordinal();
    toDate[m] += units;
    long second = at.getEpochSecond();
    minutes.add(Math.floorDiv(second, MINUTE), m, units);
    hours.add(Math.floorDiv(second, HOUR), m, units);
    days.add(Math.floorDiv(second, DAY), m, units);
  }

  /** Adds a decimal amount, rounded half-even to the metric's scale (4 places for money). */
  public void add(Instant at, Metric metric, BigDecimal amount) {
    add(at, metric, metric.toUnits(amount));
  }

  /** Adds every amount of a counter delta at its instant. */
  public void add(CounterDeltas.Delta delta) {
    delta.amounts().forEach((metric, units) -> add(delta.at(), metric, units));
  }

  /** The sum of {@code metric} over {@code window} ending at {@code now}, in stored units. */
  public long sum(Metric metric, Window window, Instant now) {
    int m = metric.ordinal();
    if (window == Window.TO_DATE) return toDate[m];
    Ring ring = switch (window) {
      case LAST_HOUR -> minutes;
      case LAST_30_DAYS -> days;
      default -> hours;
    };
    long end = ring.bucketOf(now);
    long sum = 0;
    for (long b = end - window.buckets + 1; b <= end; b++) sum += ring.get(b, m);
    return sum;
  }

  /** {@link #sum} as a decimal in the metric's unit. */
  public BigDecimal decimalSum(Metric metric, Window window, Instant now) {
    return metric.toDecimal(sum(metric, window, now));
  }

  /** Every metric's sum over {@code window}. */
  public Map<Metric, Long> sums(Window window, Instant now) {
    Map<Metric, Long> out = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) out.put(m, sum(m, window, now));
    return Collections.unmodifiableMap(out);
  }

  /** Everything ever added for {@code metric}, in stored units. */
  public long toDate(Metric metric) {
    return toDate[metric.ordinal()];
  }

  /**
   * Sums per bucket over [{@code from}, {@code to}), widened to whole buckets (and to whole days
   * where hours are no longer retained, see the class comment).
   *
   * @throws IllegalArgumentException when more than {@value #MAX_SERIES_POINTS} buckets are asked for
   */
  public TimeSeries timeSeries(Instant from, Instant to, BucketSize size) {
    if (!to.isAfter(from)) return new TimeSeries(size, from, to, List.of());
    long firstSecond = from.getEpochSecond();
    long lastSecond = to.minusNanos(1).getEpochSecond();
    long firstDay = Math.floorDiv(firstSecond, DAY);
    long lastDay = Math.floorDiv(lastSecond, DAY);
    long requested = switch (size) {
      case HOUR -> Math.floorDiv(lastSecond, HOUR) - Math.floorDiv(firstSecond, HOUR) + 1;
      case DAY -> lastDay - firstDay + 1;
      case WEEK -> (mondayOf(lastDay) - mondayOf(firstDay)) / 7 + 1;
    };
    if (requested > MAX_SERIES_POINTS) {
      throw new IllegalArgumentException("a series may have at most " + MAX_SERIES_POINTS + " "
          + size.name().toLowerCase(Locale.ROOT) + " buckets, asked for " + requested);
    }
    List<TimeSeries.Point> points = new ArrayList<>();
    switch (size) {
      case HOUR -> {
        long firstHour = Math.floorDiv(firstSecond, HOUR);
        long lastHour = Math.floorDiv(lastSecond, HOUR);
        for (long day = firstDay; day <= lastDay; day++) {
          long a = Math.max(firstHour, day * 24);
          long b = Math.min(lastHour, day * 24 + 23);
          if (hoursKnown(a, b)) {
            for (long h = a; h <= b; h++) points.add(point(h * HOUR, HOUR, BucketSize.HOUR, true, hourSums(h)));
          } else {
            points.add(dayPoint(day));
          }
        }
      }
      case DAY -> {
        for (long day = firstDay; day <= lastDay; day++) points.add(dayPoint(day));
      }
      case WEEK -> {
        for (long monday = mondayOf(firstDay); monday <= lastDay; monday += 7) points.add(weekPoint(monday));
      }
    }
    return new TimeSeries(size, points.get(0).start(), points.get(points.size() - 1).end(), points);
  }

  private static long mondayOf(long epochDay) {
    return Math.floorDiv(epochDay + 3, 7) * 7 - 3; // 1970-01-01 was a Thursday
  }

  private boolean hoursKnown(long firstHour, long lastHour) {
    for (long h = firstHour; h <= lastHour; h++) {
      if (!hours.knows(h)) return false;
    }
    return true;
  }

  private long[] hourSums(long hour) {
    long[] s = new long[Metric.COUNT];
    for (int m = 0; m < Metric.COUNT; m++) s[m] = hours.get(hour, m);
    return s;
  }

  private TimeSeries.Point dayPoint(long day) {
    long[] s = new long[Metric.COUNT];
    boolean complete = true;
    if (days.knows(day)) {
      for (int m = 0; m < Metric.COUNT; m++) s[m] = days.get(day, m);
    } else if (hoursKnown(day * 24, day * 24 + 23)) {
      for (long h = day * 24; h < day * 24 + 24; h++) {
        for (int m = 0; m < Metric.COUNT; m++) s[m] += hours.get(h, m);
      }
    } else {
      complete = false;
    }
    return point(day * DAY, DAY, BucketSize.DAY, complete, s);
  }

  private TimeSeries.Point weekPoint(long monday) {
    long[] s = new long[Metric.COUNT];
    boolean complete = true;
    for (long day = monday; day < monday + 7; day++) {
      TimeSeries.Point p = dayPoint(day);
      complete &= p.complete();
      for (Metric m : Metric.values()) s[m.ordinal()] += p.get(m);
    }
    return point(monday * DAY, 7 * DAY, BucketSize.WEEK, complete, s);
  }

  private static TimeSeries.Point point(long startSecond, long widthSeconds, BucketSize size, boolean complete,
      long[] sums) {
    Map<Metric, Long> map = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) map.put(m, sums[m.ordinal()]);
    return new TimeSeries.Point(Instant.ofEpochSecond(startSecond), Instant.ofEpochSecond(startSecond + widthSeconds),
        size, complete, map);
  }

  public int retainedDays() {
    return retainedDays;
  }

  /** Number of bucket sums allocated (per metric in use: 780 + retained days). */
  public long allocatedBuckets() {
    return minutes.allocatedCells() + hours.allocatedCells() + days.allocatedCells();
  }

  /** The most {@link #allocatedBuckets()} can ever be. */
  public static long maxAllocatedBuckets(int retainedDays) {
    return (long) Metric.COUNT * (MINUTE_BUCKETS + HOUR_BUCKETS + retainedDays);
  }

  /** Bytes held by this instance (compressed references, 16-byte array headers, 8-byte alignment). */
  public long retainedBytes() {
    return OBJECT_BYTES + arrayBytes(Metric.COUNT, 8) + minutes.bytes() + hours.bytes() + days.bytes();
  }

  /** The most {@link #retainedBytes()} can ever be: every metric in use. */
  public static long maxRetainedBytes(int retainedDays) {
    long total = OBJECT_BYTES + arrayBytes(Metric.COUNT, 8);
    for (int size : new int[] {MINUTE_BUCKETS, HOUR_BUCKETS, retainedDays}) {
      total += arrayBytes(size, 4) + arrayBytes(Metric.COUNT, REFERENCE_BYTES) + Metric.COUNT * arrayBytes(size, 8);
    }
    return total;
  }

  private static long arrayBytes(long length, int elementBytes) {
    long raw = ARRAY_HEADER_BYTES + length * elementBytes;
    return (raw + 7) / 8 * 8;
  }

  public Snapshot snapshot() {
    Map<Metric, MetricSums> metrics = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      int m = metric.ordinal();
      long[] mi = copy(minutes.sums[m]), ho = copy(hours.sums[m]), da = copy(days.sums[m]);
      if (toDate[m] != 0 || mi != null || ho != null || da != null) metrics.put(metric, new MetricSums(toDate[m], mi, ho, da));
    }
    return new Snapshot(retainedDays, minutes.owners.clone(), hours.owners.clone(), days.owners.clone(),
        Collections.unmodifiableMap(metrics));
  }

  public static RollingCounters restore(Snapshot s) {
    RollingCounters c = new RollingCounters(s.retainedDays());
    c.minutes.restoreOwners(s.minuteOwners());
    c.hours.restoreOwners(s.hourOwners());
    c.days.restoreOwners(s.dayOwners());
    s.metrics().forEach((metric, sums) -> {
      int m = metric.ordinal();
      c.toDate[m] = sums.toDate();
      c.minutes.restoreSums(m, sums.minutes());
      c.hours.restoreSums(m, sums.hours());
      c.days.restoreSums(m, sums.days());
    });
    return c;
  }

  private static long[] copy(long[] a) {
    return a == null ? null : a.clone();
  }

  /** A fixed number of buckets of one width; slot = bucket mod size. */
  private static final class Ring {
    private final long unitSeconds;
    private final int[] owners;
    private final long[][] sums = new long[Metric.COUNT][];

    Ring(long unitSeconds, int size) {
      this.unitSeconds = unitSeconds;
      this.owners = new int[size];
      Arrays.fill(owners, UNSET);
    }

    long bucketOf(Instant t) {
      return Math.floorDiv(t.getEpochSecond(), unitSeconds);
    }

    private static boolean representable(long bucket) {
      return bucket > UNSET && bucket <= Integer.MAX_VALUE;
    }

    private int slot(long bucket) {
      return (int) Math.floorMod(bucket, (long) owners.length);
    }

    void add(long bucket, int metric, long units) {
      if (!representable(bucket)) return;
      int slot = slot(bucket);
      int owner = owners[slot];
      if (owner > bucket) return;
      if (owner < bucket) {
        owners[slot] = (int) bucket;
        for (long[] s : sums) {
          if (s != null) s[slot] = 0;
        }
      }
      long[] s = sums[metric];
      if (s == null) s = sums[metric] = new long[owners.length];
      s[slot] += units;
    }

    /** Whether the sums of {@code bucket} are known: held here, or certainly zero. */
    boolean knows(long bucket) {
      return representable(bucket) && owners[slot(bucket)] <= bucket;
    }

    long get(long bucket, int metric) {
      if (!representable(bucket)) return 0;
      int slot = slot(bucket);
      long[] s = sums[metric];
      return s != null && owners[slot] == bucket ? s[slot] : 0;
    }

    long allocatedCells() {
      long cells = 0;
      for (long[] s : sums) {
        if (s != null) cells += s.length;
      }
      return cells;
    }

    long bytes() {
      long total = arrayBytes(owners.length, 4) + arrayBytes(Metric.COUNT, REFERENCE_BYTES);
      for (long[] s : sums) {
        if (s != null) total += arrayBytes(s.length, 8);
      }
      return total;
    }

    void restoreOwners(int[] saved) {
      if (saved.length != owners.length) throw new IllegalArgumentException("snapshot ring size " + saved.length + " ≠ " + owners.length);
      System.arraycopy(saved, 0, owners, 0, owners.length);
    }

    void restoreSums(int metric, long[] saved) {
      if (saved == null) return;
      if (saved.length != owners.length) throw new IllegalArgumentException("snapshot ring size " + saved.length + " ≠ " + owners.length);
      sums[metric] = saved.clone();
    }
  }
}
