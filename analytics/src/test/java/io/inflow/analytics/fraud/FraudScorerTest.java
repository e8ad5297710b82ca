package io.inflow.analytics.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.protocol.api.FraudReport;
import io.inflow.protocol.api.FraudSignal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FraudScorerTest {
  private static final FraudScorer SCORER = new FraudScorer(FraudSettings.defaults());
  private static final String[] TEXTS = {
    "Where did you get that jacket?", "Gdzie kupiłaś tę sukienkę?", "The colours in the second photo are unreal",
    "Kod nie działa :(", "Did you edit this on your phone?", "Zamówiłam wczoraj, czekam na paczkę", "Love it",
    "How long did the hike take?", "Czy to jest reklama?", "This one reminds me of Lisbon"};

  /** A micro Instagram influencer with 60 quiet days, 10 mature posts at 3.5% ER and a real comment section. */
  private static FraudFixtures organic() {
    FraudFixtures f = new FraudFixtures();
    for (int d = 0; d < 60; d++) f.followers(d, 50_000 + d * 100 + (d % 3) * 15, 600 + d % 5);
    for (int p = 0; p < 10; p++) f.maturePost("p" + p, 5 + p * 5, 30_000 + p * 500, 1_650 + p * 10, 60 + p);
    java.util.Random random = new java.util.Random(7);
    for (int p = 0; p < 10; p++) {
      for (int c = 0; c < 15; c++) {
        f.comment("p" + p, "fan" + random.nextInt(2_000), TEXTS[random.nextInt(TEXTS.length)] + " " + c + p, 5 + p * 5 + c * 0.01);
      }
    }
    return f.audience(150, 20, 12);
  }

  private static FraudReport report(FraudFixtures f) {
    long followers = f.tracker().follows(f.tracker().mainPlatform()).lastEntry().getValue()[0];
    return SCORER.report("inf", f.tracker(), followers, Instant.parse("2026-11-01T00:00:00Z"));
  }

  private static FraudSignal signal(FraudReport r, Signal s) {
    return r.signals().stream().filter(x -> x.signal().equals(s.wireName())).findFirst().orElseThrow();
  }

  @Test
  void organicInfluencerScoresNothing() {
    FraudReport r = report(organic());
    for (FraudSignal s : r.signals()) assertEquals(0, s.contribution(), s.signal() + ": " + s.explanation());
    assertEquals(0, r.score());
    assertEquals("low", r.level());
    assertEquals("micro", r.tier());
    assertEquals(Signal.values().length, r.signals().size());
    r.signals().forEach(s -> assertTrue(s.explanation().endsWith("."), s.explanation()));
  }

  @Test
  void followerJumpWithoutEngagementCountsAndSaysSo() {
    FraudFixtures f = organic();
    f.followers(60, 56_000 + 20_000, 605).followers(61, 76_100, 605);
    FraudSignal growth = signal(report(f), Signal.FOLLOWER_GROWTH);
    assertTrue(growth.contribution() > 30, growth.toString());
    assertEquals(0.3588, growth.value(), 1e-4); // 20,070 / 55,930
    assertEquals(0.03, growth.baseline());
    assertTrue(growth.explanation().startsWith("Followers grew 36% on 2026-10-31 while engagement stayed flat"), growth.explanation());
    assertTrue(growth.explanation().contains("under 1% of days for micro influencers"), growth.explanation());
  }

  @Test
  void followerHistoryMarksAStepJumpAsTheAnomalyTheSignalCounts() {
    FraudFixtures f = organic();
    f.followers(60, 76_000, 605).followers(61, 76_100, 605);
    FraudReport r = report(f);
    List<FraudReport.FollowerPoint> history = r.followerHistory();
    assertEquals(62, history.size(), "one point per day held");
    assertEquals(FraudFixtures.day(0).truncatedTo(java.time.temporal.ChronoUnit.DAYS), history.get(0).day());
    assertNull(history.get(0).change(), "nothing before the first point");
    assertNull(history.get(0).anomalyScore(), "before the 60 days the signal judges");
    assertNull(history.get(2).anomalyScore(), "the first judged day has no rate");
    assertEquals(50_000 + 100 + 15, history.get(0).followers() + history.get(1).change());

    FraudReport.FollowerPoint jump = history.get(60);
    assertEquals(76_000, jump.followers());
    assertEquals(76_000 - (50_000 + 59 * 100 + (59 % 3) * 15), jump.change());
    assertTrue(jump.anomaly(), jump.toString());
    assertTrue(jump.anomalyScore() >= FraudScorer.MIN_ROBUST_Z, jump.toString());
    assertEquals(List.of(jump), history.stream().filter(FraudReport.FollowerPoint::anomaly).toList(), "only the jump");
    assertTrue(signal(r, Signal.FOLLOWER_GROWTH).contribution() > 0, "the signal counts the same day");
    String jumpDate = jump.day().toString().substring(0, 10);
    assertTrue(signal(r, Signal.FOLLOWER_GROWTH).explanation().contains(jumpDate), jumpDate);
  }

  @Test
  void followerHistoryOfFlatOrSteadySeriesHasNoAnomaly() {
    FraudReport flat = report(new FraudFixtures().steadyFollowers(0, 30, 50_000, 0, 500));
    assertEquals(30, flat.followerHistory().size());
    for (FraudReport.FollowerPoint p : flat.followerHistory().subList(1, 30)) {
      assertEquals(0L, p.change());
      assertEquals(0.0, p.anomalyScore(), p.toString());
      assertFalse(p.anomaly(), p.toString());
    }
    FraudReport organic = report(organic());
    assertEquals(60, organic.followerHistory().size());
    assertTrue(organic.followerHistory().stream().noneMatch(FraudReport.FollowerPoint::anomaly));
    assertTrue(organic.followerHistory().stream().skip(1).allMatch(p -> p.anomalyScore() != null
        && Math.abs(p.anomalyScore()) < FraudScorer.MIN_ROBUST_Z), organic.followerHistory().toString());
  }

  @Test
  void fewerThanEightDaysAreShownButNotScoredAndTheLevelCheckSkipsTheHistory() {
    FraudFixtures f = new FraudFixtures().steadyFollowers(0, 5, 10_000, 0, 300).followers(5, 30_000, 300);
    FraudReport r = report(f);
    assertEquals(6, r.followerHistory().size());
    assertEquals(20_000L, r.followerHistory().get(5).change());
    assertTrue(r.followerHistory().stream().allMatch(p -> p.anomalyScore() == null && !p.anomaly()));
    assertEquals(List.of(), SCORER.score("inf", f.tracker(), 30_000).followerHistory());
    assertEquals(List.of(), SCORER.report("inf", new FraudTracker(), 0, Instant.EPOCH).followerHistory());
  }

  @Test
  void viralMomentIsNotCounted() {
    FraudFixtures f = organic();
    // a post explodes on day 59-61: engagement far above the previous weeks, followers jump with it
    f.post("viral", 59.5, 300_000, 25_000, 900).post("viral", 60.5, 1_500_000, 120_000, 4_000);
    f.followers(60, 56_000 + 20_000, 605).followers(61, 80_000, 605);
    FraudReport r = report(f);
    FraudSignal growth = signal(r, Signal.FOLLOWER_GROWTH);
    assertEquals(0, growth.contribution(), growth.explanation());
    assertTrue(growth.explanation().contains("viral"), growth.explanation());
    assertEquals("low", r.level());
    assertTrue(r.followerHistory().get(60).anomaly(), "unusual growth, though engagement explains it");
  }

  @Test
  void followUnfollowChurn() {
    FraudFixtures f = organic();
    for (int d = 60; d < 75; d++) f.followers(d, 56_000 + d * 10, d % 2 == 0 ? 600 : 3_600);
    FraudSignal churn = signal(report(f), Signal.FOLLOWING_CHURN);
    assertTrue(churn.contribution() > 40, churn.toString());
    assertTrue(churn.explanation().contains("follow/unfollow automation"), churn.explanation());
  }

  @Test
  void engagementFarAboveTheTierRange() {
    FraudFixtures f = new FraudFixtures().steadyFollowers(0, 30, 50_000, 20, 500);
    for (int p = 0; p < 5; p++) f.maturePost("p" + p, 3 + p * 4, 200_000, 15_000, 400); // 30% ER
    FraudSignal er = signal(report(f), Signal.ENGAGEMENT_RATE);
    assertTrue(er.contribution() > 20, er.toString());
    assertEquals(0.035, er.baseline());
    assertTrue(er.explanation().contains("bought likes or engagement pods"), er.explanation());
  }

  @Test
  void engagementFarBelowTheTierRange() {
    FraudFixtures f = new FraudFixtures().steadyFollowers(0, 30, 50_000, 20, 500);
    for (int p = 0; p < 5; p++) f.maturePost("p" + p, 3 + p * 4, 4_000, 90, 6); // 0.19% ER
    FraudSignal er = signal(report(f), Signal.ENGAGEMENT_RATE);
    assertTrue(er.contribution() > 20, er.toString());
    assertTrue(er.explanation().contains("bought followers"), er.explanation());
  }

  @Test
  void viewsWithoutLikesAndLikesWithoutComments() {
    FraudFixtures f = new FraudFixtures().steadyFollowers(0, 30, 50_000, 20, 500);
    for (int p = 0; p < 5; p++) f.maturePost("p" + p, 3 + p * 4, 900_000, 1_500, 2);
    FraudReport r = report(f);
    assertTrue(signal(r, Signal.LIKE_VIEW_RATIO).contribution() > 20, signal(r, Signal.LIKE_VIEW_RATIO).toString());
    assertTrue(signal(r, Signal.LIKE_COMMENT_RATIO).contribution() > 20, signal(r, Signal.LIKE_COMMENT_RATIO).toString());
  }

  @Test
  void viewBurstsWithoutLikes() {
    FraudFixtures f = new FraudFixtures().steadyFollowers(0, 30, 50_000, 20, 500);
    for (int p = 0; p < 5; p++) {
      f.post("p" + p, 3 + p * 4, 10_000, 600, 30).post("p" + p, 3.5 + p * 4, 40_000, 650, 32)
          .post("p" + p, 4.5 + p * 4, 42_000, 700, 35);
    }
    FraudSignal bursts = signal(report(f), Signal.VIEW_BURSTS);
    assertEquals(1.0, bursts.value());
    assertEquals(55, bursts.contribution());
  }

  @Test
  void likesRunningAheadOfViews() {
    FraudFixtures f = new FraudFixtures().steadyFollowers(0, 30, 50_000, 20, 500);
    for (int p = 0; p < 5; p++) {
      // bought likes delivered in the first hour: 1,500 likes on 4,000 views, then views catch up
      f.post("p" + p, 3 + p * 4, 4_000, 1_500, 30).post("p" + p, 3.5 + p * 4, 20_000, 1_800, 60)
          .post("p" + p, 4.5 + p * 4, 30_000, 2_000, 80);
    }
    FraudSignal likes = signal(report(f), Signal.LIKE_BURSTS);
    assertEquals(1.0, likes.value());
    assertEquals(55, likes.contribution());
    assertTrue(likes.explanation().contains("likes ran ahead of views"), likes.explanation());
  }

  @Test
  void genericAndRepeatedCommentsCount() {
    FraudFixtures f = new FraudFixtures();
    for (int c = 0; c < 100; c++) f.comment("p" + c % 4, "bot" + c, c % 2 == 0 ? "Amazing!! 🔥" : "🔥🔥", 1 + c * 0.01);
    FraudSignal comments = signal(report(f.steadyFollowers(0, 10, 5_000, 5, 300)), Signal.COMMENT_AUTHENTICITY);
    assertEquals(1.0, comments.value());
    assertEquals(55, comments.contribution());
    assertTrue(comments.explanation().contains("50% generic, 50% emoji-only"), comments.explanation());
  }

  @Test
  void sameCommentersInTheSameOrderAcrossPosts() {
    FraudFixtures f = new FraudFixtures().steadyFollowers(0, 10, 5_000, 5, 300);
    for (int p = 0; p < 5; p++) {
      for (int a = 0; a < 20; a++) f.comment("p" + p, "pod" + a, "Great shot of the harbour " + a + p, 1 + p + a * 0.001);
    }
    FraudSignal order = signal(report(f), Signal.COMMENTER_ORDER);
    // posts 2..5 repeat all 19 pairs of the first post: 76 of 95 pairs
    assertEquals(0.8, order.value(), 1e-9);
    assertEquals(45, order.contribution());
  }

  @Test
  void audienceQualityUsesTheLowerBoundSoSmallSamplesDoNotScore() {
    FraudFixtures big = organic().audience(40, 10, 50).audience(40, 10, 50).audience(40, 10, 50);
    FraudSignal quality = signal(report(big), Signal.AUDIENCE_QUALITY);
    assertEquals(0.6, quality.value(), 1e-9);
    assertTrue(quality.contribution() > 15, quality.toString());
    FraudFixtures small = new FraudFixtures().steadyFollowers(0, 10, 5_000, 5, 300).audience(8, 1, 11);
    FraudReport r = report(small);
    assertEquals(0, signal(r, Signal.AUDIENCE_QUALITY).contribution()); // 20 accounts: below the 30 minimum
    assertNull(signal(r, Signal.AUDIENCE_QUALITY).value());
  }

  @Test
  void coordinationFindingCounts() {
    FraudFixtures f = organic();
    f.tracker().observeCoordination(new CoordinationFinding("inf", 4, 3, 3, 22, List.of("a", "b", "c", "d"), FraudFixtures.day(50)));
    FraudReport r = report(f);
    FraudSignal pod = signal(r, Signal.COORDINATED_ENGAGEMENT);
    assertEquals(45, pod.contribution()); // 60 × (4 − 1) / (5 − 1)
    assertTrue(pod.explanation().contains("engagement pod"), pod.explanation());
    assertEquals(List.of("a", "b", "c", "d"), r.partners());
    f.tracker().observeCoordination(new CoordinationFinding("inf", 0, 0, 3, 0, List.of(), FraudFixtures.day(55)));
    assertEquals(List.of(), report(f).partners(), "a withdrawn finding has no partners");
    assertEquals(0, signal(report(f), Signal.COORDINATED_ENGAGEMENT).contribution());
    assertEquals(List.of(), report(organic()).partners());
  }

  @Test
  void scoreIsTheCappedSumAndLevelsFollowSettings() {
    FraudFixtures f = organic();
    f.tracker().observeCoordination(new CoordinationFinding("inf", 9, 3, 3, 22, List.of("a"), FraudFixtures.day(50)));
    for (int d = 60; d < 75; d++) f.followers(d, 56_000 + d * 10, d % 2 == 0 ? 600 : 3_600);
    FraudReport r = report(f);
    double sum = r.signals().stream().mapToDouble(FraudSignal::contribution).sum();
    assertEquals(Math.min(100, sum), r.score(), 0.05);
    assertEquals("high", r.level());
    assertEquals("medium", SCORER.level(25));
    assertEquals("low", SCORER.level(24.9));
  }

  @Test
  void emptyTrackerExplainsWhatIsMissing() {
    FraudReport r = SCORER.report("inf", new FraudTracker(), 0, Instant.EPOCH);
    assertEquals(0, r.score());
    assertEquals(0, r.audience().sampled());
    assertNull(r.audience().suspiciousShare());
    assertTrue(signal(r, Signal.FOLLOWER_GROWTH).explanation().contains("No follower counts"));
  }

  @Test
  void snapshotRoundTripGivesTheSameReport() {
    FraudFixtures f = organic();
    f.tracker().observeCoordination(new CoordinationFinding("inf", 3, 2, 3, 12, List.of("a", "b", "c"), FraudFixtures.day(50)));
    FraudReport before = report(f);
    FraudTracker restored = FraudTracker.restore(f.tracker().snapshot());
    long followers = restored.follows(restored.mainPlatform()).lastEntry().getValue()[0];
    assertEquals(before, SCORER.report("inf", restored, followers, before.computedAt()));
  }

  /**
   * Snapshots written before the comment ring grew on demand hold all 500 slots (zeros beyond the
   * comments seen); they restore to the same report, and both restored trackers go on identically.
   */
  @Test
  void fullSizeCommentRingsOfOlderSnapshotsRestoreAndGoOnTheSame() {
    FraudFixtures f = organic();
    for (int i = 0; i < 40; i++) f.comment("p1", "fan" + i, i % 3 == 0 ? "Super!" : "Great recipe number " + i, 50.1);
    FraudTracker.Snapshot now = f.tracker().snapshot();
    assertTrue(now.commentKeys().length < FraudTracker.COMMENTS_KEPT, "only filled slots are kept");
    FraudTracker.Snapshot old = new FraudTracker.Snapshot(now.follows(), now.activity(), now.posts(),
        java.util.Arrays.copyOf(now.commentFlags(), FraudTracker.COMMENTS_KEPT),
        java.util.Arrays.copyOf(now.commentKeys(), FraudTracker.COMMENTS_KEPT), now.commentsSeen(), now.samples(),
        now.coordination());
    FraudTracker fromNew = FraudTracker.restore(now);
    FraudTracker fromOld = FraudTracker.restore(old);
    FraudReport before = report(f);
    long followers = fromOld.follows(fromOld.mainPlatform()).lastEntry().getValue()[0];
    assertEquals(before, SCORER.report("inf", fromOld, followers, before.computedAt()));
    for (int i = 0; i < 600; i++) {
      var c = new io.inflow.protocol.event.CommentPosted("n" + i, "inf", "p2", null, "k" + i, "fan" + (i % 70),
          i % 2 == 0 ? "Super!" : "Looks tasty " + (i % 50), FraudFixtures.day(51));
      fromNew.observeComment(c);
      fromOld.observeComment(c);
    }
    assertEquals(SCORER.report("inf", fromNew, followers, before.computedAt()),
        SCORER.report("inf", fromOld, followers, before.computedAt()));
    assertEquals(FraudTracker.COMMENTS_KEPT, fromNew.snapshot().commentKeys().length, "a full ring");
  }

  @Test
  void wilsonIntervalAgreesWithCommonsMath() {
    for (int[] c : new int[][] {{100, 30}, {30, 1}, {500, 250}, {40, 39}}) {
      var ours = FraudScorer.wilson(c[0], c[1]);
      var theirs = new org.apache.commons.math3.stat.interval.WilsonScoreInterval().createInterval(c[0], c[1], 0.95);
      assertEquals(theirs.getLowerBound(), ours.getLowerBound(), 1e-12);
      assertEquals(theirs.getUpperBound(), ours.getUpperBound(), 1e-12);
    }
    assertEquals(0, FraudScorer.wilson(50, 0).getLowerBound(), 1e-12);
    assertEquals(1, FraudScorer.wilson(50, 50).getUpperBound(), 1e-12);
  }
}
