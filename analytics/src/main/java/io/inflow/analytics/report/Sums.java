package io.inflow.analytics.report;

import io.inflow.analytics.common.PostCounters;
import io.inflow.analytics.kpi.KpiCalculator;
import io.inflow.analytics.kpi.KpiInputs;
import io.inflow.analytics.kpi.KpiSettings;
import io.inflow.analytics.kpi.Kpis;
import io.inflow.protocol.api.CampaignReport;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The additive amounts of one report cell (a key in a bucket) or of a sum of cells. Money is kept
 * per currency because the reporting currency is known only once every event is read. Mutable.
 */
final class Sums {
  long posts, views, impressions, reach, likes, comments, shares, saves, commentsReceived, clicks, conversions;
  /** Comments classified positive, neutral, negative at ingest. */
  long positive, neutral, negative;
  private Map<String, BigDecimal> spendByCurrency;
  private Map<String, BigDecimal> revenueByCurrency;

  /** The growth of a post's counters from {@code before} to {@code after}. */
  static Sums growth(PostCounters before, PostCounters after) {
    Sums s = new Sums();
    s.views = after.views() - before.views();
    s.impressions = after.impressions() - before.impressions();
    s.reach = after.reach() - before.reach();
    s.likes = after.likes() - before.likes();
    s.comments = after.comments() - before.comments();
    s.shares = after.shares() - before.shares();
    s.saves = after.saves() - before.saves();
    return s;
  }

  void addSpend(String currency, BigDecimal amount) {
    if (spendByCurrency == null) spendByCurrency = new TreeMap<>();
    spendByCurrency.merge(currency, amount, BigDecimal::add);
  }

  void addRevenue(String currency, BigDecimal amount) {
    if (revenueByCurrency == null) revenueByCurrency = new TreeMap<>();
    revenueByCurrency.merge(currency, amount, BigDecimal::add);
  }

  void add(Sums o) {
    posts += o.posts;
    views += o.views;
    impressions += o.impressions;
    reach += o.reach;
    likes += o.likes;
    comments += o.comments;
    shares += o.shares;
    saves += o.saves;
    commentsReceived += o.commentsReceived;
    clicks += o.clicks;
    conversions += o.conversions;
    positive += o.positive;
    neutral += o.neutral;
    negative += o.negative;
    if (o.spendByCurrency != null) o.spendByCurrency.forEach(this::addSpend);
    if (o.revenueByCurrency != null) o.revenueByCurrency.forEach(this::addRevenue);
  }

  /** Whether every amount is zero (adding it changes nothing). */
  boolean isZero() {
    return posts == 0 && views == 0 && impressions == 0 && reach == 0 && likes == 0 && comments == 0 && shares == 0
        && saves == 0 && commentsReceived == 0 && clicks == 0 && conversions == 0 && positive == 0 && neutral == 0
        && negative == 0 && allZero(spendByCurrency)
        && allZero(revenueByCurrency);
  }

  private static boolean allZero(Map<String, BigDecimal> byCurrency) {
    return byCurrency == null || byCurrency.values().stream().allMatch(v -> v.signum() == 0);
  }

  /** Counts one comment received, with its label when it was classified. */
  void comment(io.inflow.protocol.event.CommentSentiment sentiment) {
    commentsReceived++;
    if (sentiment == null) return;
    switch (sentiment.label()) {
      case "positive" -> positive++;
      case "negative" -> negative++;
      default -> neutral++;
    }
  }

  /** Revenue in {@code currency}: zero when none, null when the currency is unknown. */
  BigDecimal revenueIn(String currency) {
    return in(revenueByCurrency, currency);
  }

  private static BigDecimal in(Map<String, BigDecimal> byCurrency, String currency) {
    if (currency == null) return null;
    return byCurrency == null ? BigDecimal.ZERO : byCurrency.getOrDefault(currency, BigDecimal.ZERO);
  }

  /** The wire row: these sums in {@code currency} with the KPIs {@link KpiCalculator} derives from them. */
  CampaignReport.Row toRow(String currency, KpiSettings settings) {
    BigDecimal spend = in(spendByCurrency, currency);
    BigDecimal revenue = revenueIn(currency);
    Kpis k = KpiCalculator.compute(KpiInputs.builder().currency(currency).spend(spend).impressions(impressions)
        .views(views).reach(reach).likes(likes).comments(comments).shares(shares).saves(saves).clicks(clicks)
        .conversions(conversions).paid(revenue).refunded(revenue == null ? null : BigDecimal.ZERO).posts(posts)
        .build(), settings);
    return new CampaignReport.Row(posts, views, impressions, reach, likes, comments, shares, saves,
        k.engagements(), commentsReceived, clicks, conversions, revenue, spend, k.engagementRateByReach(),
        k.engagementRateByViews(), k.cpm(), k.cpe(), k.cpc(), k.roas(), k.conversionRate(), positive, neutral,
        negative, positive + neutral + negative == 0 ? null : BigDecimal.valueOf(positive - negative)
            .divide(BigDecimal.valueOf(positive + neutral + negative), 4, java.math.RoundingMode.HALF_EVEN));
  }
}
