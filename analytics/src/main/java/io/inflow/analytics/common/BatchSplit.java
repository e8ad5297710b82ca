package io.inflow.analytics.common;

import io.inflow.protocol.event.IngestEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A batch divided into events the entity has not seen and the ids of those it has (or that repeat in the batch). */
public record BatchSplit(List<IngestEvent> fresh, List<String> duplicateIds) {

  public static BatchSplit of(List<IngestEvent> events, RecentEventIds seen) {
    List<IngestEvent> fresh = new ArrayList<>(events.size());
    List<String> duplicates = new ArrayList<>();
    Set<String> inBatch = new HashSet<>();
    for (IngestEvent e : events) {
      if (seen.contains(e.eventId()) || !inBatch.add(e.eventId())) duplicates.add(e.eventId());
      else fresh.add(e);
    }
    return new BatchSplit(List.copyOf(fresh), List.copyOf(duplicates));
  }
}
