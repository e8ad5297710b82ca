package io.inflow.analytics.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.protocol.event.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostTotalsTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  private static PostCounters at(Instant when, long views, long likes) {
    return new PostCounters(Platform.INSTAGRAM, "c1", when, views, 0, 0, likes, 0, 0, 0);
  }

  @Test
  void theLatestObservationOfEachPostCountsOnce() {
    PostTotals totals = new PostTotals();
    assertTrue(totals.observe("p1", at(T, 100, 10)));
    assertTrue(totals.observe("p2", at(T, 50, 5)));
    assertTrue(totals.observe("p1", at(T.plusSeconds(60), 300, 30)));
    assertFalse(totals.observe("p1", at(T.plusSeconds(30), 200, 20)), "an older observation changes nothing");
    assertTrue(totals.observe("p1", at(T.plusSeconds(60), 300, 30)), "the same instant again is accepted");
    assertTrue(totals.observe("p1", at(T.plusSeconds(60).plusNanos(1), 310, 31)));
    assertEquals(360, totals.views());
    assertEquals(36, totals.likes());
    assertEquals(2, totals.posts());
    assertEquals(2, totals.postsWithMetrics());
    assertEquals(at(T.plusSeconds(60).plusNanos(1), 310, 31), totals.latestByPost().get("p1"));
  }

  @Test
  void aRegisteredPostCountsWithMetricsOnlyOnceObserved() {
    PostTotals totals = new PostTotals();
    totals.register("p1", new PostCounters(Platform.TIKTOK, "c1", Instant.EPOCH, 0, 0, 0, 0, 0, 0, 0));
    assertEquals(1, totals.posts());
    assertEquals(0, totals.postsWithMetrics());
    totals.register("p1", new PostCounters(Platform.YOUTUBE, "c2", Instant.EPOCH, 0, 0, 0, 0, 0, 0, 0));
    assertEquals(Platform.TIKTOK, totals.latestByPost().get("p1").platform(), "a second registration changes nothing");
    totals.observe("p1", at(T, 10, 1));
    assertEquals(1, totals.postsWithMetrics());
    PostTotals restored = PostTotals.restore(totals.latestByPost());
    assertEquals(totals.latestByPost(), restored.latestByPost());
    assertEquals(totals.views(), restored.views());
    assertEquals(1, restored.postsWithMetrics());
  }
}
