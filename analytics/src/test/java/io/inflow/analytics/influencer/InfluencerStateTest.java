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
}
