package io.inflow.analytics.common;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RecentEventIdsTest {

  @Test
  void remembersAtLeastOneGenerationAndForgetsBeyondTwo() {
    RecentEventIds ids = new RecentEventIds(100);
    for (int i = 0; i < 250; i++) assertTrue(ids.add("e" + i));
    for (int i = 150; i < 250; i++) assertTrue(ids.contains("e" + i), "recent id e" + i);
    assertFalse(ids.contains("e0"), "ids older than two generations are forgotten");
    assertFalse(ids.add("e249"));
  }

  @Test
  void restoreKeepsMembership() {
    RecentEventIds ids = new RecentEventIds(16);
    for (int i = 0; i < 30; i++) ids.add("x" + i);
    long[][] g = ids.generations();
    RecentEventIds restored = RecentEventIds.restore(16, g[0], g[1]);
    for (int i = 0; i < 30; i++) assertEquals(ids.contains("x" + i), restored.contains("x" + i));
    assertTrue(restored.contains("x29"));
  }
}
