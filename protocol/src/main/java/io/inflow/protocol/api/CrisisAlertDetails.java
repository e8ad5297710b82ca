package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The figures behind a sentiment crisis alert: the window, its comments, its negative share
 * against the campaign's own baseline (the seven days before), and the top negative terms.
 *
 * @param reason {@code negative_share} (the share rose well above the baseline) or
 *     {@code volume_spike} (comments spiked with a negative skew)
 */
public record CrisisAlertDetails(
    long episode,
    String reason,
    Instant windowStart,
    Instant windowEnd,
    long comments,
    long negative,
    long positive,
    BigDecimal negativeShare,
    BigDecimal baselineNegativeShare,
    BigDecimal baselineCommentsPerHour,
    List<String> topNegativeTerms)
    implements JournalSerializable {}
