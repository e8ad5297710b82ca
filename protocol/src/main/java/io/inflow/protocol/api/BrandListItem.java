package io.inflow.protocol.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code GET /api/v1/brands}: a brand's totals over its campaigns' read-model rows. Money
 * is per currency (never summed across currencies).
 *
 * @param campaigns how many campaigns the brand has
 * @param alerts alerts its campaigns currently list, summed ({@link CampaignListItem#alertCount()})
 * @param updatedAt the latest {@code updatedAt} of its campaigns, null when none has one
 */
public record BrandListItem(
    String brandId,
    int campaigns,
    Map<String, BigDecimal> spendByCurrency,
    Map<String, BigDecimal> revenueByCurrency,
    long views,
    long engagements,
    long clicks,
    long conversions,
    int alerts,
    Instant updatedAt) {}
