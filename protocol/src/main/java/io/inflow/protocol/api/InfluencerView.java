package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /api/v1/influencers/{id}}: the influencer's live totals. {@code followers} and
 * {@code following} sum the latest observation of every platform account; {@code platform} is the
 * account with the most followers. Post counters are the latest cumulative values per post, summed.
 * {@code engagementRateByFollowers} = engagements ÷ posts with metrics ÷ followers (average per post),
 * null while either is zero. {@code windows} maps "1h", "24h", "7d", "30d" and "toDate" to the
 * activity within that rolling window; {@code growth} is the follower growth over 7 and 30 days.
 */
public record InfluencerView(
    String influencerId,
    String platform,
    long followers,
    long following,
    String tier,
    Map<String, AccountView> accounts,
    long posts,
    long views,
    long impressions,
    long reach,
    long likes,
    long comments,
    long shares,
    long saves,
    long engagements,
    BigDecimal engagementRateByFollowers,
    long commentsReceived,
    long clicks,
    long conversions,
    long eventsRecorded,
    Instant updatedAt,
    java.util.List<String> campaigns,
    Map<String, InfluencerWindow> windows,
    FollowerGrowth growth,
    SentimentView sentiment)
    implements JournalSerializable {

  /** One platform account: latest observed counts. */
  public record AccountView(long followers, long following, Instant observedAt) {}
}
