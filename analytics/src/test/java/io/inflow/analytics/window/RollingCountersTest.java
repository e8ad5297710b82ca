package io.inflow.analytics.window;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.analytics.window.RollingCounters.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollingCountersTest {
  private static final Instant NOW = Instant.parse("2026-11-20T12:30:30Z");

  private static Instant ago(Duration d) {
    return NOW.minus(d);
  }

  /** One amount per decimal digit, so each sum shows which amounts it holds. */
  private static RollingCounters digits() {
    RollingCounters c = RollingCounters.create();
    c.add(ago(Duration.ofSeconds(30)), Metric.VIEWS, 1);
    c.add(ago(Duration.ofMinutes(59)), Metric.VIEWS, 10);
    c.add(ago(Duration.ofMinutes(61)), Metric.VIEWS, 100);
    c.add(ago(Duration.ofHours(23)), Metric.VIEWS, 1_000);
    c.add(ago(Duration.ofHours(25)), Metric.VIEWS, 10_000);
    c.add(ago(Duration.ofDays(6)), Metric.VIEWS, 100_000);
    c.add(ago(Duration.ofDays(8)), Metric.VIEWS, 1_000_000);
    c.add(ago(Duration.ofDays(29)), Metric.VIEWS, 10_000_000);
    c.add(ago(Duration.ofDays(31)), Metric.VIEWS, 100_000_000);
    c.add(ago(Duration.ofDays(400)), Metric.VIEWS, 1_000_000_000);
    return c;
  }

  @Test
  void windowsHoldWhatTheirBucketsCover() {
    RollingCounters c = digits();
    // 1 h: minutes 11:31–12:30 hold 12:30:00 (1) and 11:31:30 (10), not 11:29:30 (100)
    assertEquals(11, c.sum(Metric.VIEWS, Window.LAST_HOUR, NOW));
    // 24 h: hours from 13:00 yesterday hold 13:30:30 yesterday (1,000), not 11:30:30 (10,000)
    assertEquals(1_111, c.sum(Metric.VIEWS, Window.LAST_24_HOURS, NOW));
    assertEquals(111_111, c.sum(Metric.VIEWS, Window.LAST_7_DAYS, NOW));
    assertEquals(11_111_111, c.sum(Metric.VIEWS, Window.LAST_30_DAYS, NOW));
    // to-date keeps what is older than every ring (400 days back shares a day slot with today)
    assertEquals(1_111_111_111, c.sum(Metric.VIEWS, Window.TO_DATE, NOW));
    assertEquals(1_111_111_111, c.toDate(Metric.VIEWS));
    assertEquals(0, c.sum(Metric.LIKES, Window.LAST_30_DAYS, NOW));
  }

  @Test
  void windowsMoveWithNow() {
    RollingCounters c = digits();
    // an hour later the 1 h window has nothing left; 24 h is the hours from 14:00 yesterday:
    // 12:30 (1), 11:31 (10), 11:29 (100), but no longer 13:30 yesterday (1,000)
    Instant later = NOW.plus(Duration.ofHours(1));
    assertEquals(0, c.sum(Metric.VIEWS, Window.LAST_HOUR, later));
    assertEquals(111, c.sum(Metric.VIEWS, Window.LAST_24_HOURS, later));
    // reading at 12:00:30 (minutes 11:01–12:00) leaves out 12:30 (1)
    Instant earlier = ago(Duration.ofMinutes(30));
    assertEquals(110, c.sum(Metric.VIEWS, Window.LAST_HOUR, earlier));
  }

  @Test
  void amountsInBucketsAfterNowCountOnlyToDate() {
    RollingCounters c = RollingCounters.create();
    Instant later = NOW.plusSeconds(2 * 3600 + 7 * 60);
    c.add(later, Metric.CLICKS, 5);
    c.add(NOW, Metric.CLICKS, 1);
    assertEquals(1, c.sum(Metric.CLICKS, Window.LAST_HOUR, NOW));
    assertEquals(6, c.sum(Metric.CLICKS, Window.LAST_30_DAYS, NOW), "30 d holds whole UTC days: today's 14:37 counts");
    assertEquals(6, c.toDate(Metric.CLICKS));
    assertEquals(6, c.sum(Metric.CLICKS, Window.LAST_24_HOURS, later));
  }

  @Test
  void anAmountWholeRingLengthsLaterDisplacesTheBucketInItsSlot() {
    RollingCounters c = RollingCounters.create();
    c.add(NOW.plusSeconds(2 * 3600), Metric.CLICKS, 5); // 14:30, the same minute slot as 12:30
    c.add(NOW, Metric.CLICKS, 1);
    assertEquals(0, c.sum(Metric.CLICKS, Window.LAST_HOUR, NOW), "the minute ring can hold only one of them");
    assertEquals(1, c.sum(Metric.CLICKS, Window.LAST_24_HOURS, NOW), "the hour ring holds both");
    assertEquals(6, c.toDate(Metric.CLICKS));
  }

  @Test
  void hourWindowsHoldTheWholeCurrentHour() {
    RollingCounters c = RollingCounters.create();
    c.add(NOW.plusSeconds(120), Metric.CLICKS, 5); // 12:32:30, same hour as now
    assertEquals(0, c.sum(Metric.CLICKS, Window.LAST_HOUR, NOW));
    assertEquals(5, c.sum(Metric.CLICKS, Window.LAST_24_HOURS, NOW));
  }

  @Test
  void negativeAndMoneyAmounts() {
    RollingCounters c = RollingCounters.create();
    c.add(NOW, Metric.FOLLOWER_GROWTH, 50);
    c.add(NOW, Metric.FOLLOWER_GROWTH, -80);
    assertEquals(-30, c.sum(Metric.FOLLOWER_GROWTH, Window.LAST_24_HOURS, NOW));
    c.add(NOW, Metric.REVENUE, new BigDecimal("12.34565")); // half-even → 12.3456
    c.add(NOW, Metric.REVENUE, new BigDecimal("-2.3"));
    assertEquals(100_456, c.sum(Metric.REVENUE, Window.LAST_HOUR, NOW));
    assertEquals(new BigDecimal("10.0456"), c.decimalSum(Metric.REVENUE, Window.LAST_HOUR, NOW));
    assertEquals(-30, c.sums(Window.TO_DATE, NOW).get(Metric.FOLLOWER_GROWTH));
  }

  @Test
  void counterDeltasAddEveryMetricTheyCarry() {
    RollingCounters c = RollingCounters.create();
    CounterDeltas d = new CounterDeltas(java.util.List.of(Metric.VIEWS, Metric.LIKES), 4);
    d.observe("p1", NOW, 100, 7).forEach(c::add);
    d.observe("p1", NOW.plusSeconds(10), 130, 9).forEach(c::add);
    assertEquals(130, c.toDate(Metric.VIEWS));
    assertEquals(9, c.sum(Metric.LIKES, Window.LAST_HOUR, NOW.plusSeconds(10)));
  }

  @Test
  void hourSeriesWithinThirtyDaysHasHourPoints() {
    RollingCounters c = RollingCounters.create();
    c.add(Instant.parse("2026-11-20T10:15:00Z"), Metric.VIEWS, 3);
    c.add(Instant.parse("2026-11-20T10:59:59Z"), Metric.VIEWS, 4);
    c.add(Instant.parse("2026-11-20T12:00:00Z"), Metric.VIEWS, 5);
    TimeSeries s = c.timeSeries(Instant.parse("2026-11-20T10:30:00Z"), Instant.parse("2026-11-20T12:00:01Z"), BucketSize.HOUR);
    // widened to whole hours: 10:00, 11:00, 12:00
    assertEquals(3, s.points().size());
    assertEquals(Instant.parse("2026-11-20T10:00:00Z"), s.from());
    assertEquals(Instant.parse("2026-11-20T13:00:00Z"), s.to());
    assertEquals(7, s.points().get(0).get(Metric.VIEWS));
    assertEquals(0, s.points().get(1).get(Metric.VIEWS));
    assertEquals(5, s.points().get(2).get(Metric.VIEWS));
    assertTrue(s.points().stream().allMatch(p -> p.size() == BucketSize.HOUR));
    assertTrue(s.complete());
    assertEquals(12, s.total(Metric.VIEWS));
  }

  @Test
  void hoursPushedOutOfTheHourRingComeAsDayPoints() {
    RollingCounters c = RollingCounters.create(400);
    Instant first = Instant.parse("2026-10-01T00:00:00Z");
    Instant last = Instant.parse("2026-11-20T12:00:00Z");
    for (Instant t = first; !t.isAfter(last); t = t.plusSeconds(3600)) c.add(t, Metric.LIKES, 1);
    TimeSeries s = c.timeSeries(first, Instant.parse("2026-10-01T12:00:00Z"), BucketSize.HOUR);
    assertEquals(1, s.points().size());
    TimeSeries.Point day = s.points().get(0);
    assertEquals(BucketSize.DAY, day.size());
    assertEquals(24, day.get(Metric.LIKES));
    assertEquals(Instant.parse("2026-10-02T00:00:00Z"), day.end());
    TimeSeries recent = c.timeSeries(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"), BucketSize.HOUR);
    assertEquals(24, recent.points().size());
    assertEquals(13, recent.total(Metric.LIKES));
    TimeSeries whole = c.timeSeries(first, last.plusSeconds(1), BucketSize.HOUR);
    assertEquals(c.toDate(Metric.LIKES), whole.total(Metric.LIKES));
    assertTrue(whole.complete());
    // the hour ring holds Nov 13 13:00 – Nov 20 12:00: Nov 14 – Nov 19 (144 hours) and Nov 20 00–12
    // (13 hours) are hour points; Oct 1 – Nov 13, each missing hours, are 44 day points
    assertEquals(144 + 13, whole.points().stream().filter(p -> p.size() == BucketSize.HOUR).count());
    assertEquals(44, whole.points().stream().filter(p -> p.size() == BucketSize.DAY).count());
  }

  @Test
  void sparseOldHoursKeepTheirResolution() {
    RollingCounters c = RollingCounters.create();
    c.add(Instant.parse("2026-10-01T05:00:00Z"), Metric.LIKES, 2);
    c.add(Instant.parse("2026-11-20T12:00:00Z"), Metric.LIKES, 4);
    TimeSeries s = c.timeSeries(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-01T12:00:00Z"), BucketSize.HOUR);
    assertEquals(12, s.points().size(), "nothing displaced those hours");
    assertEquals(2, s.points().get(5).get(Metric.LIKES));
  }

  @Test
  void dayAndWeekSeries() {
    RollingCounters c = RollingCounters.create();
    c.add(Instant.parse("2026-11-15T23:59:59Z"), Metric.CLICKS, 1); // Sunday
    c.add(Instant.parse("2026-11-16T00:00:00Z"), Metric.CLICKS, 2); // Monday
    c.add(Instant.parse("2026-11-18T08:00:00Z"), Metric.CLICKS, 4);
    TimeSeries days = c.timeSeries(Instant.parse("2026-11-15T12:00:00Z"), Instant.parse("2026-11-19T00:00:00Z"), BucketSize.DAY);
    assertEquals(4, days.points().size());
    assertEquals(java.util.List.of(1L, 2L, 0L, 4L), days.points().stream().map(p -> p.get(Metric.CLICKS)).toList());
    TimeSeries weeks = c.timeSeries(Instant.parse("2026-11-15T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"), BucketSize.WEEK);
    assertEquals(2, weeks.points().size());
    assertEquals(Instant.parse("2026-11-09T00:00:00Z"), weeks.from()); // the Monday before
    assertEquals(1, weeks.points().get(0).get(Metric.CLICKS));
    assertEquals(6, weeks.points().get(1).get(Metric.CLICKS));
    assertEquals(Instant.parse("2026-11-23T00:00:00Z"), weeks.to());
  }

  @Test
  void daysOlderThanTheRetainedRangeAreIncompletePoints() {
    RollingCounters c = RollingCounters.create(31);
    Instant first = Instant.parse("2026-01-10T00:00:00Z");
    for (int day = 0; day <= 50; day++) c.add(first.plusSeconds(day * 86_400L), Metric.SAVES, 1);
    TimeSeries s = c.timeSeries(first, first.plusSeconds(86_400), BucketSize.DAY);
    assertFalse(s.complete());
    assertEquals(0, s.total(Metric.SAVES));
    assertEquals(51, c.toDate(Metric.SAVES));
    TimeSeries kept = c.timeSeries(first.plusSeconds(20 * 86_400L), first.plusSeconds(51 * 86_400L), BucketSize.DAY);
    assertTrue(kept.complete());
    assertEquals(31, kept.total(Metric.SAVES));
  }

  @Test
  void emptyAndOversizedSeries() {
    RollingCounters c = RollingCounters.create();
    assertTrue(c.timeSeries(NOW, NOW, BucketSize.HOUR).points().isEmpty());
    assertThrows(IllegalArgumentException.class,
        () -> c.timeSeries(NOW.minus(Duration.ofDays(3 * 365)), NOW, BucketSize.HOUR));
    assertEquals(3 * 365 + 1, c.timeSeries(NOW.minus(Duration.ofDays(3 * 365)), NOW, BucketSize.DAY).points().size());
  }

  @Test
  void instantsFarFromNowCountToDateWithoutFailing() {
    RollingCounters c = RollingCounters.create();
    Instant year9999 = Instant.ofEpochSecond(253_402_300_799L);
    c.add(year9999, Metric.VIEWS, 7);
    c.add(Instant.MIN, Metric.VIEWS, 1);
    c.add(Instant.MAX, Metric.VIEWS, 2);
    assertEquals(10, c.toDate(Metric.VIEWS));
    assertEquals(0, c.sum(Metric.VIEWS, Window.LAST_HOUR, year9999), "its minute number does not fit an int");
    assertEquals(7, c.sum(Metric.VIEWS, Window.LAST_24_HOURS, year9999));
    assertEquals(0, c.sum(Metric.VIEWS, Window.LAST_30_DAYS, Instant.MAX));
    assertEquals(0, c.sum(Metric.VIEWS, Window.LAST_30_DAYS, Instant.MIN));
  }

  @Test
  void aYearOfMinuteAddsStaysWithinTheMemoryBound() {
    RollingCounters c = RollingCounters.create();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int minute = 0; minute < 365 * 24 * 60; minute++) {
      Instant at = start.plusSeconds(minute * 60L);
      for (Metric m : Metric.values()) c.add(at, m, 1 + (minute & 3));
    }
    assertEquals(RollingCounters.maxAllocatedBuckets(32), c.allocatedBuckets());
    assertEquals(17 * (60 + 168 + 32), c.allocatedBuckets());
    assertEquals(RollingCounters.maxRetainedBytes(32), c.retainedBytes());
    assertEquals(37_808, RollingCounters.maxRetainedBytes(32), "the bound stated in the class comment");
    long expected = 0;
    for (int minute = 0; minute < 365 * 24 * 60; minute++) expected += 1 + (minute & 3);
    assertEquals(expected, c.toDate(Metric.SPEND));
    // after a year, the last 60 minutes hold 60 adds of 1..4 (15 cycles of 1+2+3+4)
    Instant end = start.plusSeconds((365L * 24 * 60 - 1) * 60);
    assertEquals(150, c.sum(Metric.VIEWS, Window.LAST_HOUR, end));
  }

  @Test
  void memoryGrowsOnlyWithTheMetricsInUse() {
    RollingCounters c = RollingCounters.create();
    assertEquals(0, c.allocatedBuckets());
    assertEquals(1_632, c.retainedBytes());
    c.add(NOW, Metric.VIEWS, 1);
    c.add(NOW.plusSeconds(3600), Metric.VIEWS, 1);
    assertEquals(1_632 + 2_128, c.retainedBytes());
  }

  @Test
  void snapshotRestoresTheSameReadsAndBehaviour() {
    RollingCounters c = digits();
    c.add(NOW, Metric.SPEND, new BigDecimal("99.5"));
    RollingCounters r = RollingCounters.restore(c.snapshot());
    for (Window w : Window.values()) assertEquals(c.sums(w, NOW), r.sums(w, NOW), w.wireName());
    assertEquals(c.timeSeries(NOW.minus(Duration.ofDays(40)), NOW, BucketSize.HOUR),
        r.timeSeries(NOW.minus(Duration.ofDays(40)), NOW, BucketSize.HOUR));
    c.add(NOW.plusSeconds(5), Metric.VIEWS, 3);
    r.add(NOW.plusSeconds(5), Metric.VIEWS, 3);
    assertEquals(c.sums(Window.LAST_HOUR, NOW.plusSeconds(5)), r.sums(Window.LAST_HOUR, NOW.plusSeconds(5)));
    assertEquals(c.retainedBytes(), r.retainedBytes());
    RollingCounters.Snapshot s = c.snapshot();
    c.add(NOW, Metric.VIEWS, 1000);
    assertEquals(1_111_111_114, RollingCounters.restore(s).toDate(Metric.VIEWS), "a snapshot is a copy");
  }

  @Test
  void retainedDaysAreBounded() {
    assertThrows(IllegalArgumentException.class, () -> RollingCounters.create(30));
    assertThrows(IllegalArgumentException.class, () -> RollingCounters.create(3661));
    assertEquals(31, RollingCounters.create(31).retainedDays());
  }

  @Test
  void anAmountLaterCancelledStillDisplacesTheBucketARingLengthOlder() {
    // what CounterDeltas produces when a snapshot arrives before its predecessor with the same count:
    // a delta at its instant, then a correction cancelling it. The slot was taken in between.
    Instant old = ago(Duration.ofDays(8));
    RollingCounters c = RollingCounters.create();
    c.add(old, Metric.VIEWS, 5);
    assertEquals(BucketSize.HOUR, c.timeSeries(old, old.plusSeconds(1), BucketSize.HOUR).points().get(0).size());
    Instant sameSlot = old.plus(Duration.ofDays(7)); // 168 hours later: the hour ring's slot of `old`
    c.add(sameSlot, Metric.VIEWS, 7);
    c.add(sameSlot, Metric.VIEWS, -7);
    TimeSeries.Point point = c.timeSeries(old, old.plusSeconds(1), BucketSize.HOUR).points().get(0);
    assertEquals(BucketSize.DAY, point.size(), "the hour is forgotten, its day is still known");
    assertTrue(point.complete());
    assertEquals(5, point.get(Metric.VIEWS));
    assertEquals(5, c.sum(Metric.VIEWS, Window.LAST_30_DAYS, NOW));
  }
}
