package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Percentiles of known latency lists, within HdrHistogram's 3-significant-digit precision. */
class LatencySummaryTest {

  private static void assertClose(double expectedMillis, double actualMillis) {
    assertEquals(expectedMillis, actualMillis, expectedMillis * 0.001 + 0.001,
        "expected " + expectedMillis + " ms within 0.1%");
  }

  @Test
  void uniformOneToOneThousandMilliseconds() {
    Histogram micros = LatencySummary.newHistogram();
    for (int ms = 1; ms <= 1_000; ms++) {
      micros.recordValue(ms * 1_000L);
    }
    LatencySummary summary = LatencySummary.of(micros);
    assertEquals(1_000, summary.count());
    assertClose(500.5, summary.mean());
    assertClose(500, summary.p50());
    assertClose(900, summary.p90());
    assertClose(990, summary.p99());
    assertClose(999, summary.p999());
    assertClose(1_000, summary.max());
  }

  @Test
  void aSlowTailShowsOnlyInTheHighPercentiles() {
    Histogram micros = LatencySummary.newHistogram();
    for (int i = 0; i < 9_980; i++) {
      micros.recordValue(12_345); // 12.345 ms
    }
    for (int i = 0; i < 20; i++) {
      micros.recordValue(2_500_000); // 2.5 s stalls, 0.2% of requests
    }
    LatencySummary summary = LatencySummary.of(micros);
    assertClose(12.345, summary.p50());
    assertClose(12.345, summary.p90());
    assertClose(12.345, summary.p99());
    assertClose(2_500, summary.p999());
    assertClose(2_500, summary.max());
    assertClose((9_980 * 12.345 + 20 * 2_500) / 10_000, summary.mean());
  }

  @Test
  void subMillisecondValuesKeepMicrosecondResolution() {
    Histogram micros = LatencySummary.newHistogram();
    micros.recordValue(250);
    micros.recordValue(750);
    LatencySummary summary = LatencySummary.of(micros);
    assertClose(0.25, summary.p50());
    assertClose(0.75, summary.max());
  }

  @Test
  void emptyHistogramReportsZeros() {
    assertEquals(new LatencySummary(0, 0, 0, 0, 0, 0, 0), LatencySummary.of(LatencySummary.newHistogram()));
  }
}
