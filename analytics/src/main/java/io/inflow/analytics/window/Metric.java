package io.inflow.analytics.window;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The quantities {@link RollingCounters} sums over time. Counts are whole numbers; money metrics
 * ({@link #SPEND}, {@link #REVENUE}) are kept as whole ten-thousandths of the currency unit
 * ({@link #scale()} = 4) so that sums are exact and need no objects.
 */
public enum Metric {
  VIEWS(0),
  IMPRESSIONS(0),
  REACH(0),
  LIKES(0),
  COMMENTS(0),
  SHARES(0),
  SAVES(0),
  CLICKS(0),
  CONVERSIONS(0),
  NEW_CUSTOMERS(0),
  /** Comment events received (not the platform's comment counter, see {@link #COMMENTS}). */
  COMMENTS_RECEIVED(0),
  /** Net change of followers (negative when followers were lost). */
  FOLLOWER_GROWTH(0),
  /** Comments classified positive, neutral and negative at ingest. */
  COMMENTS_POSITIVE(0),
  COMMENTS_NEUTRAL(0),
  COMMENTS_NEGATIVE(0),
  SPEND(4),
  REVENUE(4);

  /** How many metrics there are. */
  public static final int COUNT = values().length;

  private final int scale;

  Metric(int scale) {
    this.scale = scale;
  }

  /** Decimal places of the unit sums are kept in: 0 for counts, 4 for money. */
  public int scale() {
    return scale;
  }

  /** A stored sum as a decimal in the metric's natural unit. */
  public BigDecimal toDecimal(long units) {
    return BigDecimal.valueOf(units, scale);
  }

  /** A decimal amount in stored units, rounded half-even to {@link #scale()} places. */
  public long toUnits(BigDecimal amount) {
    return amount.setScale(scale, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
  }

  /** The name used on the wire and in reports, e.g. {@code newCustomers}. */
  public String wireName() {
    String[] parts = name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder b = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return b.toString();
  }

  public static Optional<Metric> fromWire(String name) {
    for (Metric m : values()) {
      if (m.wireName().equals(name)) return Optional.of(m);
    }
    return Optional.empty();
  }
}
