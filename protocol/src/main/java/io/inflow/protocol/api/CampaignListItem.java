package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A campaign's headline numbers inside a brand overview, with {@code daily}: the last 30 days (UTC,
 * oldest first, ending with today) of growth, money in the campaign's currency, and {@code enrolled}:
 * the ids of the influencers its definition enrols (brand scoping of analysts and ingest tokens).
 *
 * <p>The components after {@code enrolled} came later; rows stored before them read as 0 or null.
 *
 * @param reach reach summed over the campaign's posts (latest counters per post)
 * @param comments classified comments received to date (see {@link SentimentView#comments()})
 * @param netSentiment the campaign's net sentiment to date ({@link SentimentView#net()}), null without
 *     classified comments
 * @param alertCount alerts the campaign currently lists (at most the 50 it keeps)
 * @param alertLevel the highest level among them, {@code high} or {@code medium}; null without alerts
 */
public record CampaignListItem(
    String campaignId,
    String brandId,
    String name,
    String currency,
    BigDecimal budget,
    BigDecimal spend,
    BigDecimal revenue,
    long views,
    long engagements,
    long clicks,
    long conversions,
    Instant startsAt,
    Instant endsAt,
    Instant updatedAt,
    java.util.List<DayPoint> daily,
    java.util.List<String> enrolled,
    long reach,
    long comments,
    BigDecimal netSentiment,
    int alertCount,
    String alertLevel)
    implements JournalSerializable {

  /** One UTC day of a campaign: counts gained and money in its currency (null when it has none). */
  public record DayPoint(Instant day, long views, long engagements, long clicks, long conversions,
      BigDecimal spend, BigDecimal revenue) {}

}
