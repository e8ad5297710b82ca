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

  @Test
  void keepsBetweenOneAndOneAndAQuarterWindowsInSortedSealedGenerations() {
    RecentEventIds ids = new RecentEventIds(1_000);
    for (int i = 0; i < 10_000; i++) {
      assertTrue(ids.add("e" + i));
      long[][] g = ids.generations();
      int held = g[0].length + g[1].length;
      assertTrue(held <= 1_250, "held " + held + " after " + (i + 1));
      if (i >= 999) assertTrue(held >= 1_000, "held " + held + " after " + (i + 1));
    }
    for (int i = 9_000; i < 10_000; i++) assertFalse(ids.add("e" + i), "e" + i + " is within the window");
    assertTrue(ids.add("e7999"), "e7999 is 2,000 ids back, beyond 1¼ windows");
  }

  @Test
  void restoreRebuildsTheSameGenerations() {
    RecentEventIds ids = new RecentEventIds(64);
    for (int i = 0; i < 150; i++) ids.add("y" + i);
    long[][] g = ids.generations();
    long[][] again = RecentEventIds.restore(64, g[0], g[1]).generations();
    assertArrayEquals(g[0], again[0]);
    assertArrayEquals(g[1], again[1]);
    for (int i = 0; i < 40; i++) ids.add("z" + i);
    RecentEventIds restored = RecentEventIds.restore(64, g[0], g[1]);
    for (int i = 0; i < 40; i++) restored.add("z" + i);
    assertArrayEquals(ids.generations()[0], restored.generations()[0], "the same ids are forgotten after restore");
  }

  @Test
  void restoresASnapshotOfTwoWholeWindowGenerationsAsItsNewestWindow() {
    // snapshots written before generations were sealed held two open generations of a whole window each
    long[] previous = new long[64];
    long[] current = new long[64];
    for (int i = 0; i < 64; i++) {
      previous[i] = RecentEventIds.hash("old" + i);
      current[i] = RecentEventIds.hash("new" + i);
    }
    RecentEventIds restored = RecentEventIds.restore(64, previous, current);
    for (int i = 0; i < 64; i++) assertTrue(restored.contains("new" + i), "new" + i);
    assertFalse(restored.contains("old0"), "beyond 1¼ windows");
    long[][] g = restored.generations();
    assertTrue(g[0].length + g[1].length <= 80);
  }

  @Test
  void aFullWindowTakesNoNewMemoryPerGeneration() {
    // The window's arrays outlive young collections; replacing them every generation filled the old
    // generation with garbage. Once full, only hashing an id allocates (its UTF-8 bytes, ~24 bytes).
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    RecentEventIds ids = new RecentEventIds(4_096);
    String[] fresh = new String[60_000];
    for (int i = 0; i < fresh.length; i++) fresh[i] = "e" + i;
    for (int i = 0; i < 20_000; i++) ids.add(fresh[i]);
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    for (int i = 20_000; i < 60_000; i++) ids.add(fresh[i]); // ~39 generations of 1,024
    long perId = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / 40_000;
    assertTrue(perId < 48, perId + " bytes allocated per new id with the window full");
    assertTrue(ids.contains("e59999") && !ids.add("e58000") && ids.add("e0"));
  }
}
