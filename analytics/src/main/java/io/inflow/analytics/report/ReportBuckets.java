package io.inflow.analytics.report;

import io.inflow.analytics.window.BucketSize;
import java.time.Instant;

/**
 * The buckets of a report over [from, to): aligned in UTC (weeks start on Monday), the first and
 * last cut to the range. Immutable.
 */
final class ReportBuckets {
  /** 1970-01-01 was a Thursday: Monday-aligned weeks start 4 days after the epoch, modulo 7 days. */
  private static final long WEEK_OFFSET_SECONDS = 4 * 86_400L;

  private final Instant from;
  private final Instant to;
  private final BucketSize size;
  private final long widthSeconds;
  private final long offsetSeconds;
  private final long first;
  private final int count;

  ReportBuckets(Instant from, Instant to, BucketSize size, int maxPoints) {
    if (from == null || to == null || size == null) throw new IllegalArgumentException("from, to and bucket are required");
    if (!to.isAfter(from)) throw new IllegalArgumentException("the report range is empty: to (" + to + ") must be after from (" + from + ")");
    this.from = from;
    this.to = to;
    this.size = size;
    this.widthSeconds = switch (size) {
      case HOUR -> 3_600L;
      case DAY -> 86_400L;
      case WEEK -> 7 * 86_400L;
    };
    this.offsetSeconds = size == BucketSize.WEEK ? WEEK_OFFSET_SECONDS : 0;
    this.first = slot(from);
    long points = slot(to.minusNanos(1)) - first + 1;
    if (points > maxPoints) {
      throw new IllegalArgumentException("a report from " + from + " to " + to + " by " + WireNames.of(size) + " has "
          + points + " points, more than the " + maxPoints + " allowed: choose a wider bucket or a shorter range");
    }
    this.count = (int) points;
  }

  private long slot(Instant t) {
    return Math.floorDiv(t.getEpochSecond() - offsetSeconds, widthSeconds);
  }

  BucketSize size() {
    return size;
  }

  int count() {
    return count;
  }

  /** Whether {@code t} is inside [from, to). */
  boolean contains(Instant t) {
    return t != null && !t.isBefore(from) && t.isBefore(to);
  }

  /** Whether {@code t} is before {@code from}. */
  boolean precedes(Instant t) {
    return t != null && t.isBefore(from);
  }

  /** The bucket holding {@code t}, or -1 when {@code t} is null or outside [from, to). */
  int indexOf(Instant t) {
    return contains(t) ? (int) (slot(t) - first) : -1;
  }

  Instant start(int index) {
    Instant aligned = Instant.ofEpochSecond((first + index) * widthSeconds + offsetSeconds);
    return aligned.isBefore(from) ? from : aligned;
  }

  Instant end(int index) {
    Instant aligned = Instant.ofEpochSecond((first + index + 1) * widthSeconds + offsetSeconds);
    return aligned.isAfter(to) ? to : aligned;
  }
}
