package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A campaign's headline numbers inside a brand overview, with {@code daily}: the last 30 days (UTC,
 * oldest first, ending with today) of growth, money in the campaign's currency, and {@code enrolled}:
 * the ids of the influencers its definition enrols (brand scoping of analysts and ingest tokens).
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
    java.util.List<String> enrolled)
    implements JournalSerializable {

  /** One UTC day of a campaign: counts gained and money in its currency (null when it has none). */
  public record DayPoint(Instant day, long views, long engagements, long clicks, long conversions,
      BigDecimal spend, BigDecimal revenue) {}

}
