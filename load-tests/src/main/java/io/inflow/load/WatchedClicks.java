package io.inflow.load;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The watched campaign's clicks in a {@link LiveLatencyBench} run: one per request, numbered by
 * ordinal 1, 2, 3… in schedule order, with everything the latency bookkeeping needs to know about
 * them.
 *
 * <ul>
 *   <li>The schedule is fixed before the run: request {@code k} is <em>scheduled</em> at {@code
 *       start + (k − 1) × interval} whenever it really leaves, so latencies measured from it include
 *       any delay of the sender (no coordinated omission), and the scheduled times increase with the
 *       ordinal: the latest scheduled time among the first {@code k} clicks is that of click {@code k}.
 *   <li>Click {@code k} carries {@code occurredAt = occurredBase + k ms}. The campaign's view reports
 *       {@code updatedAt} = the latest {@code occurredAt} it recorded, which therefore names the
 *       highest ordinal the view includes ({@link #ordinalOf}).
 *   <li>Clicks of requests that failed (non-2xx, I/O error, timeout, or the line rejected) are
 *       {@linkplain #markFailed marked}: they may never become visible, so nobody waits for them.
 * </ul>
 *
 * <p>Only clicks scheduled within {@code [warmupEnd, end)} are {@linkplain #measured measured}.
 * Thread-safe: the schedule is immutable and the failed set concurrent.
 */
final class WatchedClicks {

  private final long startNanos;
  private final long intervalNanos;
  private final long warmupEndNanos;
  private final long endNanos;
  private final long lastOrdinal;
  private final Instant occurredBase;
  private final ConcurrentSkipListSet<Long> failed = new ConcurrentSkipListSet<>();

  /**
   * @param startNanos {@link System#nanoTime()} at which click 1 is scheduled
   * @param occurredBase whole milliseconds, in the past of every send
   */
  WatchedClicks(long startNanos, Duration interval, Duration warmup, Duration duration, Instant occurredBase) {
    if (interval.isZero() || interval.isNegative()) throw new IllegalArgumentException("interval must be > 0");
    if (occurredBase.getNano() % 1_000_000 != 0) throw new IllegalArgumentException("occurredBase must be whole ms");
    this.startNanos = startNanos;
    this.intervalNanos = interval.toNanos();
    this.warmupEndNanos = startNanos + warmup.toNanos();
    this.endNanos = warmupEndNanos + duration.toNanos();
    long span = endNanos - startNanos;
    this.lastOrdinal = (span + intervalNanos - 1) / intervalNanos;
    this.occurredBase = occurredBase;
  }

  /** Scheduled send time of click (and request) {@code ordinal}, in nanoTime. */
  long scheduledAt(long ordinal) {
    return startNanos + (ordinal - 1) * intervalNanos;
  }

  /** Ordinal of the last request on the schedule (the last one scheduled before the end). */
  long lastOrdinal() {
    return lastOrdinal;
  }

  /** True when the click's request is scheduled inside the measured window. */
  boolean measured(long ordinal) {
    if (ordinal < 1 || ordinal > lastOrdinal) return false;
    long at = scheduledAt(ordinal);
    return at >= warmupEndNanos && at < endNanos;
  }

  /** Number of measured clicks on the schedule. */
  long measuredCount() {
    long count = 0;
    for (long k = 1; k <= lastOrdinal; k++) {
      if (measured(k)) count++;
    }
    return count;
  }

  long startNanos() {
    return startNanos;
  }

  long warmupEndNanos() {
    return warmupEndNanos;
  }

  long endNanos() {
    return endNanos;
  }

  Instant occurredAt(long ordinal) {
    return occurredBase.plusMillis(ordinal);
  }

  /**
   * The ordinal whose {@code occurredAt} equals {@code updatedAt}, or 0 when {@code updatedAt} names
   * no watched click (absent, not on a whole millisecond of the range, or out of range).
   */
  long ordinalOf(Instant updatedAt) {
    if (updatedAt == null) return 0;
    Duration offset = Duration.between(occurredBase, updatedAt);
    if (offset.isNegative() || offset.toNanosPart() % 1_000_000 != 0) return 0;
    long ordinal = offset.toMillis();
    return ordinal >= 1 && ordinal <= lastOrdinal ? ordinal : 0;
  }

  void markFailed(long ordinal) {
    failed.add(ordinal);
  }

  boolean failed(long ordinal) {
    return failed.contains(ordinal);
  }

  /** Number of failed ordinals ≤ {@code ordinal}. */
  int failedUpTo(long ordinal) {
    return failed.headSet(ordinal, true).size();
  }

  int failedCount() {
    return failed.size();
  }
}
