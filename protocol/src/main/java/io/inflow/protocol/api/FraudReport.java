package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/influencers/{id}/fraud}: a score from 0 (nothing unusual) to 100, its level
 * ({@code low}, {@code medium}, {@code high}) and every signal that makes it up; the score is the sum
 * of the signals' contributions, capped at 100.
 */
public record FraudReport(
    String influencerId,
    String tier,
    String platform,
    double score,
    String level,
    Instant computedAt,
    List<FraudSignal> signals,
    AudienceQuality audience)
    implements JournalSerializable {}
