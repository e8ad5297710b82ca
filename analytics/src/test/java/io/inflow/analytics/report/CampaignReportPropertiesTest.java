package io.inflow.analytics.report;

import static io.inflow.analytics.report.ReportFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.inflow.analytics.campaign.CampaignEvent;
import io.inflow.analytics.campaign.CampaignState;
import io.inflow.analytics.kpi.KpiSettings;
import io.inflow.analytics.window.BucketSize;
import io.inflow.protocol.api.CampaignKpis;
import io.inflow.protocol.api.CampaignReport;
import io.inflow.protocol.api.CampaignReport.Row;
import io.inflow.protocol.api.CampaignView;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Laws of campaign reports, checked on seeded random journals. The seed is printed; rerun one with
 * {@code -Dinflow.seed=<seed>}.
 */
class CampaignReportPropertiesTest {
  private static final long SEED = Long.getLong("inflow.seed", System.nanoTime());
  private static final int JOURNALS = 150;
  private static final int SPAN_MINUTES = 20 * 24 * 60;
  private static final List<String> INFLUENCERS = List.of("anna", "kuba", "lena");
  private static final List<String> CODES = List.of("ANNA10", "KUBA10", "LENA10", "SHARED", "NOPE");
  private static final Platform[] PLATFORMS = {Platform.INSTAGRAM, Platform.TIKTOK, Platform.YOUTUBE};

  @BeforeAll
  static void printSeed() {
    System.out.println("CampaignReportPropertiesTest seed " + SEED + " (rerun with -Dinflow.seed=" + SEED + ")");
  }

  private static Instant minute(Random r) {
    return T0.plusSeconds(60L * r.nextInt(SPAN_MINUTES));
  }

  /** A random journal: events in random arrival order, random batches, zero to two definitions among them. */
  static List<CampaignEvent> randomJournal(Random r) {
    List<IngestEvent> events = new ArrayList<>();
    int posts = r.nextInt(7);
    for (int p = 0; p < posts; p++) randomPost(r, "p" + p, events);
    for (int i = r.nextInt(11); i > 0; i--) {
      events.add(comment("p" + r.nextInt(posts + 1), INFLUENCERS.get(r.nextInt(3)), minute(r)));
    }
    for (int i = r.nextInt(16); i > 0; i--) events.add(click(r.nextInt(5) == 0 ? null : INFLUENCERS.get(r.nextInt(3)), minute(r)));
    for (int i = r.nextInt(7); i > 0; i--) {
      events.add(spend(r.nextBoolean() ? null : INFLUENCERS.get(r.nextInt(3)), (1 + r.nextInt(500)) + "." + r.nextInt(100),
          r.nextInt(7) == 0 ? "PLN" : "EUR", minute(r)));
    }
    for (int o = r.nextInt(9); o > 0; o--) randomOrder(r, "o" + o, events);
    Collections.shuffle(events, r);

    List<CampaignEvent> journal = new ArrayList<>();
    for (int i = 0; i < events.size(); ) {
      int size = 1 + r.nextInt(8);
      journal.add(new CampaignEvent.BatchRecorded(List.copyOf(events.subList(i, Math.min(events.size(), i + size)))));
      i += size;
    }
    int definitions = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(2);
    for (int d = 0; d < definitions; d++) {
      List<Enrolment> enrolled = new ArrayList<>(List.of(enrolled("anna", "ANNA10"), enrolled("kuba", "KUBA10"),
          enrolled("anna", "SHARED"), enrolled("kuba", "SHARED")));
      if (d == 1) enrolled.add(enrolled("lena", "LENA10"));
      journal.add(r.nextInt(journal.size() + 1), defined(definition("EUR", enrolled.toArray(Enrolment[]::new))));
    }
    return journal;
  }

