package io.inflow.node.readmodel;

import io.inflow.analytics.brand.BrandTotals;
import io.inflow.analytics.fraud.CoordinationNetwork;
import io.inflow.protocol.api.BrandListItem;
import io.inflow.protocol.api.BrandOverview;
import io.inflow.protocol.api.CampaignListItem;
import io.inflow.protocol.api.InfluencerListItem;
import io.inflow.protocol.api.InfluencerNetwork;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.ToLongFunction;

/** Ranked influencer lists, brand lists and overviews and the coordination graph, read from the {@link ReadModel} tables. */
public final class ReadModelService {

  /** How the influencer list can be ranked (highest first). */
  public enum Sort {
    ER, FOLLOWERS, VIEWS, ENGAGEMENTS, GROWTH;

    public static Optional<Sort> parse(String value) {
      for (Sort s : values()) if (s.name().equalsIgnoreCase(value)) return Optional.of(s);
      return Optional.empty();
    }
  }

  /** Filters of the list; null means any. */
  public record Query(String tier, String platform, Sort sort, int limit) {}

  private final ReadModel readModel;
  private final Executor executor;

  public ReadModelService(ReadModel readModel, Executor executor) {
    this.readModel = readModel;
    this.executor = executor;
  }

  public CompletionStage<List<InfluencerListItem>> influencers(Query query) {
    return influencers(query, item -> true);
  }

  /** The list of influencers that {@code visible} lets through (brand scoping), filtered, ranked and limited. */
  public CompletionStage<List<InfluencerListItem>> influencers(Query query,
      java.util.function.Predicate<InfluencerListItem> visible) {
    return readModel.influencers().thenApplyAsync(all -> all.stream()
        .filter(visible)
        .filter(i -> query.tier() == null || query.tier().equalsIgnoreCase(i.tier()))
        .filter(i -> query.platform() == null || query.platform().equalsIgnoreCase(i.platform()))
        .sorted(order(query.sort()))
        .limit(query.limit())
        .toList(), executor);
  }

  /**
   * The coordination graph of the influencers {@code visible} lets through (brand scoping), at most
   * {@code limit} nodes (see {@link CoordinationNetwork}).
   */
  public CompletionStage<InfluencerNetwork> network(java.util.function.Predicate<InfluencerListItem> visible,
      int limit) {
    return readModel.influencers().thenApplyAsync(all ->
        CoordinationNetwork.build(all.stream().filter(visible).toList(), limit), executor);
  }

  private static Comparator<InfluencerListItem> order(Sort sort) {
    Comparator<InfluencerListItem> byId = Comparator.comparing(InfluencerListItem::influencerId);
    return switch (sort) {
      case ER -> Comparator.comparing(InfluencerListItem::engagementRateByFollowers,
          Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).thenComparing(byId);
      case FOLLOWERS -> descending(InfluencerListItem::followers).thenComparing(byId);
      case VIEWS -> descending(InfluencerListItem::views).thenComparing(byId);
      case ENGAGEMENTS -> descending(InfluencerListItem::engagements).thenComparing(byId);
      case GROWTH -> Comparator.comparing(InfluencerListItem::growthRate30d,
          Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).thenComparing(byId);
    };
  }

  private static Comparator<InfluencerListItem> descending(ToLongFunction<InfluencerListItem> key) {
    return Comparator.comparingLong(key).reversed();
  }

  /** The brand's campaigns and totals (money per currency), empty when the brand has no campaign. */
  public CompletionStage<Optional<BrandOverview>> brandOverview(String brandId) {
    return readModel.campaignsOfBrand(brandId).thenApplyAsync(campaigns -> {
      if (campaigns.isEmpty()) return Optional.<BrandOverview>empty();
      BrandListItem totals = BrandTotals.of(brandId, campaigns);
      List<CampaignListItem> ordered = campaigns.stream()
          .sorted(Comparator.comparing(CampaignListItem::startsAt, Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(CampaignListItem::campaignId))
          .toList();
      return Optional.of(new BrandOverview(brandId, totals.campaigns(), totals.spendByCurrency(),
          totals.revenueByCurrency(), totals.views(), totals.engagements(), totals.clicks(), totals.conversions(),
          ordered, trend(campaigns)));
    }, executor);
  }

  /** Every brand that {@code visible} lets through (brand scoping) with its totals, ordered by brand id. */
  public CompletionStage<List<BrandListItem>> brands(java.util.function.Predicate<String> visible) {
    return readModel.campaigns().thenApplyAsync(campaigns -> BrandTotals.byBrand(
        campaigns.stream().filter(c -> visible.test(c.brandId())).toList()), executor);
  }

  /** The campaigns' daily points summed per day (money per currency), oldest first. */
  private static List<BrandOverview.TrendPoint> trend(List<CampaignListItem> campaigns) {
    Map<java.time.Instant, long[]> counts = new TreeMap<>();
    Map<java.time.Instant, Map<String, BigDecimal>> spend = new TreeMap<>();
    Map<java.time.Instant, Map<String, BigDecimal>> revenue = new TreeMap<>();
    for (CampaignListItem c : campaigns) {
      if (c.daily() == null) continue;
      for (CampaignListItem.DayPoint p : c.daily()) {
        long[] sums = counts.computeIfAbsent(p.day(), d -> new long[4]);
        sums[0] += p.views();
        sums[1] += p.engagements();
        sums[2] += p.clicks();
        sums[3] += p.conversions();
        var daySpend = spend.computeIfAbsent(p.day(), d -> new TreeMap<>());
        var dayRevenue = revenue.computeIfAbsent(p.day(), d -> new TreeMap<>());
        if (c.currency() != null && p.spend() != null) daySpend.merge(c.currency(), p.spend(), BigDecimal::add);
        if (c.currency() != null && p.revenue() != null) dayRevenue.merge(c.currency(), p.revenue(), BigDecimal::add);
      }
    }
    List<BrandOverview.TrendPoint> out = new java.util.ArrayList<>();
    counts.forEach((day, s) -> out.add(new BrandOverview.TrendPoint(day, s[0], s[1], s[2], s[3], spend.get(day),
        revenue.get(day))));
    return out;
  }
}
