package io.inflow.analytics.campaign;

import static io.inflow.analytics.Events.*;
import static org.junit.jupiter.api.Assertions.*;

import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.CampaignView;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.IngestEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignStateTest {

  private static final CampaignDefinition DEFINITION = new CampaignDefinition("acme", "Spring",
      new BigDecimal("10000"), "EUR", at(0), at(60 * 24 * 30), List.of(), Map.of());

  private static CampaignState record(CampaignState state, List<IngestEvent> batch) {
    var split = state.split(batch);
    return split.fresh().isEmpty() ? state : state.apply(new CampaignEvent.BatchRecorded(split.fresh()));
  }

  private static CampaignState defined() {
    return CampaignState.empty("spring", 64).apply(new CampaignEvent.CampaignDefined(DEFINITION, at(0)));
  }

  private static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  @Test
  void revenueIsPaidMinusRefundedAndCanceledOrdersCountZero() {
    CampaignState state = record(defined(), List.of(
        order("o1", "spring", "A", "100.00", ConversionStatus.PAID),
        order("o2", "spring", "B", "50.00", ConversionStatus.PAID),
        order("o3", "spring", "B", "20.00", ConversionStatus.REFUNDED),
        order("o4", "spring", "C", "70.00", ConversionStatus.PAID),
        order("o5", "spring", "C", "70.00", ConversionStatus.CANCELED),
        order("o6", "spring", "D", "30.00", ConversionStatus.PAID),
        order("o7", "spring", "D", "30.00", ConversionStatus.REFUNDED)));
    CampaignView v = state.view();
    assertEquals(0, eur("130.00").compareTo(v.revenue()));
    assertEquals(2, v.conversions());
  }

  @Test
  void aRefundArrivingBeforeItsPaymentGivesTheSameRevenue() {
    CampaignState inOrder = record(defined(), List.of(
        order("p", "spring", "A", "80", ConversionStatus.PAID), order("r", "spring", "A", "30", ConversionStatus.REFUNDED)));
    CampaignState reversed = record(defined(), List.of(
        order("r", "spring", "A", "30", ConversionStatus.REFUNDED), order("p", "spring", "A", "80", ConversionStatus.PAID)));
    assertEquals(0, inOrder.view().revenue().compareTo(reversed.view().revenue()));
    assertEquals(0, eur("50").compareTo(reversed.view().revenue()));
  }

  @Test
  void spendInTheCampaignCurrencyIsSummedOtherCurrenciesAreKeptApart() {
    CampaignState state = record(defined(), List.of(
        spend("s1", "spring", "500", "EUR"), spend("s2", "spring", "250.50", "EUR"), spend("s3", "spring", "1000", "PLN")));
    CampaignView v = state.view();
    assertEquals(0, eur("750.50").compareTo(v.spend()));
    assertEquals("EUR", v.currency());
    assertEquals(0, eur("1000").compareTo(v.spendByCurrency().get("PLN")));
  }

  @Test
  void postCountersClicksAndCommentsAreTotalled() {
    CampaignState state = record(defined(), List.of(
        published("a", "anna", "p1", "spring"),
        metrics("b", "anna", "p1", "spring", 5, 100, 10, 1, 0, 0),
        metrics("c", "anna", "p1", "spring", 9, 300, 30, 3, 1, 1),
        metrics("d", "kuba", "p2", "spring", 9, 50, 5, 0, 0, 0),
        click("e", "spring", "anna"), comment("f", "anna", "p1", "spring")));
    CampaignView v = state.view();
    assertEquals(2, v.posts());
    assertEquals(350, v.views());
    assertEquals(35, v.likes());
    assertEquals(35 + 3 + 1 + 1, v.engagements());
    assertEquals(1, v.clicks());
    assertEquals(1, v.commentsReceived());
  }

  @Test
  void sameBatchTwiceEqualsOnce() {
    List<IngestEvent> batch = List.of(spend("s1", "spring", "10", "EUR"), click("k", "spring", "anna"),
        order("o", "spring", "A", "99.90", ConversionStatus.PAID));
    CampaignView once = record(defined(), batch).view();
    CampaignView twice = record(record(defined(), batch), batch).view();
    assertEquals(once, twice);
  }

  @Test
  void eventsBeforeTheDefinitionAreKeptAndUndefinedCampaignsReportTheirOnlyCurrency() {
    CampaignState state = record(CampaignState.empty("x", 64), List.of(spend("s", "x", "5", "USD")));
    assertFalse(state.isEmpty());
    assertFalse(state.view().defined());
    assertEquals("USD", state.view().currency());
    state = state.apply(new CampaignEvent.CampaignDefined(DEFINITION, at(1)));
    assertTrue(state.view().defined());
    assertEquals(0, BigDecimal.ZERO.compareTo(state.view().spend()), "USD spend is not mixed into EUR");
  }

  @Test
  void theEmptyStateIsNeverChangedSoARestartRecoversFromAClean() {
    CampaignState empty = CampaignState.empty("spring", 64);
    record(empty, List.of(spend("s1", "spring", "10", "EUR")));
    assertTrue(empty.isEmpty());
    assertTrue(empty.split(List.of(spend("s1", "spring", "10", "EUR"))).duplicateIds().isEmpty());
  }

  private static io.inflow.protocol.event.Conversion orderWithCode(String id, String order, String amount,
      io.inflow.protocol.event.ConversionStatus status, String code) {
    return new io.inflow.protocol.event.Conversion(id, "spring", null, order, "cust-" + order, new BigDecimal(amount),
        "EUR", status, new io.inflow.protocol.event.Attribution(io.inflow.protocol.event.Attribution.Kind.DISCOUNT_CODE, code),
        List.of(), at(10));
  }

  private static final CampaignDefinition ENROLLED = new CampaignDefinition("acme", "Spring", new BigDecimal("1000"),
      "EUR", at(0), at(60 * 24 * 30), List.of(
          new io.inflow.protocol.api.Enrolment("anna", new BigDecimal("200"), "ANNA10", null, null),
          new io.inflow.protocol.api.Enrolment("kuba", new BigDecimal("300"), "KUBA10", null, null)),
      Map.of("conversions", new BigDecimal("4"), "cpm", new BigDecimal("5")));

  @Test
  void conversionsAreAttributedByCodeAndTheRestCountedApart() {
    CampaignState state = record(CampaignState.empty("spring", 64).apply(new CampaignEvent.CampaignDefined(ENROLLED, at(0))),
        List.of(orderWithCode("o1", "A", "100", io.inflow.protocol.event.ConversionStatus.PAID, "anna10"),
            orderWithCode("o2", "B", "50", io.inflow.protocol.event.ConversionStatus.PAID, " KUBA10 "),
            orderWithCode("o3", "C", "70", io.inflow.protocol.event.ConversionStatus.PAID, "NOBODY"),
            orderWithCode("o4", "A", "100", io.inflow.protocol.event.ConversionStatus.REFUNDED, "ANNA10")));
    var a = state.view().analytics();
    assertEquals(1, a.unattributedConversions());
    assertEquals(0, new BigDecimal("70").compareTo(a.unattributedRevenue()));
    var anna = a.influencers().stream().filter(c -> c.influencerId().equals("anna")).findFirst().orElseThrow();
    var kuba = a.influencers().stream().filter(c -> c.influencerId().equals("kuba")).findFirst().orElseThrow();
    assertEquals(0, anna.conversions(), "refunded in full");
    assertEquals(0, BigDecimal.ZERO.compareTo(anna.revenue()));
    assertEquals(1, kuba.conversions());
    assertEquals(0, new BigDecimal("50").compareTo(kuba.revenue()));
    assertEquals(0, new BigDecimal("120").compareTo(state.view().revenue()));
    assertEquals(0, new BigDecimal("220").compareTo(a.paid()));
    assertEquals(0, new BigDecimal("100").compareTo(a.refunded()));
  }

  @Test
  void ordersBeforeTheDefinitionAreAttributedWhenItArrives() {
    CampaignState state = record(CampaignState.empty("spring", 64),
        List.of(orderWithCode("o1", "A", "80", io.inflow.protocol.event.ConversionStatus.PAID, "ANNA10")));
    assertEquals(1, state.view().analytics().unattributedConversions());
    state = state.apply(new CampaignEvent.CampaignDefined(ENROLLED, at(1)));
    assertEquals(0, state.view().analytics().unattributedConversions());
    var anna = state.view().analytics().influencers().stream().filter(c -> c.influencerId().equals("anna")).findFirst().orElseThrow();
    assertEquals(1, anna.conversions());
    assertEquals(0, new BigDecimal("0.4").compareTo(anna.roas()), "80 revenue / 200 fee");
  }

  @Test
  void kpisPacingAndTargetsAreInTheView() {
    CampaignState state = record(CampaignState.empty("spring", 64).apply(new CampaignEvent.CampaignDefined(ENROLLED, at(0))),
        List.of(spend("s1", "spring", "500", "EUR"), metrics("m1", "anna", "p1", "spring", 5, 50_000, 1000, 100, 10, 10),
            click("k1", "spring", "anna"), click("k2", "spring", "anna")));
    var view = state.view(at(60 * 24 * 15), io.inflow.analytics.kpi.KpiSettings.defaults());
    var kpis = view.analytics().kpis();
    // impressions = views × 2 = 100,000 → CPM = 500 / 100,000 × 1000 = 5
    assertEquals(0, new BigDecimal("5").compareTo((BigDecimal) kpis.get("cpm")));
    assertEquals(0, new BigDecimal("250").compareTo((BigDecimal) kpis.get("cpc")));
    assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) kpis.get("roas")), "no revenue yet: 0 / 500 = 0, not null");
    var pacing = view.analytics().pacing();
    assertEquals(0, new BigDecimal("0.5").compareTo(pacing.timeShareElapsed()));
    assertEquals(0, new BigDecimal("0.5").compareTo(pacing.budgetShareSpent()));
    var cpmTarget = view.analytics().targets().stream().filter(t -> t.name().equals("cpm")).findFirst().orElseThrow();
    assertEquals(Boolean.TRUE, cpmTarget.met());
  }

  @Test
  void ordersShareOneInstanceOfARepeatedCurrencyInfluencerAndCodeAlsoAfterARestore() {
    var code = new io.inflow.protocol.event.Attribution(io.inflow.protocol.event.Attribution.Kind.DISCOUNT_CODE,
        "ANNA10");
    List<IngestEvent> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) { // every event brings its own copies, as a parsed request does
      batch.add(new io.inflow.protocol.event.Conversion("c" + i, "spring", new String("anna"), "o" + i, null,
          eur("10"), new String("EUR"), ConversionStatus.PAID,
          new io.inflow.protocol.event.Attribution(code.kind(), new String(code.value())), List.of(), at(10)));
    }
    CampaignState state = record(CampaignState.empty("spring", 64).apply(new CampaignEvent.CampaignDefined(ENROLLED,
        at(0))), batch);
    for (CampaignState s : List.of(state, CampaignState.restore(state.snapshot()))) {
      List<OrderState> orders = List.copyOf(s.snapshot().orders().values());
      assertEquals(3, orders.size());
      for (OrderState o : orders) {
        assertSame(orders.get(0).currency(), o.currency());
        assertSame(orders.get(0).explicitInfluencerId(), o.explicitInfluencerId());
        assertSame(orders.get(0).attribution(), o.attribution());
        assertEquals(code, o.attribution());
        assertEquals("anna", o.influencerId());
      }
    }
    assertEquals(0, eur("30").compareTo(state.view().revenue()));
  }

  @Test
  void snapshotRoundTrip() {
    CampaignState state = record(defined(), List.of(spend("s1", "spring", "10", "EUR"),
        order("o", "spring", "A", "99.90", ConversionStatus.PAID), metrics("m", "a", "p", "spring", 1, 9, 1, 1, 1, 1)));
    CampaignState restored = CampaignState.restore(state.snapshot());
    assertEquals(state.view(), restored.view());
  }

  @Test
  void summaryCarriesReachSentimentAndTheAlertsListed() {
    CampaignState quiet = record(defined(), List.of(metrics("m", "anna", "p1", "spring", 1, 400, 10, 1, 0, 0)));
    var none = quiet.summary(at(10));
    assertEquals(200, none.reach()); // Events.metrics reports reach = views / 2
    assertEquals(0, none.comments());
    assertNull(none.netSentiment());
    assertEquals(0, none.alertCount());
    assertNull(none.alertLevel());

    List<IngestEvent> comments = new java.util.ArrayList<>();
    String[] labels = {"positive", "positive", "positive", "negative", "neutral"};
    for (int i = 0; i < labels.length; i++) {
      comments.add(comment("c" + i, "anna", "p1", "spring").withSentiment(
          new io.inflow.protocol.event.CommentSentiment("en", labels[i], 0, List.of())));
    }
    comments.add(comment("unclassified", "anna", "p1", "spring"));
    CampaignState state = record(quiet, comments);
    state = state.apply(new CampaignEvent.AlertRaised(new io.inflow.protocol.api.CampaignAlert("a1", "fraud_level",
        "medium", "low", "anna", 30.0, "m", at(6))));
    var medium = state.summary(at(10));
    assertEquals(5, medium.comments(), "classified comments only");
    assertEquals(0, new BigDecimal("0.4").compareTo(medium.netSentiment())); // (3 − 1) / 5
    assertEquals(state.view().sentiment().net(), medium.netSentiment());
    assertEquals(1, medium.alertCount());
    assertEquals("medium", medium.alertLevel());

    state = state.apply(new CampaignEvent.AlertRaised(new io.inflow.protocol.api.CampaignAlert("a2", "fraud_level",
        "high", "medium", "anna", 60.0, "m", at(7))));
    state = state.apply(new CampaignEvent.AlertRaised(new io.inflow.protocol.api.CampaignAlert("a3", "fraud_level",
        "medium", "low", "kuba", 30.0, "m", at(8))));
    assertEquals(3, state.summary(at(10)).alertCount());
    assertEquals("high", state.summary(at(10)).alertLevel(), "the highest level, not the latest");
    assertEquals(state.summary(at(10)), CampaignState.restore(state.snapshot()).summary(at(10)));
  }

  /**
   * Worked by hand, read at day 10 00:30: fees of 50 (3 days ago) and 100 (2 h ago); order A paid 200
   * (20 min ago) and refunded 50 (10 min ago); order B paid 80 (2 days ago) and canceled (25 h ago);
   * clicks: one 3 days ago, two 5 min ago.
   */
  @Test
  void windowKpisWorkedByHand() {
    long now = 10 * 1440 + 30;
    var code = new io.inflow.protocol.event.Attribution(io.inflow.protocol.event.Attribution.Kind.DISCOUNT_CODE, "X");
    List<IngestEvent> events = List.of(
        new io.inflow.protocol.event.Spend("s1", "spring", null, eur("50"), "EUR",
            io.inflow.protocol.event.Spend.Kind.FEE, at(now - 3 * 1440)),
        new io.inflow.protocol.event.Spend("s2", "spring", null, eur("100"), "EUR",
            io.inflow.protocol.event.Spend.Kind.FEE, at(now - 120)),
        new io.inflow.protocol.event.Conversion("c1", "spring", null, "A", null, eur("200"), "EUR",
            ConversionStatus.PAID, code, List.of(), at(now - 20)),
        new io.inflow.protocol.event.Conversion("c2", "spring", null, "A", null, eur("50"), "EUR",
            ConversionStatus.REFUNDED, code, List.of(), at(now - 10)),
        new io.inflow.protocol.event.Conversion("c3", "spring", null, "B", null, eur("80"), "EUR",
            ConversionStatus.PAID, code, List.of(), at(now - 2 * 1440)),
        new io.inflow.protocol.event.Conversion("c4", "spring", null, "B", null, eur("80"), "EUR",
            ConversionStatus.CANCELED, code, List.of(), at(now - 25 * 60)),
        new io.inflow.protocol.event.Click("k1", "spring", null, at(now - 3 * 1440), null),
        new io.inflow.protocol.event.Click("k2", "spring", null, at(now - 5), null),
        new io.inflow.protocol.event.Click("k3", "spring", null, at(now - 5), null));
    for (long seed = 0; seed < 6; seed++) {
      List<IngestEvent> shuffled = new java.util.ArrayList<>(events);
      java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
      CampaignState state = defined();
      for (IngestEvent e : shuffled) state = record(state, List.of(e));
      CampaignView v = state.view(at(now), io.inflow.analytics.kpi.KpiSettings.defaults());
      Map<String, Map<String, Object>> w = v.analytics().windows();
      assertEquals(List.of("1h", "24h", "7d", "30d", "toDate"), List.copyOf(w.keySet()));

      Map<String, Object> hour = w.get("1h");
      assertEquals(0, eur("0").compareTo((BigDecimal) hour.get("spend")));
      assertEquals(0, eur("150").compareTo((BigDecimal) hour.get("revenue")));
      assertEquals(1L, hour.get("conversions"));
      assertEquals(2L, hour.get("clicks"));
      assertEquals(0, eur("0.5").compareTo((BigDecimal) hour.get("conversionRate")));
      assertNull(hour.get("roas"), "no spend in the last hour");

      Map<String, Object> day = w.get("24h"); // B's cancellation is 25 h ago, its payment 2 days ago
      assertEquals(0, eur("100").compareTo((BigDecimal) day.get("spend")));
      assertEquals(0, eur("150").compareTo((BigDecimal) day.get("revenue")));
      assertEquals(0, eur("1.5").compareTo((BigDecimal) day.get("roas")));
      assertEquals(0, eur("0.5").compareTo((BigDecimal) day.get("roi")));
      assertEquals(0, eur("50").compareTo((BigDecimal) day.get("cpc")));

      Map<String, Object> week = w.get("7d"); // B paid 80 and was canceled: nothing left
      assertEquals(0, eur("150").compareTo((BigDecimal) week.get("spend")));
      assertEquals(0, eur("150").compareTo((BigDecimal) week.get("revenue")));
      assertEquals(1L, week.get("conversions"));
      assertEquals(3L, week.get("clicks"));
      assertEquals(0, eur("1").compareTo((BigDecimal) week.get("roas")));
      assertFalse(week.containsKey("emv"), "EMV is campaign-to-date only");

      assertEquals(0, v.revenue().compareTo((BigDecimal) w.get("toDate").get("revenue")));
      assertEquals(0, v.spend().compareTo((BigDecimal) w.get("toDate").get("spend")));
      assertEquals(v.conversions(), w.get("toDate").get("conversions"));
      assertEquals(v, CampaignState.restore(state.snapshot()).view(at(now), io.inflow.analytics.kpi.KpiSettings.defaults()));

      var daily = state.summary(at(now)).daily(); // 30 UTC days ending with day 10
      assertEquals(30, daily.size());
      assertEquals(at(10 * 1440), daily.get(29).day());
      assertEquals(2, daily.get(29).clicks()); // the two 5 minutes ago
      assertEquals(1, daily.get(29).conversions()); // order A, paid and partly refunded today
      assertEquals(0, eur("150").compareTo(daily.get(29).revenue()));
      assertEquals(0, eur("100").compareTo(daily.get(28).spend())); // 2 h ago was yesterday 22:30
      assertEquals(0, eur("150").compareTo(daily.stream().map(d -> d.spend()).reduce(BigDecimal.ZERO, BigDecimal::add)));
      assertEquals(3, daily.stream().mapToLong(d -> d.clicks()).sum());
    }
  }
}
