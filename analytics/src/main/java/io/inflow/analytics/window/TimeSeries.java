package io.inflow.analytics.window;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sums per time bucket, as read from {@link RollingCounters#timeSeries}. Points are in time order,
 * do not overlap and together cover [{@code from}, {@code to}).
 *
 * @param bucket the requested bucket size; a point can be coarser (a day where hours are no longer
 *     retained), see {@link Point#size()}
 * @param from start of the first point
 * @param to end (exclusive) of the last point
 * @param points the buckets
 */
public record TimeSeries(BucketSize bucket, Instant from, Instant to, List<Point> points) {

  /**
   * One bucket.
   *
   * @param start inclusive start
   * @param end exclusive end
   * @param size the bucket's width
   * @param complete false when the bucket is older than the retained history: its sums are then zero
   *     although events may have happened (they still count in campaign-to-date)
   * @param sums every metric's sum in stored units (see {@link Metric#scale()})
   */
  public record Point(Instant start, Instant end, BucketSize size, boolean complete, Map<Metric, Long> sums) {
    public Point {
      Map<Metric, Long> copy = new EnumMap<>(Metric.class);
      copy.putAll(sums);
      sums = Collections.unmodifiableMap(copy);
    }

    public long get(Metric metric) {
      return sums.getOrDefault(metric, 0L);
    }
  }

  public TimeSeries {
    points = List.copyOf(points);
  }

  /** Whether every point is within the retained history. */
  public boolean complete() {
    return points.stream().allMatch(Point::complete);
  }

  /** The sum of one metric over all points, in stored units. */
  public long total(Metric metric) {
    long sum = 0;
    for (Point p : points) sum += p.get(metric);
    return sum;
  }
}
