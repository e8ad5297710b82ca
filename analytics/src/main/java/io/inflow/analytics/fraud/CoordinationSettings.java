package io.inflow.analytics.fraud;

import java.time.Duration;

/**
 * Thresholds and caps of the {@link CoordinationIndex}. Immutable; the constructor refuses values
 * that make no sense, naming the setting by its configuration key ({@code inflow.fraud.coordination.*}).
 *
 * @param window a comment counts for a post only within this long after the post's first seen comment
 * @param maxAuthorsPerPost at most this many distinct authors are kept per post (the first ones)
 * @param minSharedAuthors two posts are in lockstep only when they share at least this many authors
 * @param minSharedShare … and the shared authors are at least this share of the smaller author set
 * @param maxGap … and their first comments are at most this far apart
 * @param horizon posts whose first comment is older than this, relative to the newest comment seen,
 *     are forgotten
 * @param maxPosts at most this many posts are kept; the oldest are forgotten first
 */
public record CoordinationSettings(
    Duration window,
    int maxAuthorsPerPost,
    int minSharedAuthors,
    double minSharedShare,
    Duration maxGap,
    Duration horizon,
    int maxPosts) {

  /** The longest author list per post; the per-pair counters are 16-bit. */
  public static final int MAX_AUTHORS_PER_POST_LIMIT = 1_000;

  public CoordinationSettings {
    positive("window", window);
    positive("max-gap", maxGap);
    positive("horizon", horizon);
    if (maxAuthorsPerPost < 2 || maxAuthorsPerPost > MAX_AUTHORS_PER_POST_LIMIT) {
      throw new IllegalArgumentException("max-authors-per-post must be within [2, " + MAX_AUTHORS_PER_POST_LIMIT
          + "], got " + maxAuthorsPerPost);
    }
    if (minSharedAuthors < 2 || minSharedAuthors > maxAuthorsPerPost) {
      throw new IllegalArgumentException("min-shared-authors must be within [2, max-authors-per-post = "
          + maxAuthorsPerPost + "], got " + minSharedAuthors);
    }
    if (!(minSharedShare > 0 && minSharedShare <= 1)) {
      throw new IllegalArgumentException("min-shared-share must be within (0, 1], got " + minSharedShare);
    }
    if (maxPosts < 1) {
      throw new IllegalArgumentException("max-posts must be at least 1, got " + maxPosts);
    }
    if (horizon.compareTo(window) < 0) {
      throw new IllegalArgumentException("horizon must be at least the window (" + window + "), got " + horizon);
    }
  }

  private static void positive(String key, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + d);
    }
  }

  /** 60 min window, 40 authors per post, ≥ 5 shared authors and ≥ 30 %, 48 h gap, 14 days, 20,000 posts. */
  public static CoordinationSettings defaults() {
    return new CoordinationSettings(Duration.ofMinutes(60), 40, 5, 0.3, Duration.ofHours(48), Duration.ofDays(14),
        20_000);
  }

  public CoordinationSettings withWindow(Duration w) {
    return new CoordinationSettings(w, maxAuthorsPerPost, minSharedAuthors, minSharedShare, maxGap, horizon, maxPosts);
  }

  public CoordinationSettings withHorizon(Duration h) {
    return new CoordinationSettings(window, maxAuthorsPerPost, minSharedAuthors, minSharedShare, maxGap, h, maxPosts);
  }

  public CoordinationSettings withMaxPosts(int n) {
    return new CoordinationSettings(window, maxAuthorsPerPost, minSharedAuthors, minSharedShare, maxGap, horizon, n);
  }
}
