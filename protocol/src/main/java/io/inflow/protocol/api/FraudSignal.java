package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;

/**
 * One signal of an influencer's fraud score. {@code value} is what was measured (null when there is
 * not enough data yet), {@code baseline} what is normal for this influencer's tier and platform,
 * {@code contribution} the points it adds to the score (0 when normal), and {@code explanation} one
 * plain sentence saying what was seen and why it counts (or that nothing unusual was seen).
 */
public record FraudSignal(
    String signal,
    Double value,
    Double baseline,
    double contribution,
    String explanation)
    implements JournalSerializable {}
