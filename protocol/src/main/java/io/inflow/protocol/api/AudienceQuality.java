package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;

/**
 * Sampled follower accounts of an influencer by type (the latest samples, bounded). Shares are of
 * {@code sampled}; {@code margin} is the half-width of the 95% interval of the suspicious share (wider
 * for small samples). Shares and margin are null before any sample.
 */
public record AudienceQuality(
    long sampled,
    long real,
    long massFollowers,
    long suspicious,
    Double realShare,
    Double massFollowerShare,
    Double suspiciousShare,
    Double margin)
    implements JournalSerializable {}
