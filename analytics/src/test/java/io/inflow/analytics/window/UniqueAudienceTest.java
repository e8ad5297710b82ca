package io.inflow.analytics.window;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueAudienceTest {

  private static UniqueAudience of(int fromInclusive, int toExclusive) {
    UniqueAudience u = UniqueAudience.create();
    for (int i = fromInclusive; i < toExclusive; i++) u.add("visitor-" + i);
    return u;
  }

  @Test
  void smallCountsAreNearlyExact() {
    for (int n : new int[] {0, 1, 10, 100}) {
      long estimate = of(0, n).estimate();
      assertTrue(Math.abs(estimate - n) <= 1, n + " → " + estimate);
    }
  }

  @Test
  void largeCountsAreWithinFourStandardErrors() {
    UniqueAudience u = of(0, 200_000);
    double error = Math.abs(u.estimate() - 200_000) / 200_000.0;
    assertEquals(0.782 / 64, u.relativeStandardError(), 1e-12);
    assertTrue(error < 4 * u.relativeStandardError(), "relative error " + error);
  }

  @Test
  void addingTheSamePeopleAgainChangesNothing() {
    UniqueAudience u = of(0, 5_000);
    byte[] before = u.toBytes();
    for (int i = 0; i < 5_000; i++) u.add("visitor-" + i);
    u.add(null);
    u.add(" ");
    assertArrayEquals(before, u.toBytes());
  }

  @Test
  void mergingIsTheUnion() {
    UniqueAudience a = of(0, 60_000);
    UniqueAudience b = of(40_000, 100_000);
    UniqueAudience all = of(0, 100_000);
    assertArrayEquals(all.toBytes(), UniqueAudience.union(List.of(a, b)).toBytes());
    a.addAll(b);
    assertArrayEquals(all.toBytes(), a.toBytes());
    assertEquals(UniqueAudience.create().estimate(), UniqueAudience.union(List.of()).estimate());
  }

  @Test
  void mergingDifferentPrecisionsKeepsTheLower() {
    UniqueAudience coarse = UniqueAudience.create(8);
    coarse.add("x");
    UniqueAudience fine = of(0, 10);
    fine.addAll(coarse);
    assertEquals(8, fine.precision());
    assertTrue(Math.abs(fine.estimate() - 11) <= 1);
  }

  @Test
  void bytesRoundTrip() {
    UniqueAudience u = of(0, 12_345);
    UniqueAudience back = UniqueAudience.fromBytes(u.toBytes());
    assertEquals(u.estimate(), back.estimate());
    assertArrayEquals(u.toBytes(), back.toBytes());
    assertEquals(4_097, u.toBytes().length);
    byte[] bytes = u.toBytes();
    bytes[1] ^= 1;
    assertEquals(12_345 > 0, u.estimate() > 0, "the sketch does not share the returned array");
    assertThrows(IllegalArgumentException.class, () -> UniqueAudience.fromBytes(new byte[] {2, 0, 0}));
    assertThrows(IllegalArgumentException.class, () -> UniqueAudience.fromBytes(new byte[100]));
    assertThrows(IllegalArgumentException.class, () -> UniqueAudience.create(3));
  }

  @Test
  void aCopyIsIndependent() {
    UniqueAudience u = of(0, 10);
    UniqueAudience copy = u.copy();
    copy.add("someone else");
    assertNotEquals(u.estimate(), copy.estimate());
  }
}
