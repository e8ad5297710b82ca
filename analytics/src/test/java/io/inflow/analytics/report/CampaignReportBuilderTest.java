package io.inflow.analytics.report;

import static io.inflow.analytics.report.ReportFixtures.*;
import static io.inflow.protocol.event.ConversionStatus.CANCELED;
import static io.inflow.protocol.event.ConversionStatus.PAID;
import static io.inflow.protocol.event.ConversionStatus.REFUNDED;
import static io.inflow.protocol.event.Platform.INSTAGRAM;
import static io.inflow.protocol.event.Platform.TIKTOK;
import static org.junit.jupiter.api.Assertions.*;

import io.inflow.analytics.campaign.CampaignEvent;
import io.inflow.analytics.kpi.Action;
import io.inflow.analytics.kpi.KpiSettings;
import io.inflow.analytics.window.BucketSize;
import io.inflow.protocol.api.CampaignReport;
import io.inflow.protocol.api.CampaignReport.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hand-worked reports: a few events each, the expected numbers worked out next to them. */
class CampaignReportBuilderTest {

  private static CampaignReport report(Instant from, Instant to, BucketSize bucket, ReportDimension by,
      List<CampaignEvent> journal) {
    return report(from, to, bucket, by, KpiSettings.defaults(), journal);
  }

  private static CampaignReport report(Instant from, Instant to, BucketSize bucket, ReportDimension by,
      KpiSettings settings, List<CampaignEvent> journal) {
    var builder = new CampaignReportBuilder(CAMPAIGN, from, to, bucket, by, settings);
    journal.forEach(builder::accept);
    return builder.build();
  }

  private static Map<String, Row> byKey(CampaignReport report) {
    return report.breakdown().stream().collect(Collectors.toMap(e -> String.valueOf(e.key()), CampaignReport.Entry::row));
  }

  private static void assertMoney(String expected, BigDecimal actual) {
    assertNotNull(actual, "expected " + expected);
    assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
  }

  /**
   * Two days, Nov 2 and Nov 3, of a campaign in EUR. anna (code ANNA10) posts p1 on Instagram on
   * Nov 1, before the range; kuba posts p2 on TikTok on Nov 3.
   */
  private static List<CampaignEvent> twoDays() {
    return List.of(
        defined(definition("EUR", enrolled("anna", "ANNA10"), enrolled("kuba", "KUBA10"))),
        batch(
            published("p1", "anna", INSTAGRAM, day(1, 10)),
            metrics("p1", "anna", INSTAGRAM, day(1, 20), 100, 10, 2),   // baseline, before the range
            metrics("p1", "anna", INSTAGRAM, day(3, 12), 300, 24, 6),   // arrives before the Nov 2 one
            metrics("p1", "anna", INSTAGRAM, day(2, 12), 250, 25, 5),   // Nov 2: +150 views, +15 likes, +3 comments
            metrics("p1", "anna", INSTAGRAM, day(4, 1), 1000, 90, 9),   // after the range: counts nowhere
            published("p2", "kuba", TIKTOK, day(3, 8)),
            metrics("p2", "kuba", TIKTOK, day(3, 9), 40, 4, 0),         // Nov 3: p1 +50 views −1 like +1 comment, p2 +40 +4
            comment("p1", "anna", day(2, 14)),
            click("anna", day(2, 13)), click(null, day(2, 16)), click("anna", day(3, 14))),
        batch(
            spend("anna", "100", "EUR", day(2, 9)), spend(null, "50", "EUR", day(3, 9)),
            spend(null, "999", "PLN", day(3, 9)),                        // another currency: not in money
            order("o1", null, "ANNA10", "80", PAID, day(2, 15)), order("o1", null, "ANNA10", "30", REFUNDED, day(3, 10)),
            order("o2", "kuba", null, "60", PAID, day(3, 11)), order("o2", "kuba", null, "60", REFUNDED, day(5, 0)),
            order("o3", null, "NOPE", "20", PAID, day(2, 17)),           // unattributed
            order("o4", null, "ANNA10", "45", PAID, day(2, 18)), order("o4", null, "ANNA10", "45", CANCELED, day(3, 18))));
  }

