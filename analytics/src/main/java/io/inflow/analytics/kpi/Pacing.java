package io.inflow.analytics.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Budget pacing of a campaign at an instant: the share of the budget spent, the share of the
 * flight (start to end) elapsed, and their ratio. A pacing of 1 spends the budget evenly, above 1
 * spends ahead of time, below 1 behind.
 *
 * <p>The time share is 0 before the start and 1 from the end on; the budget share is not capped (an
 * overspent campaign shows more than 1). Pacing is null before the start (no time has elapsed),
 * for a zero, negative or unknown budget, unknown spend, or missing or inverted flight dates. All
 * three values have 6 significant digits, half-even; pacing is computed from the unrounded shares.
 *
 * @param budgetShareSpent spent ÷ budget
 * @param timeShareElapsed (now − start) ÷ (end − start), clamped to [0, 1]
 * @param pacing budgetShareSpent ÷ timeShareElapsed
 */
public record Pacing(BigDecimal budgetShareSpent, BigDecimal timeShareElapsed, BigDecimal pacing) {

  public static Pacing at(BigDecimal budget, BigDecimal spent, Instant startsAt, Instant endsAt, Instant now) {
    BigDecimal budgetShare = exactShare(spent, budget);
    BigDecimal timeShare = timeShare(startsAt, endsAt, now);
    BigDecimal pacing = budgetShare == null || timeShare == null ? null : exactShare(budgetShare, timeShare);
    return new Pacing(round(budgetShare), round(timeShare), round(pacing));
  }

  private static BigDecimal timeShare(Instant startsAt, Instant endsAt, Instant now) {
    if (startsAt == null || endsAt == null || now == null || !endsAt.isAfter(startsAt)) return null;
    if (!now.isAfter(startsAt)) return BigDecimal.ZERO;
    if (!now.isBefore(endsAt)) return BigDecimal.ONE;
    return exactShare(nanos(Duration.between(startsAt, now)), nanos(Duration.between(startsAt, endsAt)));
  }

  private static BigDecimal nanos(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).scaleByPowerOfTen(9).add(BigDecimal.valueOf(d.getNano()));
  }

  private static BigDecimal exactShare(BigDecimal numerator, BigDecimal denominator) {
    if (numerator == null || denominator == null || denominator.signum() <= 0) return null;
    return numerator.divide(denominator, MathContext.DECIMAL128);
  }

  private static BigDecimal round(BigDecimal v) {
    return v == null ? null : v.round(KpiCalculator.RATE_PRECISION);
  }
}
