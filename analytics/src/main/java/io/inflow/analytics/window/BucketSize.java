package io.inflow.analytics.window;

/** Width of a report's time bucket. Buckets are aligned in UTC; weeks start on Monday (ISO-8601). */
public enum BucketSize {
  HOUR,
  DAY,
  WEEK
}
