package io.inflow.analytics.kpi;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The KPIs a campaign target can name, with the direction in which they improve. A name matches
 * case-insensitively, ignoring {@code _}, {@code -} and spaces, so {@code engagement_rate_by_reach}
 * and {@code engagementRateByReach} are the same target.
 */
public enum KpiMetric {
  VIEWS("views", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.views())),
  IMPRESSIONS("impressions", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.impressions())),
  REACH("reach", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.reach())),
  UNIQUE_AUDIENCE("uniqueAudience", Direction.HIGHER_IS_BETTER,
      k -> k.uniqueAudience() == null ? null : BigDecimal.valueOf(k.uniqueAudience())),
  LIKES("likes", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.likes())),
  COMMENTS("comments", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.comments())),
  SHARES("shares", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.shares())),
  SAVES("saves", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.saves())),
  ENGAGEMENTS("engagements", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.engagements())),
  CLICKS("clicks", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.clicks())),
  CONVERSIONS("conversions", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.conversions())),
  NEW_CUSTOMERS("newCustomers", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.newCustomers())),
  POSTS("posts", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.posts())),
  FOLLOWERS("followers", Direction.HIGHER_IS_BETTER, k -> BigDecimal.valueOf(k.followers())),
  REVENUE("revenue", Direction.HIGHER_IS_BETTER, Kpis::revenue),
  ROAS("roas", Direction.HIGHER_IS_BETTER, Kpis::roas),
  ROI("roi", Direction.HIGHER_IS_BETTER, Kpis::roi),
  EMV("emv", Direction.HIGHER_IS_BETTER, Kpis::emv),
  CONVERSION_RATE("conversionRate", Direction.HIGHER_IS_BETTER, Kpis::conversionRate),
  ENGAGEMENT_RATE_BY_FOLLOWERS("engagementRateByFollowers", Direction.HIGHER_IS_BETTER, Kpis::engagementRateByFollowers),
  ENGAGEMENT_RATE_BY_REACH("engagementRateByReach", Direction.HIGHER_IS_BETTER, Kpis::engagementRateByReach),
  ENGAGEMENT_RATE_BY_VIEWS("engagementRateByViews", Direction.HIGHER_IS_BETTER, Kpis::engagementRateByViews),
  CPM("cpm", Direction.LOWER_IS_BETTER, Kpis::cpm),
  CPV("cpv", Direction.LOWER_IS_BETTER, Kpis::cpv),
  CPE("cpe", Direction.LOWER_IS_BETTER, Kpis::cpe),
  CPC("cpc", Direction.LOWER_IS_BETTER, Kpis::cpc),
  CAC("cac", Direction.LOWER_IS_BETTER, Kpis::cac);

  /** Whether a larger actual value is better (counts, revenue, rates) or worse (costs). */
  public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

  private static final Map<String, KpiMetric> BY_KEY = new HashMap<>();

  static {
    for (KpiMetric m : values()) BY_KEY.put(key(m.wireName), m);
  }

  private final String wireName;
  private final Direction direction;
  private final Function<Kpis, BigDecimal> extractor;

  KpiMetric(String wireName, Direction direction, Function<Kpis, BigDecimal> extractor) {
    this.wireName = wireName;
    this.direction = direction;
    this.extractor = extractor;
  }

  /** The canonical name, the same as the {@link Kpis} component. */
  public String wireName() {
    return wireName;
  }

  public Direction direction() {
    return direction;
  }

  /** This KPI's value in {@code kpis}, or null when it has none (e.g. CPM without impressions). */
  public BigDecimal valueIn(Kpis kpis) {
    return extractor.apply(kpis);
  }

  public static Optional<KpiMetric> byName(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(name)));
  }

  private static String key(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      if (c != '_' && c != '-' && c != ' ') b.append(c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
