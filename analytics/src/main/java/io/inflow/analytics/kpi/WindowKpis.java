package io.inflow.analytics.kpi;

import io.inflow.analytics.window.ActivityWindows;
import io.inflow.analytics.window.Metric;
import io.inflow.analytics.window.RollingCounters.Window;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * KPIs over one rolling window of an entity's {@link ActivityWindows}: the window's growth of every
 * counter, with the same formulas as to-date KPIs ({@link KpiCalculator}). {@code posts} is the
 * number of posts observed in the window and {@code followers} the entity's current followers, so
 * ER by followers over a window = engagements gained ÷ posts observed ÷ followers. Revenue is net
 * (paid − refunded in the window, given as {@code paid}). EMV is left out of windowed KPIs: the rate
 * table prices per platform and windows do not split counts by platform.
 */
public final class WindowKpis {
  private WindowKpis() {}

  /** Inputs for {@code window} ending at {@code now}; money in {@code currency} (null: no money). */
  public static KpiInputs inputs(ActivityWindows w, Window window, Instant now, String currency, long followers) {
    return KpiInputs.builder()
        .currency(currency)
        .spend(w.money(currency, Metric.SPEND, window, now))
        .paid(w.money(currency, Metric.REVENUE, window, now))
        .refunded(currency == null ? null : BigDecimal.ZERO)
        .impressions(w.sum(Metric.IMPRESSIONS, window, now))
        .views(w.sum(Metric.VIEWS, window, now))
        .reach(w.sum(Metric.REACH, window, now))
        .likes(w.sum(Metric.LIKES, window, now))
        .comments(w.sum(Metric.COMMENTS, window, now))
        .shares(w.sum(Metric.SHARES, window, now))
        .saves(w.sum(Metric.SAVES, window, now))
        .clicks(w.sum(Metric.CLICKS, window, now))
        .conversions(w.sum(Metric.CONVERSIONS, window, now))
        .followers(followers)
        .posts(w.postsObservedIn(window, now))
        .build();
  }
}
