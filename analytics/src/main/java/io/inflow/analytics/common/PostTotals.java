package io.inflow.analytics.common;

import java.util.HashMap;
import java.util.Map;

/**
 * Sums of the latest counters over a set of posts, kept incrementally: replacing a post's
 * observation subtracts the old counters and adds the new, so reads are O(1) whatever the number of
 * posts. Mutable; owned by one entity's state.
 */
public final class PostTotals {
  private final Map<String, PostCounters> posts;
  private long views, impressions, reach, likes, comments, shares, saves;
  private long postsWithMetrics;

  public PostTotals() {
    this(new HashMap<>());
  }

  private PostTotals(Map<String, PostCounters> posts) {
    this.posts = posts;
  }

  public static PostTotals restore(Map<String, PostCounters> latestByPost) {
    PostTotals totals = new PostTotals();
    latestByPost.forEach(totals::observe);
    return totals;
  }

  /** Records an observation; returns false when it is older than what is known for that post. */
  public boolean observe(String postId, PostCounters next) {
    PostCounters old = posts.getOrDefault(postId, PostCounters.NONE);
    if (!old.supersededBy(next)) return false;
    posts.put(postId, next);
    if (!hasMetrics(old) && hasMetrics(next)) postsWithMetrics++;
    views += next.views() - old.views();
    impressions += next.impressions() - old.impressions();
    reach += next.reach() - old.reach();
    likes += next.likes() - old.likes();
    comments += next.comments() - old.comments();
    shares += next.shares() - old.shares();
    saves += next.saves() - old.saves();
    return true;
  }

  /**
   * Applies a post event: {@code post.published} registers the post, {@code post.metrics} observes
   * its counters. Returns false for other event types.
   */
  public boolean record(io.inflow.protocol.event.IngestEvent event, String campaignId) {
    if (event instanceof io.inflow.protocol.event.PostPublished p) {
      register(p.postId(), new PostCounters(p.platform(), campaignId, java.time.Instant.EPOCH, 0, 0, 0, 0, 0, 0, 0));
      return true;
    }
    if (event instanceof io.inflow.protocol.event.PostMetrics m) {
      observe(m.postId(), PostCounters.of(m));
      return true;
    }
    return false;
  }

  /** Registers a post that is known to exist before any counters arrive (post.published). */
  public void register(String postId, PostCounters placeholder) {
    posts.putIfAbsent(postId, placeholder);
  }

  /** Posts with at least one counter observation. */
  public long postsWithMetrics() {
    return postsWithMetrics;
  }

  private static boolean hasMetrics(PostCounters p) {
    return p.observedAt().isAfter(java.time.Instant.EPOCH);
  }

  public Map<String, PostCounters> latestByPost() {
    return Map.copyOf(posts);
  }

  public int posts() {
    return posts.size();
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
