package io.inflow.analytics.common;

import io.inflow.protocol.event.IngestEvent;
import java.time.Instant;
import java.util.List;

/**
 * The bookkeeping every entity state shares: which event ids it already holds (a bounded
 * {@link RecentEventIds} window), how many events it recorded and the latest event time.
 */
public final class EventLedger {
  private final RecentEventIds seen;
  private long eventsRecorded;
  private Instant updatedAt;

  private EventLedger(RecentEventIds seen, long eventsRecorded, Instant updatedAt) {
    this.seen = seen;
    this.eventsRecorded = eventsRecorded;
    this.updatedAt = updatedAt;
  }

  public static EventLedger empty(int dedupWindow) {
    return new EventLedger(new RecentEventIds(dedupWindow), 0, null);
  }

  public static EventLedger restore(int dedupWindow, long[] seenPrevious, long[] seenCurrent,
      long eventsRecorded, Instant updatedAt) {
    return new EventLedger(RecentEventIds.restore(dedupWindow, seenPrevious, seenCurrent),
        eventsRecorded, updatedAt);
  }

  /** A new, empty ledger with the same dedup window. */
  public EventLedger fresh() {
    return empty(seen.window());
  }

  /** Splits a command's events into new ones and duplicates, without changing anything. */
  public BatchSplit split(List<IngestEvent> events) {
    return BatchSplit.of(events, seen);
  }

  /** Records the event's id and time; false (and nothing recorded) if the id is already held. */
  public boolean admit(IngestEvent event) {
    if (!seen.add(event.eventId())) return false;
    eventsRecorded++;
    Instant at = event.occurredTime();
    if (updatedAt == null || at.isAfter(updatedAt)) updatedAt = at;
    return true;
  }

  public long eventsRecorded() {
    return eventsRecorded;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public int dedupWindow() {
    return seen.window();
  }

  /** The remembered id hashes for snapshots: the sealed generations (oldest first), then the open one. */
  public long[][] seenGenerations() {
    return seen.generations();
  }
}
