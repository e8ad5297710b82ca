package io.inflow.protocol.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/brands/{id}/overview}: the brand's campaigns and their totals per currency
 * (money is never summed across currencies). Read from the read model, so it may lag the entities
 * by up to the read model's flush interval (30 s by default). {@code trend} sums the campaigns'
 * last 30 days per UTC day (money per currency).
 */
public record BrandOverview(
    String brandId,
    int campaigns,
    Map<String, BigDecimal> spendByCurrency,
    Map<String, BigDecimal> revenueByCurrency,
    long views,
    long engagements,
    long clicks,
    long conversions,
    List<CampaignListItem> campaignList,
    List<TrendPoint> trend) {

  /** One UTC day across the brand's campaigns. */
  public record TrendPoint(java.time.Instant day, long views, long engagements, long clicks, long conversions,
      Map<String, BigDecimal> spendByCurrency, Map<String, BigDecimal> revenueByCurrency) {}
}
