package io.inflow.analytics.kpi;

import io.inflow.protocol.event.Platform;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Inflow's KPI formulas, as one pure function from {@link KpiInputs} and {@link KpiSettings} to
 * {@link Kpis}.
 *
 * <pre>
 * engagements               = Σ configured actions (default likes + comments + shares + saves)
 * ER by followers           = engagements ÷ posts ÷ followers
 * ER by reach               = engagements ÷ reach
 * ER by views               = engagements ÷ views
 * CPM                       = spend ÷ impressions × 1000
 * CPV, CPE, CPC, CAC        = spend ÷ views, engagements, clicks, new customers
 * revenue                   = paid − refunded
 * ROAS                      = revenue ÷ spend
 * ROI                       = (revenue − spend) ÷ spend
 * conversion rate           = conversions ÷ clicks
 * EMV                       = Σ platform Σ action rate(platform, action) × count  [× audience quality]
 * </pre>
 *
 * Rounding: each result is computed from exact inputs with 34 significant digits and rounded once.
 * Money ratios (CPM, CPV, CPE, CPC, CAC) and EMV get {@value #MONEY_SCALE} decimal places, rates
 * and multiples (ER, ROAS, ROI, conversion rate) 6 significant digits; both half-even. Revenue is
 * exact. A denominator that is zero or negative, or an unknown (null) operand, gives null.
 */
public final class KpiCalculator {
  /** Decimal places of money ratios and EMV. */
  public static final int MONEY_SCALE = 4;
  /** Rounding of money ratios and EMV. */
  public static final RoundingMode MONEY_ROUNDING = RoundingMode.HALF_EVEN;
  /** Precision of rates and multiples. */
  public static final MathContext RATE_PRECISION = new MathContext(6, RoundingMode.HALF_EVEN);

  private static final MathContext EXACT = MathContext.DECIMAL128;
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private KpiCalculator() {}

  public static Kpis compute(KpiInputs in, KpiSettings settings) {
    long engagements = in.engagements(settings.engagementActions());
    BigDecimal spend = in.spend();
    BigDecimal revenue = in.paid() == null || in.refunded() == null ? null : in.paid().subtract(in.refunded());
    BigDecimal profit = revenue == null || spend == null ? null : revenue.subtract(spend);
    BigDecimal spendPerMille = spend == null ? null : spend.multiply(THOUSAND);

    BigDecimal postFollowers = in.posts() <= 0 || in.followers() <= 0 ? null
        : BigDecimal.valueOf(in.posts()).multiply(BigDecimal.valueOf(in.followers()));
    BigDecimal emvGross = emv(in, settings);
    BigDecimal quality = settings.emvDiscountedByAudienceQuality() ? in.audienceQuality() : null;
    BigDecimal emv = quality == null ? emvGross : emvGross.multiply(quality);

    return new Kpis(in.currency(), spend, in.impressions(), in.views(), in.reach(), in.uniqueAudience(),
        in.likes(), in.comments(), in.shares(), in.saves(), engagements, in.clicks(), in.conversions(),
        in.newCustomers(), in.followers(), in.posts(),
        rate(decimal(engagements), postFollowers),
        rate(decimal(engagements), decimal(in.reach())),
        rate(decimal(engagements), decimal(in.views())),
        money(spendPerMille, decimal(in.impressions())),
        money(spend, decimal(in.views())),
        money(spend, decimal(engagements)),
        money(spend, decimal(in.clicks())),
        money(spend, decimal(in.newCustomers())),
        in.paid(), in.refunded(), revenue,
        rate(revenue, spend),
        rate(profit, spend),
        rate(decimal(in.conversions()), decimal(in.clicks())),
        emv.setScale(MONEY_SCALE, MONEY_ROUNDING),
        emvGross.setScale(MONEY_SCALE, MONEY_ROUNDING),
        settings.emvCurrency(),
        quality);
  }

  private static BigDecimal emv(KpiInputs in, KpiSettings settings) {
    BigDecimal sum = priced(null, in.actionsWithoutPlatform(), settings);
    for (Map.Entry<Platform, ActionCounts> e : in.actionsByPlatform().entrySet()) {
      sum = sum.add(priced(e.getKey(), e.getValue(), settings));
    }
    return sum;
  }

  private static BigDecimal priced(Platform platform, ActionCounts counts, KpiSettings settings) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Action a : Action.values()) {
      long n = counts.get(a);
      if (n != 0) sum = sum.add(settings.emvRate(platform, a).multiply(BigDecimal.valueOf(n)));
    }
    return sum;
  }

  private static BigDecimal decimal(long v) {
    return BigDecimal.valueOf(v);
  }

  /** numerator ÷ denominator at 4 decimal places half-even; null for a null operand or denominator ≤ 0. */
  static BigDecimal money(BigDecimal numerator, BigDecimal denominator) {
    if (numerator == null || denominator == null || denominator.signum() <= 0) return null;
    return numerator.divide(denominator, EXACT).setScale(MONEY_SCALE, MONEY_ROUNDING);
  }

  /** numerator ÷ denominator to 6 significant digits half-even; null for a null operand or denominator ≤ 0. */
  static BigDecimal rate(BigDecimal numerator, BigDecimal denominator) {
    if (numerator == null || denominator == null || denominator.signum() <= 0) return null;
    return numerator.divide(denominator, EXACT).round(RATE_PRECISION);
  }
}
