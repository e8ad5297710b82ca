package io.inflow.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram recorded in microseconds, reported in milliseconds. Values
 * are HdrHistogram's "highest equivalent value" at 3 significant digits, i.e. at most 0.1% above
 * the true sample. All zero when nothing was recorded.
 */
public record LatencySummary(
    long count, double mean, double p50, double p90, double p99, double p999, double max) {

  /** Nothing recorded. */
  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

  /** Microsecond histogram with 3 significant digits that grows to any value. */
  public static Histogram newHistogram() {
    return new Histogram(3);
  }

  public static LatencySummary of(Histogram micros) {
    if (micros.getTotalCount() == 0) return EMPTY;
    return new LatencySummary(
        micros.getTotalCount(),
        round(micros.getMean() / 1000.0),
        millis(micros.getValueAtPercentile(50.0)),
        millis(micros.getValueAtPercentile(90.0)),
        millis(micros.getValueAtPercentile(99.0)),
        millis(micros.getValueAtPercentile(99.9)),
        millis(micros.getMaxValue()));
  }

  private static double millis(long micros) {
    return round(micros / 1000.0);
  }

  /** Milliseconds to the microsecond, so JSON stays short. */
  private static double round(double millis) {
    return Math.round(millis * 1000.0) / 1000.0;
  }
}
