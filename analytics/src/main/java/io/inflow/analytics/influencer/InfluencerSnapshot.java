package io.inflow.analytics.influencer;

import io.inflow.analytics.common.PostCounters;
import io.inflow.protocol.JournalSerializable;
import io.inflow.protocol.event.Platform;
import java.time.Instant;
import java.util.Map;

/** Immutable copy of an {@link InfluencerState}, as stored in snapshots. */
public record InfluencerSnapshot(
    String influencerId,
    Map<Platform, InfluencerState.Account> accounts,
    Map<String, PostCounters> posts,
    long commentsReceived,
    long clicks,
    long conversions,
    long eventsRecorded,
    Instant updatedAt,
    // the dedup window (RecentEventIds); the name is the journal's, from when it was the generation size
    int dedupGenerationSize,
    long[] seenPrevious,
    long[] seenCurrent,
    java.util.List<String> campaigns,
    byte[] windows,
    io.inflow.analytics.fraud.FraudTracker.Snapshot fraud,
    io.inflow.analytics.sentiment.SentimentTally.Snapshot sentiment)
    implements JournalSerializable {}
