package io.inflow.analytics.window;

import io.inflow.analytics.common.PostCounters;
import io.inflow.analytics.window.RollingCounters.Window;
import java.math.BigDecimal;
import io.inflow.protocol.api.CampaignListItem;
import io.inflow.protocol.codec.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rolling windows of one entity (an influencer or a campaign): post counter growth and follower
 * growth derived from cumulative observations ({@link CounterDeltas}), other counts added as they
 * happen, and money per currency, all summed over time by {@link RollingCounters}. Observations may
 * arrive late, twice or out of order; every sum is the same as in time order. Mutable and owned by
 * one entity's state; {@link #snapshot()} and {@link #restore} copy it.
 *
 * <h2>Memory bound</h2>
 * One {@link RollingCounters} for counts (at most {@code 1,560 + 2,128 m} bytes for {@code m}
 * metrics in use: ≤ 27,096 bytes with all 12 count metrics) plus one per currency seen for spend and
 * revenue (≤ 5,816 bytes each), plus {@link CounterDeltas}: 632 bytes for each of the
 * {@value CounterDeltas#HOT_KEYS} posts observed most recently, 160 bytes for any other post, and 248
 * bytes per follower account. It does not grow with the number or rate of events, only with posts, accounts
 * and currencies.
 */
public final class ActivityWindows {
  private final CounterDeltas posts;
  private final CounterDeltas followers;
  private final RollingCounters counts;
  private final Map<String, RollingCounters> money;

  /** Immutable copy; {@code money} is keyed by ISO-4217 currency. */
  public record Snapshot(CounterDeltas.Snapshot posts, CounterDeltas.Snapshot followers,
      RollingCounters.Snapshot counts, Map<String, RollingCounters.Snapshot> money) {}

  private ActivityWindows(CounterDeltas posts, CounterDeltas followers, RollingCounters counts,
      Map<String, RollingCounters> money) {
    this.posts = posts;
    this.followers = followers;
    this.counts = counts;
    this.money = money;
  }

  public static ActivityWindows create() {
    return new ActivityWindows(CounterDeltas.forPosts(), CounterDeltas.forFollowers(), RollingCounters.create(),
        new TreeMap<>());
  }

  /** A post's cumulative counters: their growth since the previous observation counts at {@code c.observedAt()}. */
  public void observePost(String postId, PostCounters c) {
    posts.observe(postId, c, counts::add);
  }

  /** An account's follower count: its change since the previous observation counts as {@link Metric#FOLLOWER_GROWTH}. */
  public void observeFollowers(String account, Instant at, long followerCount) {
    followers.observe(account, at, new long[] {followerCount}, counts::add);
  }

  /** Adds a count (clicks, conversions, comments received…); may be negative. */
  public void add(Instant at, Metric metric, long units) {
    if (metric.scale() != 0) throw new IllegalArgumentException(metric + " is money: use addMoney");
    counts.add(at, metric, units);
  }

  /** Adds money ({@link Metric#SPEND} or {@link Metric#REVENUE}) in {@code currency}; may be negative. */
  public void addMoney(Instant at, String currency, Metric metric, BigDecimal amount) {
    if (metric.scale() == 0) throw new IllegalArgumentException(metric + " is a count: use add");
    if (amount.signum() == 0) return;
    money.computeIfAbsent(currency, c -> RollingCounters.create()).add(at, metric, amount);
  }

  /** A count summed over {@code window} ending at {@code now}. */
  public long sum(Metric metric, Window window, Instant now) {
    return counts.sum(metric, window, now);
  }

  /** Money in {@code currency} over {@code window}; zero when none was seen, null for a null currency. */
  public BigDecimal money(String currency, Metric metric, Window window, Instant now) {
    if (currency == null) return null;
    RollingCounters c = money.get(currency);
    return c == null ? BigDecimal.ZERO.setScale(metric.scale()) : c.decimalSum(metric, window, now);
  }

  /**
   * The {@code days} UTC days ending with the day of {@code now}, oldest first: views, engagements
   * (likes + comments + shares + saves), clicks and conversions gained, and spend and revenue in
   * {@code currency} (null without one).
   */
  public List<CampaignListItem.DayPoint> lastDays(int days, Instant now, String currency) {
    Instant to = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    Instant from = to.minus(days, ChronoUnit.DAYS);
    TimeSeries c = counts.timeSeries(from, to, BucketSize.DAY);
    RollingCounters m = currency == null ? null : money.get(currency);
    TimeSeries cash = m == null ? null : m.timeSeries(from, to, BucketSize.DAY);
    List<CampaignListItem.DayPoint> out = new ArrayList<>(c.points().size());
    for (int i = 0; i < c.points().size(); i++) {
      TimeSeries.Point p = c.points().get(i);
      long engagements = p.get(Metric.LIKES) + p.get(Metric.COMMENTS) + p.get(Metric.SHARES) + p.get(Metric.SAVES);
      out.add(new CampaignListItem.DayPoint(p.start(), p.get(Metric.VIEWS), engagements, p.get(Metric.CLICKS),
          p.get(Metric.CONVERSIONS), amount(currency, cash, i, Metric.SPEND), amount(currency, cash, i, Metric.REVENUE)));
    }
    return out;
  }

  private static BigDecimal amount(String currency, TimeSeries cash, int i, Metric metric) {
    if (currency == null) return null;
    return metric.toDecimal(cash == null ? 0 : cash.points().get(i).get(metric));
  }

  /** Posts whose latest counter observation falls in {@code window} (all posts with counters to date). */
  public long postsObservedIn(Window window, Instant now) {
    return posts.keysObservedSince(window.startAt(now));
  }

  public Snapshot snapshot() {
    Map<String, RollingCounters.Snapshot> m = new TreeMap<>();
    money.forEach((currency, c) -> m.put(currency, c.snapshot()));
    return new Snapshot(posts.snapshot(), followers.snapshot(), counts.snapshot(), Collections.unmodifiableMap(m));
  }

  /**
   * The snapshot as compact bytes for entity snapshots: its JSON, deflated. Rings are mostly zeros
   * and repeated owners, so this is a small fraction of the arrays' size (an influencer's full rings
   * would otherwise cost tens of KB per entity snapshot).
   */
  public byte[] toBytes() {
    byte[] json = Json.writeBytes(snapshot());
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(json);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, json.length / 8));
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** Reads {@link #toBytes()}; null (a snapshot from before windows existed) gives empty windows. */
  public static ActivityWindows fromBytes(byte[] bytes) {
    if (bytes == null) return create();
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 8);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("truncated window snapshot");
        }
        out.write(buffer, 0, n);
      }
      return restore(Json.mapper().readValue(out.toByteArray(), Snapshot.class));
    } catch (DataFormatException | IOException e) {
      throw new IllegalArgumentException("unreadable window snapshot: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** Restores a snapshot; null (a snapshot from before windows existed) gives empty windows. */
  public static ActivityWindows restore(Snapshot s) {
    if (s == null) return create();
    Map<String, RollingCounters> m = new TreeMap<>();
    if (s.money() != null) s.money().forEach((currency, c) -> m.put(currency, RollingCounters.restore(c)));
    return new ActivityWindows(CounterDeltas.restore(s.posts()), CounterDeltas.restore(s.followers()),
        RollingCounters.restore(s.counts()), m);
  }
}