  @Test
  void aTwoDayReportByInfluencerAddsUpByHand() {
    CampaignReport r = report(day(2, 0), day(4, 0), BucketSize.DAY, ReportDimension.INFLUENCER, twoDays());
    assertEquals("EUR", r.currency());
    assertEquals("day", r.bucket());
    assertEquals("influencer", r.by());

    Row total = r.total();
    assertEquals(1, total.posts());                        // p2; p1 was published before the range
    assertEquals(150 + 50 + 40, total.views());
    assertEquals(480, total.impressions());
    assertEquals(75 + 25 + 20, total.reach());
    assertEquals(15 - 1 + 4, total.likes());
    assertEquals(3 + 1, total.comments());
    assertEquals(22, total.engagements());
    assertEquals(1, total.commentsReceived());
    assertEquals(3, total.clicks());
    assertMoney("150", total.spend());                     // 100 + 50 EUR; 999 PLN left out
    assertMoney("130", total.revenue());                   // o1 80−30, o2 60 (refund after the range), o3 20, o4 45−45
    assertEquals(3, total.conversions());                  // o1, o2, o3
    assertEquals(new BigDecimal("0.183333"), total.engagementRateByReach());   // 22 / 120
    assertEquals(new BigDecimal("0.0916667"), total.engagementRateByViews());  // 22 / 240
    assertEquals(new BigDecimal("312.5000"), total.cpm());                     // 150 × 1000 / 480
    assertEquals(new BigDecimal("6.8182"), total.cpe());                       // 150 / 22
    assertEquals(new BigDecimal("50.0000"), total.cpc());                      // 150 / 3
    assertEquals(new BigDecimal("0.866667"), total.roas());                    // 130 / 150
    assertEquals(new BigDecimal("1"), total.conversionRate());                 // 3 / 3

    assertEquals(2, r.series().size());
    Row nov2 = r.series().get(0).row();
    Row nov3 = r.series().get(1).row();
    assertEquals(day(2, 0), r.series().get(0).start());
    assertEquals(day(3, 0), r.series().get(0).end());
    assertEquals(List.of(150L, 90L), List.of(nov2.views(), nov3.views()));
    assertEquals(List.of(15L, 3L), List.of(nov2.likes(), nov3.likes()));
    assertEquals(List.of(0L, 1L), List.of(nov2.posts(), nov3.posts()));
    assertEquals(List.of(2L, 1L), List.of(nov2.clicks(), nov3.clicks()));
    assertMoney("145", nov2.revenue());                    // o1 +80, o3 +20, o4 +45
    assertMoney("-15", nov3.revenue());                    // o1 −30, o2 +60, o4 −45
    assertEquals(List.of(3L, 0L), List.of(nov2.conversions(), nov3.conversions()));
    assertMoney("100", nov2.spend());
    assertMoney("50", nov3.spend());

    assertEquals(List.of("kuba", "anna", "null"), r.breakdown().stream().map(e -> String.valueOf(e.key())).toList());
    Map<String, Row> rows = byKey(r);
    Row anna = rows.get("anna");
    assertEquals(200, anna.views());
    assertEquals(14, anna.likes());
    assertEquals(1, anna.commentsReceived());
    assertEquals(2, anna.clicks());
    assertMoney("50", anna.revenue());                     // o1 80−30; o4 canceled
    assertEquals(1, anna.conversions());
    assertMoney("100", anna.spend());
    assertMoney("0.5", anna.roas());
    Row kuba = rows.get("kuba");
    assertEquals(List.of(1L, 40L, 4L, 1L), List.of(kuba.posts(), kuba.views(), kuba.likes(), kuba.conversions()));
    assertMoney("60", kuba.revenue());
    assertMoney("0", kuba.spend());
    assertEquals(new BigDecimal("0.0000"), kuba.cpm(), "zero spend over 80 impressions");
    assertNull(kuba.roas(), "revenue over zero spend");
    Row nobody = rows.get("null");
    assertEquals(List.of(0L, 1L, 1L), List.of(nobody.views(), nobody.clicks(), nobody.conversions()));
    assertMoney("20", nobody.revenue());
    assertMoney("50", nobody.spend());
    assertNull(nobody.engagementRateByReach());
    assertNull(nobody.cpe());

    assertSumsTo(total, r.series().stream().map(CampaignReport.Point::row).toList(), "series");
    assertSumsTo(total, r.breakdown().stream().map(CampaignReport.Entry::row).toList(), "breakdown");
  }

