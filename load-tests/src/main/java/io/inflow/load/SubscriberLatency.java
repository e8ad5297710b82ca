package io.inflow.load;

import java.util.BitSet;
import org.HdrHistogram.Histogram;

/**
 * One subscriber's view of the watched clicks: from the messages it received (and when), the
 * latency of every measured click = arrival of the first message that <em>certainly</em> includes
 * it − the click's scheduled send time.
 *
 * <p>A message tells two things: {@code c}, how many watched clicks the campaign has counted (its
 * {@code clicks} minus the snapshot's), and {@code m}, the highest ordinal among them (decoded from
 * {@code updatedAt}, see {@link WatchedClicks}). The clicks included are some {@code c} of the
 * ordinals {@code 1..m}, {@code m} among them. With {@code f} failed ordinals ≤ m:
 * <ul>
 *   <li>{@code c + f ≥ m}: nothing is missing, every non-failed ordinal ≤ m is included, so all of
 *       them not resolved yet are resolved by this message (several, when conflation covered them);
 *   <li>{@code c + f < m}: the campaign persisted some click before an earlier one (out of order);
 *       only {@code m} is known to be in, so only {@code m} is resolved now, and the gaps wait for a
 *       message that closes them.
 * </ul>
 * So a click is never resolved before it is visible: no latency is smaller than the real one
 * (measured at this subscriber), and none is negative, since a click is not visible before it was
 * sent and it is sent no earlier than scheduled. In order, each click is resolved by the first
 * message that includes it: the latency is exact. When {@code updatedAt} names no watched click (a
 * node that reports something else there), the message falls back to counting alone: the {@code c}
 * first ordinals, each matched to its own scheduled time, which is the latest among the first
 * {@code c}; such messages are counted in {@link #undecodedMessages()}.
 *
 * <p>Messages of one WebSocket arrive one at a time, but possibly on different threads over time:
 * methods are synchronized (never contended in practice).
 */
final class SubscriberLatency {

  /** Receives every sample as it is recorded (tests compare them with the true latencies). */
  @FunctionalInterface
  interface SampleSink {
    SampleSink NONE = (ordinal, latencyNanos) -> {};

    void sample(long ordinal, long latencyNanos);
  }

  private final int id;
  private final WatchedClicks clicks;
  private final SampleSink sink;
  private final Histogram latencyMicros = LatencySummary.newHistogram();
  private Histogram window = LatencySummary.newHistogram();
  /** Ordinals above {@link #resolvedPrefix} resolved out of order. */
  private final BitSet resolvedAbove = new BitSet();

  private long baseline = -1;
  private long resolvedPrefix;
  private long lastVersion = Long.MIN_VALUE;
  private long messages;
  private long stateMessages;
  private long samples;
  private long missed;
  private long outOfOrderMessages;
  private long undecodedMessages;
  private long staleMessages;
  private long impossible;
  private long otherTypes;
  private boolean firstWasSnapshot;

  SubscriberLatency(int id, WatchedClicks clicks) {
    this(id, clicks, SampleSink.NONE);
  }

  SubscriberLatency(int id, WatchedClicks clicks, SampleSink sink) {
    this.id = id;
    this.clicks = clicks;
    this.sink = sink;
  }

  int id() {
    return id;
  }

  /** One message received at {@code arrivalNanos} (System.nanoTime when it was complete). */
  synchronized void onMessage(LiveFrame frame, long arrivalNanos) {
    messages++;
    if (!frame.carriesState()) {
      otherTypes++;
      return;
    }
    stateMessages++;
    if (baseline < 0) {
      baseline = frame.clicks();
      firstWasSnapshot = frame.isSnapshot();
      lastVersion = frame.version();
      return;
    }
    if (frame.version() <= lastVersion || frame.clicks() < baseline) {
      staleMessages++; // the node promises strictly increasing versions; never go back
      return;
    }
    lastVersion = frame.version();
    long count = frame.clicks() - baseline;
    if (count <= 0) return;
    long highest = clicks.ordinalOf(frame.updatedAt());
    if (highest == 0 || highest < count) {
      undecodedMessages++;
      resolvePrefix(Math.min(count, clicks.lastOrdinal()), arrivalNanos);
    } else if (count + clicks.failedUpTo(highest) >= highest) {
      resolvePrefix(highest, arrivalNanos);
    } else {
      outOfOrderMessages++;
      resolveOne(highest, arrivalNanos);
    }
  }