  /** A post of one influencer on one platform, maybe announced, observed at distinct instants. */
  private static void randomPost(Random r, String post, List<IngestEvent> events) {
    String influencer = INFLUENCERS.get(r.nextInt(3));
    Platform platform = PLATFORMS[r.nextInt(PLATFORMS.length)];
    if (r.nextInt(5) > 0) events.add(published(post, influencer, platform, minute(r)));
    Set<Instant> at = new HashSet<>();
    for (int i = r.nextInt(9); i > 0; i--) at.add(minute(r));
    long views = 0, likes = 0, comments = 0, shares = 0;
    for (Instant t : at.stream().sorted().toList()) {
      views += r.nextInt(10) == 0 ? -r.nextInt(20) : r.nextInt(1000);   // platforms sometimes lower a counter
      likes += r.nextInt(60) - 5;
      comments += r.nextInt(10);
      shares += r.nextInt(4);
      boolean full = r.nextBoolean();
      events.add(new PostMetrics("m-" + post + "-" + t.getEpochSecond(), influencer, platform, post, CAMPAIGN, t, views,
          full ? views * 3 : null, full ? views / 2 : null, likes, comments, full ? shares : null, null));
    }
  }

  /** One order's events: paid, sometimes refunded (in part or whole) or canceled, in another currency or not. */
  private static void randomOrder(Random r, String order, List<IngestEvent> events) {
    String influencer = r.nextInt(4) == 0 ? INFLUENCERS.get(r.nextInt(3)) : null;
    String code = r.nextInt(6) == 0 ? null : CODES.get(r.nextInt(CODES.size()));
    String currency = r.nextInt(6) == 0 ? "USD" : "EUR";
    int paid = 10 + r.nextInt(200);
    events.add(order(order, influencer, code, paid + ".00", currency, ConversionStatus.PAID, minute(r)));
    switch (r.nextInt(4)) {
      case 0 -> events.add(order(order, influencer, code, String.valueOf(1 + r.nextInt(paid)), currency,
          ConversionStatus.REFUNDED, minute(r)));
      case 1 -> events.add(order(order, influencer, code, String.valueOf(paid), currency, ConversionStatus.CANCELED,
          minute(r)));
      default -> { }
    }
  }

  private static CampaignReport report(List<CampaignEvent> journal, Instant from, Instant to, BucketSize bucket,
      ReportDimension by) {
    var builder = new CampaignReportBuilder(CAMPAIGN, from, to, bucket, by, KpiSettings.defaults());
    journal.forEach(builder::accept);
    return builder.build();
  }

  private record Range(Instant from, Instant to, BucketSize bucket, ReportDimension by) {}

  private static Range randomRange(Random r) {
    Instant from = T0.plusSeconds(60L * (r.nextInt(SPAN_MINUTES + 4 * 1440) - 2 * 1440));
    Instant to = from.plusSeconds(60L + 60L * r.nextInt(SPAN_MINUTES));
    return new Range(from, to, BucketSize.values()[r.nextInt(3)], ReportDimension.values()[r.nextInt(3)]);
  }

  /** Every ingest event of the journal replaced in place by {@code replace}'s answer for the sequence. */
  private static List<CampaignEvent> withEvents(List<CampaignEvent> journal, UnaryOperator<List<IngestEvent>> replace) {
    List<IngestEvent> all = new ArrayList<>();
    for (CampaignEvent e : journal) if (e instanceof CampaignEvent.BatchRecorded b) all.addAll(b.events());
    List<IngestEvent> replaced = replace.apply(all);
    List<CampaignEvent> out = new ArrayList<>();
    int i = 0;
    for (CampaignEvent e : journal) {
      if (e instanceof CampaignEvent.BatchRecorded b) {
        out.add(new CampaignEvent.BatchRecorded(List.copyOf(replaced.subList(i, i + b.events().size()))));
        i += b.events().size();
      } else {
        out.add(e);
      }
    }
    if (i < replaced.size()) out.add(new CampaignEvent.BatchRecorded(List.copyOf(replaced.subList(i, replaced.size()))));
    return out;
  }

