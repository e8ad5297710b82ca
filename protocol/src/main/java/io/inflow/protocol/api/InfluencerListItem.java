package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code GET /api/v1/influencers}: an influencer's headline numbers as of {@code updatedAt}. */
public record InfluencerListItem(
    String influencerId,
    String platform,
    String tier,
    long followers,
    BigDecimal engagementRateByFollowers,
    long posts,
    long views,
    long engagements,
    java.util.List<String> campaigns,
    Instant updatedAt,
    long followerGrowth30d,
    BigDecimal growthRate30d)
    implements JournalSerializable {}
