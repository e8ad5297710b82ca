package io.inflow.analytics.brand;

import io.inflow.protocol.api.BrandListItem;
import io.inflow.protocol.api.CampaignListItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A brand's totals from its campaigns' summary rows: counts summed, money summed per currency (a
 * campaign's spend and revenue are in its own currency; a campaign without one adds no money), alerts
 * summed, the latest update. Pure.
 */
public final class BrandTotals {
  private BrandTotals() {}

  /** One row per brand of {@code campaigns}, ordered by brand id. */
  public static List<BrandListItem> byBrand(Collection<CampaignListItem> campaigns) {
    Map<String, List<CampaignListItem>> grouped = new TreeMap<>();
    for (CampaignListItem c : campaigns) grouped.computeIfAbsent(c.brandId(), b -> new ArrayList<>()).add(c);
    List<BrandListItem> rows = new ArrayList<>(grouped.size());
    grouped.forEach((brandId, ofBrand) -> rows.add(of(brandId, ofBrand)));
    return rows;
  }

  /** The totals of {@code campaigns}, all of brand {@code brandId}. */
  public static BrandListItem of(String brandId, Collection<CampaignListItem> campaigns) {
    Map<String, BigDecimal> spend = new TreeMap<>();
    Map<String, BigDecimal> revenue = new TreeMap<>();
    long views = 0, engagements = 0, clicks = 0, conversions = 0;
    int alerts = 0;
    Instant updatedAt = null;
    for (CampaignListItem c : campaigns) {
      if (c.currency() != null && c.spend() != null) spend.merge(c.currency(), c.spend(), BigDecimal::add);
      if (c.currency() != null && c.revenue() != null) revenue.merge(c.currency(), c.revenue(), BigDecimal::add);
      views += c.views();
      engagements += c.engagements();
      clicks += c.clicks();
      conversions += c.conversions();
      alerts += c.alertCount();
      if (c.updatedAt() != null && (updatedAt == null || c.updatedAt().isAfter(updatedAt))) updatedAt = c.updatedAt();
    }
    return new BrandListItem(brandId, campaigns.size(), spend, revenue, views, engagements, clicks, conversions,
        alerts, updatedAt);
  }
}