  @Test
  void seriesAndBreakdownEachSumToTheTotal() {
    Random r = new Random(SEED);
    for (int n = 0; n < JOURNALS; n++) {
      List<CampaignEvent> journal = randomJournal(r);
      Range range = randomRange(r);
      CampaignReport report = report(journal, range.from(), range.to(), range.bucket(), range.by());
      String where = "journal " + n + " " + range;
      assertSumsTo(report.total(), report.series().stream().map(CampaignReport.Point::row).toList(), where + " series");
      assertSumsTo(report.total(), report.breakdown().stream().map(CampaignReport.Entry::row).toList(), where + " breakdown");
      assertEquals(range.from(), report.series().get(0).start(), where);
      assertEquals(range.to(), report.series().get(report.series().size() - 1).end(), where);
      for (int i = 1; i < report.series().size(); i++) {
        assertEquals(report.series().get(i - 1).end(), report.series().get(i).start(), where + " point " + i);
      }
    }
  }

  /** Asserts that {@code change}, applied to the ingest events of random journals, changes no report. */
  private static void assertNoReportChanges(Random r, BiFunction<Random, List<IngestEvent>, List<IngestEvent>> change) {
    for (int n = 0; n < JOURNALS; n++) {
      List<CampaignEvent> journal = randomJournal(r);
      List<CampaignEvent> changed = withEvents(journal, events -> change.apply(r, events));
      Range range = randomRange(r);
      assertEquals(report(journal, range.from(), range.to(), range.bucket(), range.by()),
          report(changed, range.from(), range.to(), range.bucket(), range.by()), "journal " + n + " " + range);
    }
  }

