package io.inflow.protocol.codec;

import io.inflow.protocol.event.IngestEvent;

/** An accepted event with the 1-based physical line it came from (1 for a single-event body). */
public record NumberedEvent(int line, IngestEvent event) {}
