package io.inflow.analytics.influencer;

import static io.inflow.analytics.Events.*;
import static org.junit.jupiter.api.Assertions.*;

import io.inflow.protocol.api.InfluencerView;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.Platform;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class InfluencerStateTest {

  private static InfluencerState applyAll(List<List<IngestEvent>> batches) {
    InfluencerState state = InfluencerState.empty("anna", 64);
    for (List<IngestEvent> batch : batches) {
      var split = state.split(batch);
      if (!split.fresh().isEmpty()) state = state.apply(new InfluencerEvent.BatchRecorded(split.fresh()));
    }
    return state;
  }

  @Test
  void latestCountersPerPostAreSummed() {
    InfluencerState state = applyAll(List.of(List.of(
        published("e1", "anna", "p1", null),
        metrics("e2", "anna", "p1", null, 10, 1000, 100, 10, 5, 2),
        metrics("e3", "anna", "p1", null, 20, 2000, 150, 12, 6, 3),
        metrics("e4", "anna", "p2", null, 15, 500, 40, 4, 0, 1),
        followers("e5", "anna", Platform.INSTAGRAM, 1, 20_000, 400))));
    InfluencerView v = state.view();
    assertEquals(2, v.posts());
    assertEquals(2500, v.views());
    assertEquals(190, v.likes());
    assertEquals(16, v.comments());
    assertEquals(6, v.shares());
    assertEquals(4, v.saves());
    assertEquals(190 + 16 + 6 + 4, v.engagements());
    assertEquals(20_000, v.followers());
    assertEquals("micro", v.tier());
    assertEquals("instagram", v.platform());
    // (216 engagements / 2 posts) / 20,000 followers
    assertEquals(0, new BigDecimal("0.0054").compareTo(v.engagementRateByFollowers()));
    assertEquals(at(20), v.updatedAt());
  }

  @Test
  void withFraudScoringOffTheSameEventsGiveTheSameViewAndNoFraudMaterial() {
    List<IngestEvent> events = List.of(
        published("e1", "anna", "p1", null),
        metrics("e2", "anna", "p1", null, 10, 1000, 100, 10, 5, 2),
        followers("e3", "anna", Platform.INSTAGRAM, 1, 20_000, 400));
    InfluencerState off = InfluencerState.empty("anna", 64, null, false).apply(new InfluencerEvent.BatchRecorded(events));
    InfluencerState on = applyAll(List.of(events));
    assertFalse(off.fraudScoring());
    assertEquals(on.view(), off.view());
    var scorer = new io.inflow.analytics.fraud.FraudScorer(io.inflow.analytics.fraud.FraudSettings.defaults());
    assertThrows(IllegalStateException.class, () -> off.fraudLevel(scorer));
    assertNull(off.snapshot().fraud());
    InfluencerState restoredOn = InfluencerState.restore(off.snapshot(), null, true);
    assertTrue(restoredOn.fraudScoring());
    assertEquals("low", restoredOn.fraudLevel(scorer), "judged from what arrives from now on");
    assertFalse(InfluencerState.restore(on.snapshot(), null, false).fraudScoring());
  }

  @Test
  void summaryCarriesTheFraudScoreAndTheLatestCoordinationPartners() {
    var scorer = new io.inflow.analytics.fraud.FraudScorer(io.inflow.analytics.fraud.FraudSettings.defaults());
    List<IngestEvent> churn = new ArrayList<>();
    for (int d = 0; d < 30; d++) {
      churn.add(followers("f" + d, "anna", Platform.INSTAGRAM, d * 1440L, 40_000 + d * 50, d >= 10 && d % 2 == 1 ? 4_700 : 700));
    }
    InfluencerState state = applyAll(List.of(churn));
    var row = state.summary(at(30 * 1440), io.inflow.analytics.kpi.KpiSettings.defaults(), scorer);
    var report = state.fraudReport(at(30 * 1440), scorer);
    assertEquals(report.score(), row.fraudScore());
    assertEquals(report.level(), row.fraudLevel());
    assertEquals("high", row.fraudLevel(), "follow/unfollow churn");
    assertEquals(List.of(), row.partners());
    assertEquals(0, row.sharedAuthorsMax());

    state = state.apply(new InfluencerEvent.CoordinationObserved(new io.inflow.analytics.fraud.CoordinationFinding(
        "anna", 2, 3, 4, 14, List.of("kuba", "ola"), at(100))));
    row = state.summary(at(30 * 1440), io.inflow.analytics.kpi.KpiSettings.defaults(), scorer);
    assertEquals(List.of("kuba", "ola"), row.partners());
    assertEquals(14, row.sharedAuthorsMax());
    assertEquals(row, InfluencerState.restore(state.snapshot()).summary(at(30 * 1440),
        io.inflow.analytics.kpi.KpiSettings.defaults(), scorer), "the finding is in the snapshot");

    state = state.apply(new InfluencerEvent.CoordinationObserved(new io.inflow.analytics.fraud.CoordinationFinding(
        "anna", 0, 0, 4, 0, List.of(), at(200))));
    row = state.summary(at(30 * 1440), io.inflow.analytics.kpi.KpiSettings.defaults(), scorer);
    assertEquals(List.of(), row.partners(), "withdrawn");
    assertEquals(0, row.sharedAuthorsMax());

    InfluencerState off = InfluencerState.empty("anna", 64, null, false).apply(new InfluencerEvent.BatchRecorded(churn));
    var offRow = off.summary(at(30 * 1440), io.inflow.analytics.kpi.KpiSettings.defaults(), scorer);
    assertNull(offRow.fraudScore());
    assertNull(offRow.fraudLevel());
    assertEquals(List.of(), offRow.partners());
    assertEquals(row.followers(), offRow.followers());
    assertNull(state.summary(at(30 * 1440), io.inflow.analytics.kpi.KpiSettings.defaults(), null).fraudScore(),
        "no scorer, no score");
  }

  @Test
  void olderSnapshotArrivingLateChangesNothing() {
    InfluencerState state = applyAll(List.of(
        List.of(metrics("e1", "anna", "p1", null, 20, 2000, 150, 12, 0, 0)),
        List.of(metrics("e2", "anna", "p1", null, 10, 1000, 100, 10, 0, 0))));
    assertEquals(2000, state.view().views());
    assertEquals(150, state.view().likes());
  }

  @Test
  void followersKeepTheLatestObservationPerPlatformAndSumAcrossPlatforms() {
    InfluencerState state = applyAll(List.of(List.of(
        followers("f1", "anna", Platform.INSTAGRAM, 10, 600_000, 100),
        followers("f2", "anna", Platform.INSTAGRAM, 5, 1, 1),
        followers("f3", "anna", Platform.TIKTOK, 10, 500_000, 50))));
    InfluencerView v = state.view();
    assertEquals(1_100_000, v.followers());
    assertEquals(150, v.following());
    assertEquals("mega", v.tier());
    assertEquals("instagram", v.platform());
    assertEquals(2, v.accounts().size());
  }

  @Test
  void sameBatchTwiceEqualsOnce() {
    List<IngestEvent> batch = List.of(
        metrics("e1", "anna", "p1", null, 10, 1000, 100, 10, 5, 2),
        comment("e2", "anna", "p1", null),
        click("e3", "camp", "anna"));
    InfluencerState once = applyAll(List.of(batch));
    InfluencerState twice = applyAll(List.of(batch, batch));
    assertEquals(once.view(), twice.view());
    assertEquals(3, twice.view().eventsRecorded());
    assertEquals(List.of("e1", "e2", "e3"), twice.split(batch).duplicateIds());
  }

  @Test
  void aRepeatedIdInsideOneBatchCountsOnce() {
    var split = InfluencerState.empty("anna", 64).split(List.of(
        click("same", "camp", "anna"), click("same", "camp", "anna")));
    assertEquals(1, split.fresh().size());
    assertEquals(List.of("same"), split.duplicateIds());
  }

  /** Law: any interleaving of retries (within the dedup window) gives the state of applying each event once. */
  @RepeatedTest(20)
  void retriesInAnyOrderEqualApplyingEachEventOnce(RepetitionInfo info) {
    long seed = 1000L + info.getCurrentRepetition();
    Random random = new Random(seed);
    List<IngestEvent> unique = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String post = "p" + random.nextInt(4);
      unique.add(switch (random.nextInt(4)) {
        case 0 -> metrics("m" + i, "anna", post, null, random.nextInt(100), random.nextInt(10_000),
            random.nextInt(1000), random.nextInt(100), random.nextInt(10), random.nextInt(10));
        case 1 -> comment("c" + i, "anna", post, null);
        case 2 -> click("k" + i, "camp", "anna");
        default -> followers("f" + i, "anna", Platform.TIKTOK, random.nextInt(100), random.nextInt(50_000), 10);
      });
    }
    List<List<IngestEvent>> retried = new ArrayList<>();
    for (int start = 0; start < unique.size(); ) {
      int end = Math.min(unique.size(), start + 1 + random.nextInt(8));
      List<IngestEvent> batch = new ArrayList<>(unique.subList(start, end));
      retried.add(batch);
      if (random.nextBoolean()) { // a retry of an earlier batch, reshuffled
        List<IngestEvent> again = new ArrayList<>(retried.get(random.nextInt(retried.size())));
        Collections.shuffle(again, random);
        retried.add(again);
      }
      start = end;
    }
    assertEquals(applyAll(List.of(unique)).view(), applyAll(retried).view(), "seed " + seed);
  }

  @Test
  void snapshotRoundTripKeepsEverythingIncludingSeenIds() {
    List<IngestEvent> batch = List.of(
        followers("f1", "anna", Platform.YOUTUBE, 1, 12_000, 10),
        metrics("m1", "anna", "p1", null, 10, 1000, 100, 10, 5, 2),
        comment("c1", "anna", "p1", null));
    InfluencerState state = applyAll(List.of(batch));
    InfluencerState restored = InfluencerState.restore(state.snapshot());
    assertEquals(state.view(), restored.view());
    assertEquals(3, restored.split(batch).duplicateIds().size());
  }

  @Test
  void theEmptyStateIsNeverChangedSoARestartRecoversFromAClean() {
    InfluencerState empty = InfluencerState.empty("anna", 64);
    InfluencerState next = empty.apply(new InfluencerEvent.BatchRecorded(List.of(click("k", "c", "anna"))));
    assertNotSame(empty, next);
    assertTrue(empty.isEmpty());
    assertEquals(1, next.view().clicks());
    assertTrue(empty.split(List.of(click("k", "c", "anna"))).duplicateIds().isEmpty());
  }

  @Test
  void unknownUntilTheFirstEvent() {
    assertTrue(InfluencerState.empty("x", 64).isEmpty());
    assertNull(InfluencerState.empty("x", 64).view().engagementRateByFollowers());
  }

  /**
   * Worked by hand, read at day 30 00:30. Followers 10,000 (day 10, a baseline) → 10,500 (5 days ago)
   * → 10,400 (30 min ago). Post p1: views 1,000 / likes 100 / comments 10 ten days ago, 3,000 / 250 / 30
   * two hours ago; p2: 500 / 40 / 5 twenty minutes ago (reach is half the views in these events).
   */
  @Test
  void rollingWindowsAndGrowthWorkedByHand() {
    long now = 30 * 1440 + 30;
    List<IngestEvent> events = List.of(
        followers("f1", "anna", Platform.INSTAGRAM, now - 20 * 1440, 10_000, 100),
        followers("f2", "anna", Platform.INSTAGRAM, now - 5 * 1440, 10_500, 100),
        followers("f3", "anna", Platform.INSTAGRAM, now - 30, 10_400, 100),
        metrics("m1", "anna", "p1", null, now - 10 * 1440, 1000, 100, 10, 0, 0),
        metrics("m2", "anna", "p1", null, now - 120, 3000, 250, 30, 0, 0),
        metrics("m3", "anna", "p2", null, now - 20, 500, 40, 5, 0, 0));
    for (long seed = 0; seed < 6; seed++) {
      List<IngestEvent> shuffled = new ArrayList<>(events);
      Collections.shuffle(shuffled, new Random(seed));
      List<List<IngestEvent>> batches = shuffled.stream().map(List::of).toList();
      InfluencerState state = applyAll(batches);
      InfluencerView v = state.view(at(now), io.inflow.analytics.kpi.KpiSettings.defaults());

      var hour = v.windows().get("1h"); // p2 only; followers −100
      assertEquals(1, hour.posts());
      assertEquals(45, hour.engagements());
      assertEquals(-100, hour.followerGrowth());
      assertEquals(new BigDecimal("0.00432692"), hour.engagementRateByFollowers()); // 45 / 1 / 10,400

      var day = v.windows().get("24h"); // p1 grew 2,000 views / 170 engagements, p2 500 / 45
      assertEquals(2, day.posts());
      assertEquals(2500, day.views());
      assertEquals(1250, day.reach());
      assertEquals(215, day.engagements());
      assertEquals(new BigDecimal("0.0103365"), day.engagementRateByFollowers()); // 215 / 2 / 10,400
      assertEquals(new BigDecimal("0.172"), day.engagementRateByReach()); // 215 / 1,250
      assertEquals(new BigDecimal("0.086"), day.engagementRateByViews()); // 215 / 2,500

      assertEquals(215, v.windows().get("7d").engagements());
      assertEquals(400, v.windows().get("7d").followerGrowth()); // +500 − 100; day 10 is the baseline
      assertEquals(325, v.windows().get("30d").engagements()); // p1's first 110 too
      assertEquals(325, v.windows().get("toDate").engagements());
      assertEquals(List.of("1h", "24h", "7d", "30d", "toDate"), List.copyOf(v.windows().keySet()));

      assertEquals(400, v.growth().change7d());
      assertEquals(0, new BigDecimal("0.04").compareTo(v.growth().rate7d())); // 400 / 10,000
      assertEquals(400, v.growth().change30d());
      assertEquals(0, new BigDecimal("0.015625").compareTo(v.engagementRateByFollowers())); // 325 / 2 / 10,400

      assertEquals(v, InfluencerState.restore(state.snapshot()).view(at(now), io.inflow.analytics.kpi.KpiSettings.defaults()), "snapshot round trip");
    }
  }

  @Test
  void windowsAreEmptyLongAfterTheLastEvent() {
    InfluencerState state = applyAll(List.of(List.of(
        metrics("m1", "anna", "p1", null, 10, 1000, 100, 10, 0, 0),
        followers("f1", "anna", Platform.INSTAGRAM, 10, 5_000, 10))));
    InfluencerView v = state.view(at(60L * 24 * 60), io.inflow.analytics.kpi.KpiSettings.defaults());
    assertEquals(0, v.windows().get("30d").engagements());
    assertNull(v.windows().get("30d").engagementRateByFollowers());
    assertEquals(110, v.windows().get("toDate").engagements());
    assertEquals(0, v.growth().change7d());
    assertEquals(0, BigDecimal.ZERO.compareTo(v.growth().rate7d()));
  }
}
