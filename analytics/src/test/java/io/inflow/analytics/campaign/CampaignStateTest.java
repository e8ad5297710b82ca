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

  @Test
  void snapshotRoundTrip() {
    CampaignState state = record(defined(), List.of(spend("s1", "spring", "10", "EUR"),
        order("o", "spring", "A", "99.90", ConversionStatus.PAID), metrics("m", "a", "p", "spring", 1, 9, 1, 1, 1, 1)));
    CampaignState restored = CampaignState.restore(state.snapshot());
    assertEquals(state.view(), restored.view());
  }
}