  @Test
  void theOrderPostSnapshotsArriveInChangesNothing() {
    assertNoReportChanges(new Random(SEED + 1), (r, events) -> {
      List<Integer> slots = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) if (events.get(i) instanceof PostMetrics) slots.add(i);
      List<IngestEvent> snapshots = new ArrayList<>(slots.stream().map(events::get).toList());
      Collections.shuffle(snapshots, r);
      List<IngestEvent> out = new ArrayList<>(events);
      for (int i = 0; i < slots.size(); i++) out.set(slots.get(i), snapshots.get(i));
      return out;
    });
  }

  @Test
  void sendingPostSnapshotsAgainChangesNothing() {
    assertNoReportChanges(new Random(SEED + 2), (r, events) -> {
      List<IngestEvent> out = new ArrayList<>(events);
      for (IngestEvent e : events) {
        if (e instanceof PostMetrics && r.nextBoolean()) out.add(r.nextInt(out.size() + 1), e);
      }
      return out;
    });
  }

  @Test
  void adjacentRangesAddUpToTheirUnion() {
    Random r = new Random(SEED + 3);
    for (int n = 0; n < JOURNALS; n++) {
      List<CampaignEvent> journal = randomJournal(r);
      Range range = randomRange(r);
      long seconds = range.to().getEpochSecond() - range.from().getEpochSecond();
      Instant cut = range.from().plusSeconds(1 + (long) (r.nextDouble() * (seconds - 1)));
      Row whole = report(journal, range.from(), range.to(), BucketSize.DAY, range.by()).total();
      Row before = report(journal, range.from(), cut, BucketSize.DAY, range.by()).total();
      Row after = report(journal, cut, range.to(), BucketSize.DAY, range.by()).total();
      assertSumsTo(whole, List.of(before, after), "journal " + n + " " + range + " cut at " + cut);
    }
  }

  @Test
  void overAllTimeTheReportAgreesWithTheCampaignView() {
    Random r = new Random(SEED + 4);
    Instant now = T0.plusSeconds(86_400L * 40);
    for (int n = 0; n < JOURNALS; n++) {
      List<CampaignEvent> journal = randomJournal(r);
      CampaignState state = CampaignState.empty(CAMPAIGN, 1 << 16);
      for (CampaignEvent e : journal) state = state.apply(e);
      CampaignView view = state.view(now, KpiSettings.defaults());
      CampaignReport report = report(journal, T0.minusSeconds(86_400), T0.plusSeconds(86_400L * 21), BucketSize.DAY,
          ReportDimension.INFLUENCER);
      String where = "journal " + n;
      Row t = report.total();
      assertEquals(view.currency(), report.currency(), where);
      assertEquals(List.of(view.posts(), view.views(), view.impressions(), view.reach(), view.likes(), view.comments(),
              view.shares(), view.saves(), view.engagements(), view.commentsReceived(), view.clicks(), view.conversions()),
          List.of(t.posts(), t.views(), t.impressions(), t.reach(), t.likes(), t.comments(), t.shares(), t.saves(),
              t.engagements(), t.commentsReceived(), t.clicks(), t.conversions()), where);
      assertTrue(sameNumber(view.revenue(), t.revenue()), where + ": revenue " + view.revenue() + " vs " + t.revenue());
      assertTrue(sameNumber(view.spend(), t.spend()), where + ": spend " + view.spend() + " vs " + t.spend());
      Map<String, Object> kpis = view.analytics().kpis();
      for (String ratio : List.of("engagementRateByReach", "engagementRateByViews", "cpm", "cpe", "cpc", "roas",
          "conversionRate")) {
        assertTrue(sameNumber(kpis.get(ratio), ratioOf(t, ratio)), where + ": " + ratio + " " + kpis.get(ratio) + " vs "
            + ratioOf(t, ratio));
      }
      assertAgreesPerInfluencer(view.analytics(), report, where);
    }
  }

  private static Object ratioOf(Row row, String name) {
    return switch (name) {
      case "engagementRateByReach" -> row.engagementRateByReach();
      case "engagementRateByViews" -> row.engagementRateByViews();
      case "cpm" -> row.cpm();
      case "cpe" -> row.cpe();
      case "cpc" -> row.cpc();
      case "roas" -> row.roas();
      default -> row.conversionRate();
    };
  }

  private static void assertAgreesPerInfluencer(CampaignKpis analytics, CampaignReport report, String where) {
    Map<String, Row> rows = new HashMap<>();
    report.breakdown().forEach(e -> rows.put(e.key(), e.row()));
    Row nobody = rows.remove(null);
    for (CampaignKpis.InfluencerContribution c : analytics.influencers()) {
      Row row = rows.remove(c.influencerId());
      String at = where + " " + c.influencerId();
      if (row == null) {
        assertEquals(List.of(0L, 0L, 0L, 0L), List.of(c.posts(), c.views(), c.clicks(), c.conversions()), at);
        continue;
      }
      assertEquals(List.of(c.posts(), c.views(), c.reach(), c.engagements(), c.clicks(), c.conversions()),
          List.of(row.posts(), row.views(), row.reach(), row.engagements(), row.clicks(), row.conversions()), at);
      assertTrue(sameNumber(c.revenue(), row.revenue()), at + ": revenue " + c.revenue() + " vs " + row.revenue());
      assertTrue(sameNumber(c.spend(), row.spend()), at + ": spend " + c.spend() + " vs " + row.spend());
    }
    rows.forEach((key, row) -> { // comments are not part of the view's contributions
      String at = where + " " + key + " is unknown to the view";
      assertEquals(List.of(0L, 0L, 0L, 0L), List.of(row.posts(), row.views(), row.clicks(), row.conversions()), at);
      assertTrue(sameNumber(row.revenue(), row.revenue() == null ? null : BigDecimal.ZERO), at);
      assertTrue(sameNumber(row.spend(), row.spend() == null ? null : BigDecimal.ZERO), at);
    });
    if (nobody != null) {
      assertEquals(analytics.unattributedConversions(), nobody.conversions(), where);
      assertTrue(sameNumber(analytics.unattributedRevenue(), nobody.revenue()), where + ": unattributed revenue "
          + analytics.unattributedRevenue() + " vs " + nobody.revenue());
    } else {
      assertEquals(0, analytics.unattributedConversions(), where);
    }
  }

  @Test
  void theReportNeverHoldsARatioThatIsNotAFiniteNumber() {
    Random r = new Random(SEED + 5);
    for (int n = 0; n < JOURNALS; n++) {
      Range range = randomRange(r);
      CampaignReport report = report(randomJournal(r), range.from(), range.to(), range.bucket(), range.by());
      String json = io.inflow.protocol.codec.Json.write(report);
      assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
      BigDecimal cpm = report.total().cpm();
      if (report.total().impressions() <= 0) assertNull(cpm);
    }
  }
}
