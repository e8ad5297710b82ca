package io.inflow.node.ingest;

import io.inflow.protocol.JournalSerializable;
import java.util.List;

/** An entity's answer to a batch: how many events it persisted, and which ids it already knew. */
public record BatchAck(int persisted, List<String> duplicateIds) implements JournalSerializable {}