  @Test
  void byPlatformCommentsFollowTheirPostAndOrdersClicksAndSpendHaveNoKey() {
    CampaignReport r = report(day(2, 0), day(4, 0), BucketSize.DAY, ReportDimension.PLATFORM, twoDays());
    assertEquals(List.of("null", "instagram", "tiktok"),
        r.breakdown().stream().map(e -> String.valueOf(e.key())).toList());  // revenue 130 first, then views
    Map<String, Row> rows = byKey(r);
    assertEquals(List.of(200L, 1L, 0L), List.of(rows.get("instagram").views(), rows.get("instagram").commentsReceived(),
        rows.get("instagram").clicks()));
    assertEquals(List.of(40L, 1L), List.of(rows.get("tiktok").views(), rows.get("tiktok").posts()));
    assertEquals(List.of(3L, 3L), List.of(rows.get("null").clicks(), rows.get("null").conversions()));
    assertMoney("130", rows.get("null").revenue());
    assertSumsTo(r.total(), r.breakdown().stream().map(CampaignReport.Entry::row).toList(), "breakdown");
  }

  @Test
  void commentSentimentIsCountedPerBucketAndPerPost() {
    List<CampaignEvent> events = new java.util.ArrayList<>(twoDays());
    String[] labels = {"positive", "positive", "negative", "neutral"};
    List<io.inflow.protocol.event.IngestEvent> comments = new java.util.ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      var c = ReportFixtures.comment(i < 3 ? "p1" : "p2", "anna", day(2, 10 + i));
      comments.add(c.withSentiment(new io.inflow.protocol.event.CommentSentiment("pl", labels[i], 0, List.of())));
    }
    events.add(new CampaignEvent.BatchRecorded(comments));
    CampaignReport r = report(day(2, 0), day(4, 0), BucketSize.DAY, ReportDimension.POST, events);
    Map<String, Row> rows = byKey(r);
    assertEquals(List.of(2L, 0L, 1L), List.of(rows.get("p1").commentsPositive(), rows.get("p1").commentsNeutral(),
        rows.get("p1").commentsNegative()));
    assertEquals(0, new java.math.BigDecimal("0.3333").compareTo(rows.get("p1").netSentiment()));
    assertEquals(1, rows.get("p2").commentsNeutral());
    assertEquals(List.of(2L, 1L, 1L), List.of(r.total().commentsPositive(), r.total().commentsNeutral(),
        r.total().commentsNegative()));
    assertEquals(4, r.series().get(0).row().commentsPositive() + r.series().get(0).row().commentsNeutral()
        + r.series().get(0).row().commentsNegative(), "all on the first day");
    assertNull(report(day(2, 0), day(4, 0), BucketSize.DAY, ReportDimension.POST, twoDays()).total().netSentiment(),
        "unclassified comments: no net sentiment");
  }

  @Test
  void byPostEachPostIsItsOwnRow() {
    CampaignReport r = report(day(2, 0), day(4, 0), BucketSize.DAY, ReportDimension.POST, twoDays());
    Map<String, Row> rows = byKey(r);
    assertEquals(List.of(200L, 1L), List.of(rows.get("p1").views(), rows.get("p1").commentsReceived()));
    assertEquals(0, rows.get("p1").posts());
    assertEquals(1, rows.get("p2").posts());
    assertEquals(3, rows.get("null").clicks());
  }

  @Test
  void theTotalDoesNotDependOnTheDimension() {
    List<CampaignEvent> journal = twoDays();
    Row byInfluencer = report(day(2, 0), day(4, 0), BucketSize.DAY, ReportDimension.INFLUENCER, journal).total();
    for (ReportDimension by : ReportDimension.values()) {
      assertEquals(byInfluencer, report(day(2, 0), day(4, 0), BucketSize.DAY, by, journal).total(), by.wireName());
    }
  }

  @Test
  void hourlyPointsAreCutToARangeThatIsNotOnABoundary() {
    CampaignReport r = report(day(2, 12).plusSeconds(1800), day(2, 14).plusSeconds(600), BucketSize.HOUR,
        ReportDimension.INFLUENCER, twoDays());
    assertEquals(List.of(day(2, 12).plusSeconds(1800), day(2, 13), day(2, 14)),
        r.series().stream().map(CampaignReport.Point::start).toList());
    assertEquals(List.of(day(2, 13), day(2, 14), day(2, 14).plusSeconds(600)),
        r.series().stream().map(CampaignReport.Point::end).toList());
    assertEquals(List.of(0L, 1L, 0L), r.series().stream().map(p -> p.row().clicks()).toList());
    assertEquals(0, r.total().views(), "the Nov 2 12:00 observation is before the range: only its baseline role counts");
  }

  @Test
  void weeksStartOnMondayInUtc() {
    CampaignReport r = report(T0, day(10, 0), BucketSize.WEEK, ReportDimension.INFLUENCER, twoDays());
    assertEquals(List.of(T0, day(2, 0), day(9, 0)), r.series().stream().map(CampaignReport.Point::start).toList());
    assertEquals(List.of(day(2, 0), day(9, 0), day(10, 0)), r.series().stream().map(CampaignReport.Point::end).toList());
    Row sunday = r.series().get(0).row();
    assertEquals(1, sunday.posts());
    assertEquals(100, sunday.views(), "the first observation counts whole, at its instant");
    assertEquals(1000 - 100 + 40, r.series().get(1).row().views());
    assertMoney("70", r.total().revenue(), "o2 is refunded on Nov 5, inside this range");
  }

  private static void assertMoney(String expected, BigDecimal actual, String message) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), message + ": got " + actual);
  }

  @Test
  void anEmptyCampaignHasZeroPointsAndNoBreakdownAndNoCurrency() {
    CampaignReport r = report(T0, day(3, 0), BucketSize.DAY, ReportDimension.POST, List.of());
    assertNull(r.currency());
    assertEquals(2, r.series().size());
    assertTrue(r.breakdown().isEmpty());
    Row zero = r.total();
    assertEquals(0, zero.views());
    assertNull(zero.revenue(), "no currency: money is unknown, not zero");
    assertNull(zero.spend());
    assertNull(zero.roas());
    assertNull(zero.engagementRateByViews());
    assertEquals(zero, r.series().get(1).row());
  }

  @Test
  void aRangeWithNothingInItReportsZeroInTheCampaignCurrency() {
    CampaignReport r = report(day(20, 0), day(22, 0), BucketSize.DAY, ReportDimension.INFLUENCER, twoDays());
    assertEquals("EUR", r.currency());
    assertEquals(0, r.total().views());
    assertEquals(0, r.total().posts());
    assertMoney("0", r.total().revenue());
    assertMoney("0", r.total().spend());
    assertNull(r.total().roas());
    assertTrue(r.breakdown().isEmpty());
  }

  @Test
  void aRefundAfterTheRangeDoesNotReachBackIntoIt() {
    List<CampaignEvent> journal = List.of(defined(definition("EUR")), batch(
        order("o", "anna", null, "100", PAID, day(2, 0)), order("o", "anna", null, "40", REFUNDED, day(6, 0))));
    Row inside = report(day(1, 0), day(3, 0), BucketSize.DAY, ReportDimension.INFLUENCER, journal).total();
    assertMoney("100", inside.revenue());
    assertEquals(1, inside.conversions());
    Row later = report(day(5, 0), day(7, 0), BucketSize.DAY, ReportDimension.INFLUENCER, journal).total();
    assertMoney("-40", later.revenue());
    assertEquals(0, later.conversions(), "a partial refund leaves the conversion standing");
  }

  @Test
  void aCanceledOrderCountsMinusWhatItHadAddedWhenCanceled() {
    List<CampaignEvent> journal = List.of(defined(definition("EUR")), batch(
        order("o", "anna", null, "100", PAID, day(2, 0)), order("o", "anna", null, "100", CANCELED, day(4, 0))));
    CampaignReport r = report(day(1, 0), day(6, 0), BucketSize.DAY, ReportDimension.INFLUENCER, journal);
    assertMoney("0", r.total().revenue());
    assertEquals(0, r.total().conversions());
    assertMoney("100", r.series().get(1).row().revenue());
    assertEquals(-1, r.series().get(3).row().conversions());
    assertMoney("-100", r.series().get(3).row().revenue());
  }

  @Test
  void anOrderIsAttributedAsTheLatestDefinitionAttributesIt() {
    var order = batch(order("o", null, "LATE10", "90", PAID, day(2, 0)), order("u", null, "NOBODY", "10", PAID, day(2, 0)));
    List<CampaignEvent> journal = List.of(defined(definition("EUR")), order,
        defined(definition("EUR", enrolled("lena", "LATE10"))));
    Map<String, Row> rows = byKey(report(T0, day(3, 0), BucketSize.DAY, ReportDimension.INFLUENCER, journal));
    assertMoney("90", rows.get("lena").revenue());
    assertMoney("10", rows.get("null").revenue());
    assertEquals(1, rows.get("null").conversions());
  }

  @Test
  void withoutADefinitionTheOnlyCurrencySeenIsReportedAndTwoMeanNone() {
    var eurOnly = List.of(batch(spend(null, "10", "EUR", day(1, 1)), order("o", "a", null, "30", PAID, day(1, 2))));
    assertEquals("EUR", report(T0, day(2, 0), BucketSize.DAY, ReportDimension.POST, eurOnly).currency());
    var two = List.of(batch(spend(null, "10", "EUR", day(1, 1)), order("o", "a", null, "30", "USD", PAID, day(1, 2))));
    CampaignReport r = report(T0, day(2, 0), BucketSize.DAY, ReportDimension.POST, two);
    assertNull(r.currency());
    assertNull(r.total().spend());
    assertNull(r.total().revenue());
    assertEquals(1, r.total().conversions(), "conversions count in every currency, as in the view");
  }

  @Test
  void aPostWithoutPublishedEventCountsAtItsFirstObservation() {
    var journal = List.of(batch(metrics("p", "anna", INSTAGRAM, day(2, 5), 10, 1, 0),
        metrics("p", "anna", INSTAGRAM, day(1, 5), 4, 0, 0)));
    CampaignReport r = report(T0, day(3, 0), BucketSize.DAY, ReportDimension.POST, journal);
    assertEquals(List.of(1L, 0L), r.series().stream().map(p -> p.row().posts()).toList());
    assertEquals(List.of(4L, 6L), r.series().stream().map(p -> p.row().views()).toList());
  }

  @Test
  void atOneInstantTheSnapshotAppliedLastWinsAndARepeatAddsNothing() {
    var first = metrics("p", "anna", INSTAGRAM, day(1, 5), 10, 1, 0);
    var corrected = metrics("p", "anna", INSTAGRAM, day(1, 5), 12, 1, 0);
    var journal = List.of(batch(first, corrected), batch(corrected));
    assertEquals(12, report(T0, day(2, 0), BucketSize.DAY, ReportDimension.POST, journal).total().views());
  }

  @Test
  void engagementsFollowTheConfiguredActions() {
    KpiSettings likesOnly = KpiSettings.defaults().withEngagementActions(EnumSet.of(Action.LIKES));
    var journal = List.of(batch(metrics("p", "anna", INSTAGRAM, day(1, 5), 1000, 2000, 500, 30, 20, 7, 3)));
    Row row = report(T0, day(2, 0), BucketSize.DAY, ReportDimension.POST, likesOnly, journal).total();
    assertEquals(30, row.engagements());
    assertMoney("0.06", row.engagementRateByReach());
    assertEquals(60, report(T0, day(2, 0), BucketSize.DAY, ReportDimension.POST, journal).total().engagements());
  }

  @Test
  void emptyRangesAndTooManyPointsAreRefused() {
    KpiSettings s = KpiSettings.defaults();
    var empty = assertThrows(IllegalArgumentException.class,
        () -> new CampaignReportBuilder(CAMPAIGN, T0, T0, BucketSize.DAY, ReportDimension.POST, s));
    assertTrue(empty.getMessage().contains("must be after from"), empty.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new CampaignReportBuilder(CAMPAIGN, day(2, 0), T0, BucketSize.DAY, ReportDimension.POST, s));
    Instant end = T0.plusSeconds(3600L * CampaignReportBuilder.MAX_POINTS);
    assertEquals(CampaignReportBuilder.MAX_POINTS,
        new CampaignReportBuilder(CAMPAIGN, T0, end, BucketSize.HOUR, ReportDimension.POST, s).build().series().size());
    var tooMany = assertThrows(IllegalArgumentException.class,
        () -> new CampaignReportBuilder(CAMPAIGN, T0, end.plusSeconds(1), BucketSize.HOUR, ReportDimension.POST, s));
    assertTrue(tooMany.getMessage().contains("5001 points, more than the 5000 allowed"), tooMany.getMessage());
  }

  @Test
  void wireNamesParse() {
    assertEquals(BucketSize.WEEK, CampaignReportBuilder.bucketSizeFromWire("Week").orElseThrow());
    assertTrue(CampaignReportBuilder.bucketSizeFromWire("month").isEmpty());
    assertEquals(ReportDimension.PLATFORM, ReportDimension.fromWire("platform").orElseThrow());
    assertTrue(ReportDimension.fromWire(null).isEmpty());
  }

  @Test
  void buildingTwiceGivesTheSameReportAndLaterEventsStillCount() {
    var builder = new CampaignReportBuilder(CAMPAIGN, day(2, 0), day(4, 0), BucketSize.DAY, ReportDimension.INFLUENCER,
        KpiSettings.defaults());
    twoDays().forEach(builder::accept);
    CampaignReport once = builder.build();
    assertEquals(once, builder.build());
    builder.accept(batch(click("anna", day(3, 1))));
    CampaignReport again = builder.build();
    assertEquals(once.total().clicks() + 1, again.total().clicks());
    assertEquals(once.total().views(), again.total().views());
  }
}
