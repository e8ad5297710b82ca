package io.inflow.analytics.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BinaryScoresTest {

  @Test
  void countsAndRatesWorkedByHand() {
    // cases: (actual, predicted, score)
    boolean[] actual = {true, true, true, false, false, false, false};
    boolean[] predicted = {true, true, false, true, false, false, false};
    double[] scores = {0.9, 0.8, 0.3, 0.7, 0.4, 0.2, 0.1};
    BinaryScores s = BinaryScores.of(actual, predicted, scores);
    assertEquals(2, s.truePositives());
    assertEquals(1, s.falsePositives());
    assertEquals(3, s.trueNegatives());
    assertEquals(1, s.falseNegatives());
    assertEquals(2.0 / 3, s.precision(), 1e-12);
    assertEquals(2.0 / 3, s.recall(), 1e-12);
    assertEquals(2.0 / 3, s.f1(), 1e-12);
    // positive/negative pairs ranked correctly: 0.9 beats all 4, 0.8 beats all 4, 0.3 beats 0.2 and 0.1 → 10 of 12
    assertEquals(10.0 / 12, s.rocAuc(), 1e-12);
    assertEquals(0.25, s.falsePositiveRate(), 1e-12);
  }

  @Test
  void undefinedRatesAreNullNotNaN() {
    BinaryScores s = BinaryScores.of(new boolean[] {false, false}, new boolean[] {false, false}, new double[] {0.1, 0.2});
    assertNull(s.precision());
    assertNull(s.recall());
    assertNull(s.f1());
    assertNull(s.rocAuc());
  }
}
