package io.inflow.analytics.campaign;

import io.inflow.analytics.common.BatchSplit;
import io.inflow.analytics.common.PostCounters;
import io.inflow.analytics.common.PostTotals;
import io.inflow.analytics.common.EventLedger;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.CampaignView;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.Spend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything Inflow knows about one campaign, rebuilt from its journal: its definition and the
 * running totals of the events that name it. Mutable and owned by a single entity; it changes only
 * in {@link #apply(CampaignEvent)}, after the event is persisted. Events may arrive before the
 * campaign is defined; they are kept and counted.
 */
public final class CampaignState {
  private final String campaignId;
  private final PostTotals posts;
  private final Map<String, OrderState> orders;
  private final Map<String, BigDecimal> spendByCurrency;
  private final Map<String, BigDecimal> revenueByCurrency;
  private final EventLedger ledger;
  private final boolean pristine;
  private CampaignDefinition definition;
  private Instant definedAt;
  private long conversions;
  private long clicks;
  private long commentsReceived;

  private CampaignState(String campaignId, PostTotals posts, Map<String, OrderState> orders,
      Map<String, BigDecimal> spendByCurrency, EventLedger ledger, boolean pristine) {
    this.campaignId = campaignId;
    this.pristine = pristine;
    this.posts = posts;
    this.orders = orders;
    this.spendByCurrency = spendByCurrency;
    this.revenueByCurrency = new TreeMap<>();
    this.ledger = ledger;
    orders.values().forEach(o -> changeOrderTotals(OrderState.empty(o.currency()), o));
  }

  /**
   * The state before any event. It is never changed itself: the first {@link #apply} returns a new
   * working instance, so a restarted entity that recovers from this same object starts clean.
   */
  public static CampaignState empty(String campaignId, int dedupGenerationSize) {
    return new CampaignState(campaignId, new PostTotals(), new HashMap<>(), new TreeMap<>(),
        EventLedger.empty(dedupGenerationSize), true);
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
        ? new CampaignState(campaignId, new PostTotals(), new HashMap<>(), new TreeMap<>(),
            ledger.fresh(), false)
        : this;
    if (event instanceof CampaignEvent.CampaignDefined defined) {
      target.definition = defined.definition();
      target.definedAt = defined.definedAt();
    } else if (event instanceof CampaignEvent.BatchRecorded batch) {
      for (IngestEvent e : batch.events()) target.record(e);
    }
    return target;
  }

  private void record(IngestEvent event) {
    if (!ledger.admit(event) || posts.record(event, campaignId)) return;
    if (event instanceof CommentPosted) {
      commentsReceived++;
    } else if (event instanceof Click) {
      clicks++;
    } else if (event instanceof Spend s) {
      spendByCurrency.merge(s.currency(), s.amount(), BigDecimal::add);
    } else if (event instanceof Conversion c) {
      OrderState old = orders.getOrDefault(c.orderId(), OrderState.empty(c.currency()));
      OrderState next = old.with(c);
      orders.put(c.orderId(), next);
      changeOrderTotals(old, next);
    }
  }

  private void changeOrderTotals(OrderState old, OrderState next) {
    BigDecimal delta = next.revenue().subtract(old.revenue());
    if (delta.signum() != 0) revenueByCurrency.merge(next.currency(), delta, BigDecimal::add);
    conversions += (next.converted() ? 1 : 0) - (old.converted() ? 1 : 0);
  }

  /** The currency totals are reported in: the definition's, else the only one seen, else null. */
  private String reportingCurrency() {
    if (definition != null) return definition.currency();
    var seenCurrencies = new java.util.TreeSet<String>();
    seenCurrencies.addAll(spendByCurrency.keySet());
    seenCurrencies.addAll(revenueByCurrency.keySet());
    return seenCurrencies.size() == 1 ? seenCurrencies.first() : null;
  }

  public CampaignView view() {
    String currency = reportingCurrency();
    BigDecimal spend = currency == null ? null : spendByCurrency.getOrDefault(currency, BigDecimal.ZERO);
    BigDecimal revenue = currency == null ? null : revenueByCurrency.getOrDefault(currency, BigDecimal.ZERO);
    CampaignDefinition d = definition;
    return new CampaignView(campaignId, d != null,
        d == null ? null : d.brandId(), d == null ? null : d.name(), d == null ? null : d.budget(),
        currency, d == null ? null : d.startsAt(), d == null ? null : d.endsAt(),
        d == null ? List.of() : d.influencers(), d == null ? Map.of() : d.targets(),
        spend, revenue, Map.copyOf(spendByCurrency), Map.copyOf(revenueByCurrency), conversions,
        clicks, posts.posts(), posts.views(), posts.impressions(), posts.reach(), posts.likes(),
        posts.comments(), posts.shares(), posts.saves(), posts.engagements(), commentsReceived,
        ledger.eventsRecorded(), ledger.updatedAt() == null ? definedAt : ledger.updatedAt());
  }

  public CampaignSnapshot snapshot() {
    long[][] generations = ledger.seenGenerations();
    return new CampaignSnapshot(campaignId, definition, definedAt, posts.latestByPost(),
        Map.copyOf(orders), Map.copyOf(spendByCurrency), clicks, commentsReceived, ledger.eventsRecorded(),
        ledger.updatedAt(), ledger.dedupGenerationSize(), generations[0], generations[1]);
  }

  public static CampaignState restore(CampaignSnapshot s) {
    CampaignState state = new CampaignState(s.campaignId(), PostTotals.restore(s.posts()),
        new HashMap<>(s.orders()), new TreeMap<>(s.spendByCurrency()),
        EventLedger.restore(s.dedupGenerationSize(), s.seenPrevious(), s.seenCurrent(), s.eventsRecorded(),
            s.updatedAt()), false);
    state.definition = s.definition();
    state.definedAt = s.definedAt();
    state.clicks = s.clicks();
    state.commentsReceived = s.commentsReceived();
    return state;
  }
}
