package io.inflow.analytics.common;

import io.inflow.protocol.event.Platform;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sums of the latest counters over a set of posts, kept incrementally: replacing a post's
 * observation subtracts the old counters and adds the new, so reads are O(1) whatever the number of
 * posts. Mutable; owned by one entity's state.
 *
 * <p>Each post's latest counters are overwritten in place ({@link Latest}) rather than replaced by
 * each observation's record, so an observation leaves nothing behind in the state: no record, no
 * {@code Instant}, no second copy of the event's campaign id (load-tests/README.md, "Eighth session").
 */
public final class PostTotals extends PostCounts {
  private final Map<String, Latest> posts = new HashMap<>();
  private long postsWithMetrics;

  /** One post's latest counters. */
  public static final class Latest extends PostCounts {
    private Platform platform;
    private String campaignId;
    private long observedSecond;
    private int observedNano;

    private Latest(PostCounters c) {
      set(c);
    }

    @Override
    void set(PostCounters c) {
      super.set(c);
      platform = c.platform();
      // the same campaign's id again: keep the string held already, not the new event's copy
      if (campaignId == null || !campaignId.equals(c.campaignId())) campaignId = c.campaignId();
      observedSecond = c.observedAt().getEpochSecond();
      observedNano = c.observedAt().getNano();
    }

    /** Whether {@code next} is at least as recent as this observation (as {@link PostCounters#supersededBy}). */
    private boolean supersededBy(PostCounters next) {
      long s = next.observedAt().getEpochSecond();
      return s > observedSecond || s == observedSecond && next.observedAt().getNano() >= observedNano;
    }

    private boolean hasMetrics() {
      return observedSecond > 0 || observedSecond == 0 && observedNano > 0;
    }

    public Platform platform() { return platform; }

    public PostCounters toCounters() {
      return new PostCounters(platform, campaignId, Instant.ofEpochSecond(observedSecond, observedNano), views(),
          impressions(), reach(), likes(), comments(), shares(), saves());
    }
  }

  public static PostTotals restore(Map<String, PostCounters> latestByPost) {
    PostTotals totals = new PostTotals();
    latestByPost.forEach(totals::observe);
    return totals;
  }

  /** Records an observation; returns false when it is older than what is known for that post. */
  public boolean observe(String postId, PostCounters next) {
    Latest latest = posts.get(postId);
    if (latest == null) {
      latest = new Latest(next);
      posts.put(postId, latest);
      if (latest.hasMetrics()) postsWithMetrics++;
    } else {
      if (!latest.supersededBy(next)) return false;
      boolean hadMetrics = latest.hasMetrics();
      add(latest, -1);
      latest.set(next);
      if (!hadMetrics && latest.hasMetrics()) postsWithMetrics++;
    }
    add(latest, 1);
    return true;
  }

  /**
   * Applies a post event: {@code post.published} registers the post, {@code post.metrics} observes
   * its counters. Returns false for other event types.
   */
  public boolean record(io.inflow.protocol.event.IngestEvent event, String campaignId) {
    if (event instanceof io.inflow.protocol.event.PostPublished p) {
      register(p.postId(), new PostCounters(p.platform(), campaignId, Instant.EPOCH, 0, 0, 0, 0, 0, 0, 0));
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
    posts.computeIfAbsent(postId, id -> new Latest(placeholder));
  }

  /** Posts with at least one counter observation. */
  public long postsWithMetrics() {
    return postsWithMetrics;
  }

  /** An immutable copy of every post's latest counters (for snapshots). */
  public Map<String, PostCounters> latestByPost() {
    Map<String, PostCounters> copy = new HashMap<>(posts.size() * 2);
    posts.forEach((id, latest) -> copy.put(id, latest.toCounters()));
    return Map.copyOf(copy);
  }

  /** Visits every post's latest counters without copying them. */
  public void forEachLatest(Consumer<Latest> visit) {
    posts.values().forEach(visit);
  }

  public int posts() {
    return posts.size();
  }
}
