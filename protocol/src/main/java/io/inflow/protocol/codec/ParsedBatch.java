package io.inflow.protocol.codec;

import io.inflow.protocol.api.ErrorDetail;
import java.util.List;

/**
 * The outcome of parsing one ingest body: every non-blank line is either in {@code events} or in
 * {@code rejected} (one detail per line), each list in line order.
 */
public record ParsedBatch(List<NumberedEvent> events, List<ErrorDetail> rejected) {

  public ParsedBatch {
    events = List.copyOf(events);
    rejected = List.copyOf(rejected);
  }

  /** Number of lines that were read (accepted plus rejected); blank lines are not counted. */
  public int lineCount() {
    return events.size() + rejected.size();
  }
}
