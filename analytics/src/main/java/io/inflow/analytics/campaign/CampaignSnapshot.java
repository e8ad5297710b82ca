package io.inflow.analytics.campaign;

import io.inflow.analytics.common.PostCounters;
import io.inflow.protocol.JournalSerializable;
import io.inflow.protocol.api.CampaignDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Immutable copy of a {@link CampaignState}, as stored in snapshots. */
public record CampaignSnapshot(
    String campaignId,
    CampaignDefinition definition,
    Instant definedAt,
    Map<String, PostCounters> posts,
    Map<String, OrderState> orders,
    Map<String, BigDecimal> spendByCurrency,
    long clicks,
    long commentsReceived,
    long eventsRecorded,
    Instant updatedAt,
    // the dedup window (RecentEventIds); the name is the journal's, from when it was the generation size
    int dedupGenerationSize,
    long[] seenPrevious,
    long[] seenCurrent,
    Map<String, InfluencerShare.Snapshot> shares,
    byte[] audience,
    byte[] customers,
    byte[] windows,
    List<io.inflow.protocol.api.CampaignAlert> alerts,
    io.inflow.analytics.sentiment.SentimentTally.Snapshot sentiment,
    io.inflow.analytics.sentiment.CrisisWatch.Snapshot crisis,
    io.inflow.analytics.sentiment.CrisisWatch.Crisis latestCrisis,
    long crisisAlerted)
    implements JournalSerializable {}