  /** True once the snapshot (first message) arrived. */
  synchronized boolean hasSnapshot() {
    return baseline >= 0;
  }

  /** True when every non-failed ordinal up to {@code ordinal} has been resolved. */
  synchronized boolean caughtUp(long ordinal) {
    return firstUnresolved(ordinal) == 0;
  }

  /** Clicks visible so far (relative to the snapshot), -1 before the snapshot. */
  synchronized long visibleOrdinal() {
    return baseline < 0 ? -1 : resolvedPrefix;
  }

  /**
   * Ends the bookkeeping at {@code atNanos}: every measured, non-failed ordinal up to {@code
   * lastSent} not resolved by now is counted as missed and recorded with the latency it had reached
   * (a lower bound of the real one).
   */
  synchronized void finish(long lastSent, long atNanos) {
    for (long k = resolvedPrefix + 1; k <= lastSent; k++) {
      if (isResolved(k) || clicks.failed(k)) continue;
      if (clicks.measured(k)) {
        missed++;
        record(k, atNanos);
      }
    }
  }

  private void resolvePrefix(long upTo, long arrivalNanos) {
    for (long k = resolvedPrefix + 1; k <= upTo; k++) {
      if (!resolvedAbove.get((int) k) && !clicks.failed(k)) resolved(k, arrivalNanos);
    }
    if (upTo > resolvedPrefix) {
      resolvedAbove.clear(0, (int) upTo + 1);
      resolvedPrefix = upTo;
    }
  }

  private void resolveOne(long ordinal, long arrivalNanos) {
    if (isResolved(ordinal)) return;
    resolvedAbove.set((int) ordinal);
    if (!clicks.failed(ordinal)) resolved(ordinal, arrivalNanos);
  }

  private boolean isResolved(long ordinal) {
    return ordinal <= resolvedPrefix || resolvedAbove.get((int) ordinal);
  }

  private long firstUnresolved(long upTo) {
    for (long k = resolvedPrefix + 1; k <= upTo; k++) {
      if (!resolvedAbove.get((int) k) && !clicks.failed(k)) return k;
    }
    return 0;
  }

  private void resolved(long ordinal, long arrivalNanos) {
    if (clicks.measured(ordinal)) record(ordinal, arrivalNanos);
  }

  private void record(long ordinal, long atNanos) {
    long nanos = atNanos - clicks.scheduledAt(ordinal);
    if (nanos < 0) {
      impossible++; // visible before it was scheduled: someone else clicks on the watched campaign
      return;
    }
    latencyMicros.recordValue(nanos / 1_000);
    window.recordValue(nanos / 1_000);
    samples++;
    sink.sample(ordinal, nanos);
  }

  synchronized Histogram latencyMicros() {
    return latencyMicros.copy();
  }

  /** The latencies recorded since the last call (the windows of a soak). */
  synchronized Histogram takeWindow() {
    Histogram taken = window;
    window = LatencySummary.newHistogram();
    return taken;
  }

  synchronized long messages() {
    return messages;
  }

  /** Snapshots and updates (what carries the campaign). */
  synchronized long stateMessages() {
    return stateMessages;
  }

  synchronized long samples() {
    return samples;
  }

  synchronized long missed() {
    return missed;
  }

  synchronized long outOfOrderMessages() {
    return outOfOrderMessages;
  }

  synchronized long undecodedMessages() {
    return undecodedMessages;
  }

  synchronized long staleMessages() {
    return staleMessages;
  }

  synchronized long impossible() {
    return impossible;
  }

  synchronized long otherTypes() {
    return otherTypes;
  }

  synchronized boolean firstWasSnapshot() {
    return baseline < 0 || firstWasSnapshot;
  }
}
