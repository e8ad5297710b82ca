package io.inflow.analytics.common;

/**
 * The seven counters of a post ({@link PostTotals.Latest}) or their sums over posts ({@link PostTotals}).
 * Read-only outside this package.
 */
public abstract class PostCounts {
  private long views, impressions, reach, likes, comments, shares, saves;

  /** Adds {@code sign} × {@code other}'s counters to these. */
  void add(PostCounts other, int sign) {
    views += sign * other.views;
    impressions += sign * other.impressions;
    reach += sign * other.reach;
    likes += sign * other.likes;
    comments += sign * other.comments;
    shares += sign * other.shares;
    saves += sign * other.saves;
  }

  void set(PostCounters c) {
    views = c.views();
    impressions = c.impressions();
    reach = c.reach();
    likes = c.likes();
    comments = c.comments();
    shares = c.shares();
    saves = c.saves();
  }

  public long views() { return views; }
  public long impressions() { return impressions; }
  public long reach() { return reach; }
  public long likes() { return likes; }
  public long comments() { return comments; }
  public long shares() { return shares; }
  public long saves() { return saves; }

  /** Engagements = likes + comments + shares + saves. */
  public long engagements() {
    return likes + comments + shares + saves;
  }
}
