package io.inflow.analytics.kpi;

import java.math.BigDecimal;

/**
 * The KPIs of one scope, as computed by {@link KpiCalculator}: the totals they came from and every
 * ratio. A ratio is null when its denominator is zero or negative (never NaN or infinity), and
 * money is null when unknown. Money ratios have 4 decimal places, rates 6 significant digits, both
 * rounded half-even (see {@link KpiCalculator}). Shares and rates are fractions (0.05 = 5 %).
 *
 * @param currency the currency of spend, revenue and the cost ratios
 * @param engagements the configured engagement actions summed
 * @param engagementRateByFollowers engagements ÷ posts ÷ followers (the average post's rate)
 * @param engagementRateByReach engagements ÷ reach
 * @param engagementRateByViews engagements ÷ views
 * @param cpm spend ÷ impressions × 1000
 * @param cpv spend ÷ views
 * @param cpe spend ÷ engagements
 * @param cpc spend ÷ clicks
 * @param cac spend ÷ new customers
 * @param revenue paid − refunded
 * @param roas revenue ÷ spend
 * @param roi (revenue − spend) ÷ spend
 * @param conversionRate conversions ÷ clicks (can exceed 1: code-attributed orders need no click)
 * @param emv earned media value, after the audience-quality discount when one was applied
 * @param emvBeforeQuality Σ rate × count, before any discount
 * @param emvCurrency the currency of the EMV rate table (no conversion to {@code currency})
 * @param emvQualityFactor the audience-quality factor applied to EMV, or null when none was
 */
public record Kpis(
    String currency,
    BigDecimal spend,
    long impressions,
    long views,
    long reach,
    Long uniqueAudience,
    long likes,
    long comments,
    long shares,
    long saves,
    long engagements,
    long clicks,
    long conversions,
    long newCustomers,
    long followers,
    long posts,
    BigDecimal engagementRateByFollowers,
    BigDecimal engagementRateByReach,
    BigDecimal engagementRateByViews,
    BigDecimal cpm,
    BigDecimal cpv,
    BigDecimal cpe,
    BigDecimal cpc,
    BigDecimal cac,
    BigDecimal paid,
    BigDecimal refunded,
    BigDecimal revenue,
    BigDecimal roas,
    BigDecimal roi,
    BigDecimal conversionRate,
    BigDecimal emv,
    BigDecimal emvBeforeQuality,
    String emvCurrency,
    BigDecimal emvQualityFactor) {}
