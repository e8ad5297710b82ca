package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A campaign's headline numbers inside a brand overview. */
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
    Instant updatedAt)
    implements JournalSerializable {

  /** The list item of a defined campaign (brandId set). */
  public static CampaignListItem of(CampaignView v) {
    return new CampaignListItem(v.campaignId(), v.brandId(), v.name(), v.currency(), v.budget(), v.spend(),
        v.revenue(), v.views(), v.engagements(), v.clicks(), v.conversions(), v.startsAt(), v.endsAt(),
        v.updatedAt());
  }
}
