package io.inflow.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The KPI block of a campaign view. {@code kpis} maps each KPI name (engagements, cpm, cpv, cpe,
 * cpc, cac, revenue, roas, roi, emv, conversionRate, engagementRateByReach, …) to its value; a KPI
 * whose denominator is zero is null (shown as JSON null), never NaN or infinity. Formulas are in the
 * README ("KPIs"). {@code windows} maps "1h", "24h", "7d", "30d" and "toDate" to the same KPIs over the
 * growth within that rolling window (no EMV, unique audience or CAC: those are campaign-to-date only).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CampaignKpis(
    Map<String, Object> kpis,
    Pacing pacing,
    List<Target> targets,
    List<String> unknownTargets,
    BigDecimal paid,
    BigDecimal refunded,
    long unattributedConversions,
    BigDecimal unattributedRevenue,
    List<String> attributionWarnings,
    Long uniqueAudience,
    List<InfluencerContribution> influencers,
    Map<String, Map<String, Object>> windows)
    implements JournalSerializable {

  /** Share of budget spent ÷ share of flight time elapsed (1 = on pace). Null fields when unknown. */
  public record Pacing(BigDecimal budgetShareSpent, BigDecimal timeShareElapsed, BigDecimal pacing) {}

  /** Progress against one KPI target: actual ÷ target, and whether it is met (costs: lower is better). */
  public record Target(String name, BigDecimal target, BigDecimal actual, BigDecimal ratio, Boolean met, String status) {}

  /** One influencer's part of the campaign (posts it published for the campaign, clicks, orders attributed, spend). */
  public record InfluencerContribution(
      String influencerId,
      BigDecimal fee,
      long posts,
      long views,
      long reach,
      long engagements,
      long clicks,
      long conversions,
      BigDecimal revenue,
      BigDecimal spend,
      BigDecimal roas) {}
}
