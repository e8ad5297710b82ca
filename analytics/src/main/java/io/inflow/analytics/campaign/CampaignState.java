package io.inflow.analytics.campaign;

import io.inflow.analytics.common.BatchSplit;
import io.inflow.analytics.common.EventLedger;
import io.inflow.analytics.common.Interner;
import io.inflow.analytics.common.PostCounters;
import io.inflow.analytics.common.PostTotals;
import io.inflow.analytics.kpi.ActionCounts;
import io.inflow.analytics.kpi.AttributionIndex;
import io.inflow.analytics.kpi.KpiCalculator;
import io.inflow.analytics.kpi.KpiInputs;
import io.inflow.analytics.kpi.KpiSettings;
import io.inflow.analytics.kpi.Kpis;
import io.inflow.analytics.kpi.Pacing;
import io.inflow.analytics.kpi.TargetProgress;
import io.inflow.analytics.kpi.WindowKpis;
import io.inflow.analytics.window.ActivityWindows;
import io.inflow.analytics.window.Metric;
import io.inflow.analytics.window.RollingCounters.Window;
import io.inflow.analytics.window.UniqueAudience;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.CampaignKpis;
import io.inflow.protocol.api.CampaignListItem;
import io.inflow.analytics.sentiment.CrisisSettings;
import io.inflow.analytics.sentiment.CrisisWatch;
import io.inflow.analytics.sentiment.SentimentLabel;
import io.inflow.analytics.sentiment.SentimentTally;
import io.inflow.protocol.api.CampaignAlert;
import io.inflow.protocol.api.CampaignView;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.Spend;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything Inflow knows about one campaign, rebuilt from its journal: its definition, the running
 * totals of the events that name it, orders attributed to influencers (their own influencerId, else
 * the discount code / link / UTM of the enrolment; unattributable ones counted apart) and each
 * influencer's share. Mutable and owned by a single entity; it changes only in
 * {@link #apply(CampaignEvent)}, after the event is persisted. Events may arrive before the
 * campaign is defined; they are kept, and orders are re-attributed when the definition changes.
 */
public final class CampaignState {
  private final String campaignId;
  private final PostTotals posts;
  private final Map<String, OrderState> orders;
  private final Map<String, BigDecimal> spendByCurrency;
  private final Map<String, BigDecimal> paidByCurrency = new TreeMap<>();
  private final Map<String, BigDecimal> refundedByCurrency = new TreeMap<>();
  private final Map<String, BigDecimal> unattributedRevenueByCurrency = new TreeMap<>();
  private final Map<String, InfluencerShare> shares;
  private final UniqueAudience audience;
  private final UniqueAudience customers;
  private final EventLedger ledger;
  private final ActivityWindows windows;
  private final boolean pristine;
  private final CrisisSettings crisisSettings;
  private final SentimentTally sentiment;
  private final CrisisWatch crisis;
  /** The latest crisis episode opened, and the latest one alerted (0: none). */
  private CrisisWatch.Crisis latestCrisis;
  private long crisisAlerted;
  /**
   * Currencies, influencer ids and attributions of the orders, one instance each (up to
   * {@value #SHARED_ORDER_VALUES} distinct values: ~100 KB at most).
   */
  private final Interner shared = new Interner(SHARED_ORDER_VALUES);
  private static final int SHARED_ORDER_VALUES = 1024;
  /** The latest alerts, newest first, at most {@link #ALERTS_KEPT}. */
  private final java.util.ArrayDeque<CampaignAlert> alerts = new java.util.ArrayDeque<>();
  public static final int ALERTS_KEPT = 50;
  private CampaignDefinition definition;
  private AttributionIndex attribution = AttributionIndex.of(List.of());
  private Instant definedAt;
  private long conversions;
  private long unattributedConversions;
  private long clicks;
  private long commentsReceived;

  private CampaignState(String campaignId, PostTotals posts, Map<String, OrderState> orders,
      Map<String, BigDecimal> spendByCurrency, Map<String, InfluencerShare> shares, UniqueAudience audience,
      UniqueAudience customers, EventLedger ledger, ActivityWindows windows, boolean pristine,
      CrisisSettings crisisSettings, SentimentTally sentiment, CrisisWatch crisis) {
    this.campaignId = campaignId;
    this.crisisSettings = crisisSettings;
    this.sentiment = sentiment;
    this.crisis = crisis;
    this.windows = windows;
    this.pristine = pristine;
    this.posts = posts;
    this.orders = orders;
    this.spendByCurrency = spendByCurrency;
    this.shares = shares;
    this.audience = audience;
    this.customers = customers;
    this.ledger = ledger;
  }

  /**
   * The state before any event. It is never changed itself: the first {@link #apply} returns a new
   * working instance, so a restarted entity that recovers from this same object starts clean.
   */
  public static CampaignState empty(String campaignId, int dedupWindow) {
    return empty(campaignId, dedupWindow, CrisisSettings.defaults());
  }

  /** @param crisisSettings when comments turn into a crisis ({@link CrisisWatch}) */
  public static CampaignState empty(String campaignId, int dedupWindow, CrisisSettings crisisSettings) {
    return new CampaignState(campaignId, new PostTotals(), new HashMap<>(), new TreeMap<>(), new TreeMap<>(),
        UniqueAudience.create(), UniqueAudience.create(), EventLedger.empty(dedupWindow),
        ActivityWindows.create(), true, crisisSettings, new SentimentTally(), new CrisisWatch());
  }

  /** Unknown to readers: never defined and no event recorded. */
  public boolean isEmpty() {
    return definition == null && ledger.eventsRecorded() == 0;
  }

  public CampaignDefinition definition() {
    return definition;
  }

  public BatchSplit split(List<IngestEvent> events) {
    return ledger.split(events);
  }

  public CampaignState apply(CampaignEvent event) {
    CampaignState target = pristine
        ? new CampaignState(campaignId, new PostTotals(), new HashMap<>(), new TreeMap<>(), new TreeMap<>(),
            UniqueAudience.create(), UniqueAudience.create(), ledger.fresh(), ActivityWindows.create(), false,
            crisisSettings, new SentimentTally(), new CrisisWatch())
        : this;
    if (event instanceof CampaignEvent.CampaignDefined defined) {
      target.define(defined.definition(), defined.definedAt());
    } else if (event instanceof CampaignEvent.BatchRecorded batch) {
      for (IngestEvent e : batch.events()) target.record(e);
    } else if (event instanceof CampaignEvent.AlertRaised raised) {
      target.alerts.addFirst(raised.alert());
      if (raised.alert().crisis() != null) {
        target.crisisAlerted = Math.max(target.crisisAlerted, raised.alert().crisis().episode());
      }
      while (target.alerts.size() > ALERTS_KEPT) target.alerts.removeLast();
    }
    return target;
  }

  private void define(CampaignDefinition next, Instant at) {
    definition = next;
    definedAt = at;
    attribution = AttributionIndex.of(next);
    for (var entry : List.copyOf(orders.entrySet())) { // re-attribute under the new enrolment
      OrderState old = entry.getValue();
      OrderState reattributed = old.attributedTo(resolve(old));
      if (!java.util.Objects.equals(old.influencerId(), reattributed.influencerId())) {
        orders.put(entry.getKey(), reattributed);
        changeOrderTotals(old, reattributed);
      }
    }
  }

  private String resolve(OrderState order) {
    if (order.explicitInfluencerId() != null) return order.explicitInfluencerId();
    return order.attribution() == null ? null : attribution.resolve(order.attribution()).orElse(null);
  }

  private InfluencerShare share(String influencerId) {
    return shares.computeIfAbsent(influencerId, id -> InfluencerShare.empty());
  }

  private void record(IngestEvent event) {
    if (!ledger.admit(event)) return;
    if (event instanceof PostMetrics m) {
      PostCounters counters = PostCounters.of(m);
      posts.observe(m.postId(), counters);
      if (m.influencerId() != null) share(m.influencerId()).posts.observe(m.postId(), counters);
      windows.observePost(m.postId(), counters);
      return;
    }
    if (posts.record(event, campaignId)) {
      if (event.influencerId() != null) share(event.influencerId()).posts.record(event, campaignId);
      return;
    }
    if (event instanceof CommentPosted c) {
      commentsReceived++;
      windows.add(c.postedAt(), Metric.COMMENTS_RECEIVED, 1);
      audience.add(c.authorId());
      SentimentLabel label = sentiment.observe(c.postId(), c.postedAt(), c.sentiment());
      if (label != null) {
        windows.add(c.postedAt(), SentimentTally.metricOf(label), 1);
        CrisisWatch.Crisis opened = crisis.observe(c.postedAt(), windows::sum, crisisSettings,
            (from, to) -> sentiment.topNegativeTerms(from, to, crisisSettings.topTerms()).stream()
                .map(SentimentTally.TermCount::term).toList());
        if (opened != null) latestCrisis = opened;
      }
    } else if (event instanceof Click c) {
      clicks++;
      windows.add(c.occurredAt(), Metric.CLICKS, 1);
      if (c.visitorId() != null) audience.add(c.visitorId());
      if (c.influencerId() != null) share(c.influencerId()).clicks++;
    } else if (event instanceof Spend s) {
      spendByCurrency.merge(s.currency(), s.amount(), BigDecimal::add);
      windows.addMoney(s.occurredAt(), s.currency(), Metric.SPEND, s.amount());
      if (s.influencerId() != null) share(s.influencerId()).spendByCurrency.merge(s.currency(), s.amount(), BigDecimal::add);
    } else if (event instanceof Conversion c) {
      OrderState old = orders.getOrDefault(c.orderId(), OrderState.empty(c.currency()));
      OrderState merged = old.with(c);
      OrderState next = merged.attributedTo(resolve(merged)).sharing(shared);
      orders.put(c.orderId(), next);
      changeOrderTotals(old, next);
      windows.add(c.occurredAt(), Metric.CONVERSIONS, (next.converted() ? 1 : 0) - (old.converted() ? 1 : 0));
      windows.addMoney(c.occurredAt(), next.currency(), Metric.REVENUE, next.revenue().subtract(old.revenue()));
      if (c.status() == ConversionStatus.PAID) customers.add(c.customerId() != null ? c.customerId() : "order:" + c.orderId());
    }
  }

  /** Moves an order's contribution from its old to its new state, in every total it feeds. */
  private void changeOrderTotals(OrderState old, OrderState next) {
    String currency = next.currency();
    addTo(paidByCurrency, currency, next.countedPaid().subtract(old.countedPaid()));
    addTo(refundedByCurrency, currency, next.countedRefunded().subtract(old.countedRefunded()));
    conversions += (next.converted() ? 1 : 0) - (old.converted() ? 1 : 0);
    if (old.influencerId() == null) {
      addTo(unattributedRevenueByCurrency, currency, old.revenue().negate());
      unattributedConversions -= old.converted() ? 1 : 0;
    } else {
      InfluencerShare s = share(old.influencerId());
      addTo(s.revenueByCurrency, currency, old.revenue().negate());
      s.conversions -= old.converted() ? 1 : 0;
    }
    if (next.influencerId() == null) {
      addTo(unattributedRevenueByCurrency, currency, next.revenue());
      unattributedConversions += next.converted() ? 1 : 0;
    } else {
      InfluencerShare s = share(next.influencerId());
      addTo(s.revenueByCurrency, currency, next.revenue());
      s.conversions += next.converted() ? 1 : 0;
    }
  }

  private static void addTo(Map<String, BigDecimal> totals, String currency, BigDecimal delta) {
    if (delta.signum() != 0) totals.merge(currency, delta, BigDecimal::add);
  }

  /** The currency totals are reported in: the definition's, else the only one seen, else null. */
  private String reportingCurrency() {
    if (definition != null) return definition.currency();
    var seenCurrencies = new TreeSet<String>();
    seenCurrencies.addAll(spendByCurrency.keySet());
    seenCurrencies.addAll(paidByCurrency.keySet());
    return seenCurrencies.size() == 1 ? seenCurrencies.first() : null;
  }

  private static BigDecimal in(Map<String, BigDecimal> byCurrency, String currency) {
    return currency == null ? null : byCurrency.getOrDefault(currency, BigDecimal.ZERO);
  }

  private Map<String, BigDecimal> revenueByCurrency() {
    Map<String, BigDecimal> revenue = new TreeMap<>(paidByCurrency);
    refundedByCurrency.forEach((c, r) -> revenue.merge(c, r.negate(), BigDecimal::add));
    return revenue;
  }

  /** Days of history in a campaign's summary row. */
  public static final int SUMMARY_DAYS = 30;

  /**
   * The campaign's row in its brand's overview, at {@code now}, or null while it is not defined:
   * headline totals (as in {@link #view(Instant, KpiSettings)}) and the last {@value #SUMMARY_DAYS}
   * days, reach, classified comments and net sentiment, and how many alerts it lists (and their
   * highest level), without KPIs, cheap enough to compute for every changed campaign each read-model
   * flush.
   */
  public CampaignListItem summary(Instant now) {
    CampaignDefinition d = definition;
    if (d == null) return null;
    String currency = reportingCurrency();
    return new CampaignListItem(campaignId, d.brandId(), d.name(), currency, d.budget(),
        in(spendByCurrency, currency), in(revenueByCurrency(), currency), posts.views(), posts.engagements(), clicks,
        conversions, d.startsAt(), d.endsAt(), ledger.updatedAt() == null ? definedAt : ledger.updatedAt(),
        windows.lastDays(SUMMARY_DAYS, now, currency),
        d.influencers() == null ? java.util.List.of()
            : d.influencers().stream().map(io.inflow.protocol.api.Enrolment::influencerId).distinct().toList(),
        posts.reach(), sentiment.total(), sentiment.net(), alerts.size(), highestAlertLevel());
  }

  /** {@code high} if a listed alert is high, else {@code medium} if one is, else null. */
  private String highestAlertLevel() {
    String highest = null;
    for (CampaignAlert a : alerts) {
      if ("high".equals(a.level())) return "high";
      if ("medium".equals(a.level())) highest = "medium";
    }
    return highest;
  }

  public CampaignView view() {
    return view(Instant.now(), KpiSettings.defaults());
  }

  /** The immutable view at {@code now} (pacing depends on it) with the given KPI settings. */
  public CampaignView view(Instant now, KpiSettings settings) {
    String currency = reportingCurrency();
    CampaignDefinition d = definition;
    Map<String, BigDecimal> revenueByCurrency = revenueByCurrency();
    return new CampaignView(campaignId, d != null,
        d == null ? null : d.brandId(), d == null ? null : d.name(), d == null ? null : d.budget(),
        currency, d == null ? null : d.startsAt(), d == null ? null : d.endsAt(),
        d == null ? List.of() : d.influencers(), d == null ? Map.of() : d.targets(),
        in(spendByCurrency, currency), in(revenueByCurrency, currency), Map.copyOf(spendByCurrency),
        Map.copyOf(revenueByCurrency), conversions, clicks, posts.posts(), posts.views(), posts.impressions(),
        posts.reach(), posts.likes(), posts.comments(), posts.shares(), posts.saves(), posts.engagements(),
        commentsReceived, ledger.eventsRecorded(), ledger.updatedAt() == null ? definedAt : ledger.updatedAt(),
        analytics(currency, now, settings), List.copyOf(alerts),
        sentiment.view(windows::sum, now, SentimentTally.details(crisis.open())));
  }

  /**
   * The alert for the latest crisis episode when none was raised for it yet (the entity persists
   * it after the batch that opened the episode; a replay finds it raised).
   */
  public CampaignAlert pendingCrisisAlert() {
    if (latestCrisis == null || latestCrisis.episode() <= crisisAlerted) return null;
    CrisisWatch.Crisis c = latestCrisis;
    String terms = c.topNegativeTerms().isEmpty() ? "" : " Top negative terms: " + String.join(", ", c.topNegativeTerms()) + ".";
    String message = String.format(java.util.Locale.ROOT,
        "%s: %d of %d comments negative (%.0f%%) between %s and %s, against %.0f%% in the seven days before%s.%s",
        c.reason().equals("volume_spike") ? "Comment volume spiked with a negative skew" : "Negative comments surged",
        c.negative(), c.comments(), c.negativeShare() * 100, c.windowStart(), c.windowEnd(),
        c.baselineNegativeShare() * 100,
        c.reason().equals("volume_spike") ? String.format(java.util.Locale.ROOT, " (%.1f comments per hour)",
            c.baselineCommentsPerHour()) : "", terms);
    return new CampaignAlert(campaignId + "/crisis/" + c.episode(), "sentiment_crisis", "high", "normal", null,
        Math.round(c.negativeShare() * 1000) / 10.0, message, c.windowEnd(), SentimentTally.details(c));
  }

  /** Whether an alert with this id is among the kept alerts. */
  public boolean hasAlert(String alertId) {
    for (CampaignAlert a : alerts) if (a.alertId().equals(alertId)) return true;
    return false;
  }

  private CampaignKpis analytics(String currency, Instant now, KpiSettings settings) {
    Kpis kpis = KpiCalculator.compute(inputs(currency), settings);
    CampaignDefinition d = definition;
    Pacing pacing = d == null ? null : Pacing.at(d.budget(), in(spendByCurrency, currency), d.startsAt(), d.endsAt(), now);
    TargetProgress progress = TargetProgress.of(d == null || d.targets() == null ? Map.of() : d.targets(), kpis);
    List<CampaignKpis.Target> targets = progress.entries().stream()
        .map(e -> new CampaignKpis.Target(e.name(), e.target(), e.actual(), e.ratio(), e.met(),
            e.status().name().toLowerCase(java.util.Locale.ROOT)))
        .toList();
    List<String> warnings = attribution.ambiguities().stream()
        .map(a -> a.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + a.value() + "' is shared by "
            + a.influencerIds() + ": orders using it stay unattributed")
        .toList();
    return new CampaignKpis(asMap(kpis),
        pacing == null ? null : new CampaignKpis.Pacing(pacing.budgetShareSpent(), pacing.timeShareElapsed(), pacing.pacing()),
        targets, progress.unknownTargets(), in(paidByCurrency, currency), in(refundedByCurrency, currency),
        unattributedConversions, in(unattributedRevenueByCurrency, currency), warnings, audience.estimate(),
        contributions(currency, settings), windowKpis(currency, now, settings));
  }

  /** Keys of the to-date KPI map that windows cannot give (see {@link WindowKpis}). */
  private static final java.util.Set<String> TO_DATE_ONLY = java.util.Set.of("uniqueAudience", "newCustomers",
      "cac", "emv", "emvBeforeQuality", "emvCurrency", "emvQualityFactor", "followers");

  private Map<String, Map<String, Object>> windowKpis(String currency, Instant now, KpiSettings settings) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Window w : Window.values()) {
      Map<String, Object> map = asMap(KpiCalculator.compute(WindowKpis.inputs(windows, w, now, currency, 0), settings));
      map.keySet().removeAll(TO_DATE_ONLY);
      map.remove("refunded");
      map.remove("paid");
      out.put(w.wireName(), map);
    }
    return out;
  }

  private KpiInputs inputs(String currency) {
    KpiInputs.Builder b = KpiInputs.builder().currency(currency)
        .spend(in(spendByCurrency, currency)).impressions(posts.impressions()).views(posts.views())
        .reach(posts.reach()).uniqueAudience(audience.estimate()).likes(posts.likes()).comments(posts.comments())
        .shares(posts.shares()).saves(posts.saves()).clicks(clicks).conversions(conversions)
        .newCustomers(customers.estimate()).paid(in(paidByCurrency, currency))
        .refunded(in(refundedByCurrency, currency)).posts(posts.posts());
    Map<Platform, ActionCounts> byPlatform = new EnumMap<>(Platform.class);
    posts.forEachLatest(p -> {
      if (p.platform() == null) return;
      byPlatform.merge(p.platform(), new ActionCounts(p.views(), p.impressions(), p.likes(), p.comments(),
          p.shares(), p.saves(), 0), ActionCounts::plus);
    });
    byPlatform.forEach(b::platformActions);
    b.actionsWithoutPlatform(ActionCounts.clicksOnly(clicks));
    return b.build();
  }

  private List<CampaignKpis.InfluencerContribution> contributions(String currency, KpiSettings settings) {
    Map<String, BigDecimal> fees = new LinkedHashMap<>();
    if (definition != null && definition.influencers() != null) {
      for (Enrolment e : definition.influencers()) fees.put(e.influencerId(), e.fee());
    }
    var ids = new TreeSet<>(shares.keySet());
    ids.addAll(fees.keySet());
    List<CampaignKpis.InfluencerContribution> list = new ArrayList<>();
    for (String id : ids) {
      InfluencerShare s = shares.getOrDefault(id, InfluencerShare.empty());
      BigDecimal revenue = in(s.revenueByCurrency, currency);
      BigDecimal spend = in(s.spendByCurrency, currency);
      ActionCounts actions = new ActionCounts(s.posts.views(), s.posts.impressions(), s.posts.likes(),
          s.posts.comments(), s.posts.shares(), s.posts.saves(), s.clicks);
      long engagements = settings.engagementActions().stream().mapToLong(actions::get).sum();
      BigDecimal cost = spend != null && spend.signum() > 0 ? spend : fees.get(id);
      BigDecimal roas = revenue == null || cost == null || cost.signum() <= 0 ? null
          : revenue.divide(cost, KpiCalculator.RATE_PRECISION);
      list.add(new CampaignKpis.InfluencerContribution(id, fees.get(id), s.posts.posts(), s.posts.views(),
          s.posts.reach(), engagements, s.clicks, s.conversions, revenue, spend, roas));
    }
    return list;
  }

  private static Map<String, Object> asMap(Kpis kpis) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (RecordComponent c : Kpis.class.getRecordComponents()) {
      try {
        map.put(c.getName(), c.getAccessor().invoke(kpis));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return map;
  }

  public CampaignSnapshot snapshot() {
    long[][] generations = ledger.seenGenerations();
    Map<String, InfluencerShare.Snapshot> shareSnapshots = new TreeMap<>();
    shares.forEach((id, s) -> shareSnapshots.put(id, s.snapshot()));
    return new CampaignSnapshot(campaignId, definition, definedAt, posts.latestByPost(),
        Map.copyOf(orders), Map.copyOf(spendByCurrency), clicks, commentsReceived, ledger.eventsRecorded(),
        ledger.updatedAt(), ledger.dedupWindow(), generations[0], generations[1],
        shareSnapshots, audience.toBytes(), customers.toBytes(), windows.toBytes(), List.copyOf(alerts),
        sentiment.snapshot(), crisis.snapshot(), latestCrisis, crisisAlerted);
  }

  public static CampaignState restore(CampaignSnapshot s) {
    return restore(s, CrisisSettings.defaults());
  }

  public static CampaignState restore(CampaignSnapshot s, CrisisSettings crisisSettings) {
    Map<String, InfluencerShare> shares = new TreeMap<>();
    if (s.shares() != null) s.shares().forEach((id, snap) -> shares.put(id, InfluencerShare.restore(snap)));
    CampaignState state = new CampaignState(s.campaignId(), PostTotals.restore(s.posts()), new HashMap<>(),
        new TreeMap<>(s.spendByCurrency()), shares,
        s.audience() == null ? UniqueAudience.create() : UniqueAudience.fromBytes(s.audience()),
        s.customers() == null ? UniqueAudience.create() : UniqueAudience.fromBytes(s.customers()),
        EventLedger.restore(s.dedupGenerationSize(), s.seenPrevious(), s.seenCurrent(), s.eventsRecorded(),
            s.updatedAt()), ActivityWindows.fromBytes(s.windows()), false, crisisSettings,
        SentimentTally.restore(s.sentiment()), CrisisWatch.restore(s.crisis()));
    state.latestCrisis = s.latestCrisis();
    state.crisisAlerted = s.crisisAlerted();
    if (s.definition() != null) {
      state.definition = s.definition();
      state.attribution = AttributionIndex.of(s.definition());
    }
    state.definedAt = s.definedAt();
    s.orders().forEach((id, restored) -> {
      OrderState order = restored.sharing(state.shared);
      state.orders.put(id, order);
      state.changeOrderTotals(OrderState.empty(order.currency()), order);
    });
    state.clicks = s.clicks();
    state.commentsReceived = s.commentsReceived();
    if (s.alerts() != null) state.alerts.addAll(s.alerts());
    return state;
  }
}
