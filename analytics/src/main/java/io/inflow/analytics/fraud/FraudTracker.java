package io.inflow.analytics.fraud;

import io.inflow.analytics.fraud.accounts.AccountType;
import io.inflow.analytics.fraud.accounts.AccountVerdict;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw material of one influencer's fraud signals, kept incrementally as events are applied.
 * Mutable, owned by one entity's state; {@link FraudScorer} turns it into a report.
 *
 * <p>Memory is bounded whatever the event volume: follower counts per platform and engagement gains
 * per day for the last {@value #DAYS_KEPT} days (≈ 60 bytes a day), the last {@value #POSTS_KEPT}
 * posts with their latest counters and first {@value #COMMENTERS_PER_POST} commenters (≈ 100 bytes a
 * post plus 8 per commenter), the traits and text keys of the last {@value #COMMENTS_KEPT} comments
 * (12 bytes each) and the verdict counts of the last {@value #SAMPLES_KEPT} audience samples: about
 * 20 KB per influencer at most. The comment ring and the commenter arrays grow as they fill (by
 * doubling), so an influencer with few comments costs little: over 4,000 bench influencers the
 * fraud material went from 19.7 KB to 3.5 KB each when they stopped being allocated whole.
 *
 * <p>Everything depends on event times only, never on the clock, so replaying the journal rebuilds
 * the same tracker.
 */
public final class FraudTracker {
  public static final int DAYS_KEPT = 120;
  public static final int POSTS_KEPT = 30;
  public static final int COMMENTERS_PER_POST = 30;
  public static final int COMMENTS_KEPT = 500;
  public static final int SAMPLES_KEPT = 3;
  /** Flag of a comment whose normalised text was seen among the kept comments. */
  public static final int DUPLICATE = 8;

  /** A day's last observation of an account: followers, following, observedAt (epoch ms). */
  private final Map<Platform, TreeMap<Long, long[]>> follows = new EnumMap<>(Platform.class);
  /** Engagement gained per day from post snapshots: views, likes, comments. */
  private final TreeMap<Long, long[]> activity = new TreeMap<>();
  private final LinkedHashMap<String, PostTrace> posts = new LinkedHashMap<>(64, 0.75f, false);
  /** Grown as comments arrive, up to {@value #COMMENTS_KEPT} (most influencers never fill the ring). */
  private int[] commentFlags = new int[0];
  private long[] commentKeys = new long[0];
  private long commentsSeen;
  /** Audience samples, newest last: sampled, real, mass followers, suspicious. */
  private final ArrayDeque<long[]> samples = new ArrayDeque<>();
  private CoordinationFinding coordination;

  private static final long[] NONE = new long[0];

  /** What is kept of one recent post. */
  static final class PostTrace {
    Platform platform;
    long firstSeenMs = Long.MAX_VALUE;
    long lastObservedMs = Long.MIN_VALUE;
    long views;
    long likes;
    long comments;
    int snapshots;
    int bursts;
    /** Counters at the first snapshot. */
    long firstViews;
    long firstLikes;
    int likeBursts;
    /** Grown with the commenters, up to {@value #COMMENTERS_PER_POST} (most posts have few). */
    long[] commenters = NONE;
    int commenterCount;
    int repeatedPairs;

    int pairCount() {
      return Math.max(0, commenterCount - 1);
    }

    /** Whether two consecutive commenters of this post make {@code pair} (see {@link #pair}). */
    boolean hasPair(long pair) {
      for (int i = 1; i < commenterCount; i++) if (pair(commenters[i - 1], commenters[i]) == pair) return true;
      return false;
    }
  }

  /** A cumulative-counter snapshot of a post. Older snapshots than the last one seen change nothing. */
  public void observePost(PostMetrics m) {
    PostTrace post = trace(m.postId());
    long at = m.observedAt().toEpochMilli();
    if (at < post.lastObservedMs) return;
    if (post.platform == null) post.platform = m.platform();
    post.firstSeenMs = Math.min(post.firstSeenMs, at);
    long dv = Math.max(0, m.views() - post.views);
    long dl = Math.max(0, m.likes() - post.likes);
    long dc = Math.max(0, m.comments() - post.comments);
    if (post.snapshots > 0 && post.views > 0 && post.likes > 0) {
      if (isViewBurst(post, dv, dl)) post.bursts++;
      if (isLikeBurst(post, dv, dl)) post.likeBursts++;
    }
    if (post.snapshots == 0) {
      post.firstViews = m.views();
      post.firstLikes = m.likes();
    }
    long[] day = activity.computeIfAbsent(m.observedAt().getEpochSecond() / 86_400, d -> new long[3]);
    day[0] += dv;
    day[1] += dl;
    day[2] += dc;
    trimDays(activity);
    post.views = Math.max(post.views, m.views());
    post.likes = Math.max(post.likes, m.likes());
    post.comments = Math.max(post.comments, m.comments());
    post.lastObservedMs = at;
    post.snapshots++;
  }

  /**
   * Views jumped by at least half of what the post had (and 500) while likes grew by under a quarter
   * of what the post's own like rate predicts for so many views.
   */
  private static boolean isViewBurst(PostTrace post, long dv, long dl) {
    if (dv < 500 || dv < post.views / 2) return false;
    double expectedLikes = dv * ((double) post.likes / post.views);
    return dl < 0.25 * expectedLikes;
  }

  /** The mirror image: likes jumped by half of what the post had (and 100) with under a quarter of the views they imply. */
  private static boolean isLikeBurst(PostTrace post, long dv, long dl) {
    if (dl < 100 || dl < post.likes / 2) return false;
    double expectedViews = dl * ((double) post.views / post.likes);
    return dv < 0.25 * expectedViews;
  }

  public void observePublished(PostPublished p) {
    PostTrace post = trace(p.postId());
    if (post.platform == null) post.platform = p.platform();
    post.firstSeenMs = Math.min(post.firstSeenMs, p.publishedAt().toEpochMilli());
  }

  public void observeFollowers(FollowersObserved f) {
    TreeMap<Long, long[]> series = follows.computeIfAbsent(f.platform(), p -> new TreeMap<>());
    long at = f.observedAt().toEpochMilli();
    long day = f.observedAt().getEpochSecond() / 86_400;
    long[] old = series.get(day);
    if (old == null || at >= old[2]) series.put(day, new long[] {f.followers(), f.following(), at});
    trimDays(series);
  }

  public void observeComment(CommentPosted c) {
    CommentTraits.Traits traits = CommentTraits.of(c.text());
    int flags = traits.flags();
    long key = traits.key();
    int slot = (int) (commentsSeen % COMMENTS_KEPT);
    if (slot >= commentKeys.length) {
      int size = Math.min(COMMENTS_KEPT, Math.max(16, commentKeys.length * 2));
      commentKeys = java.util.Arrays.copyOf(commentKeys, size);
      commentFlags = java.util.Arrays.copyOf(commentFlags, size);
    }
    if (key != 0 && isKept(key, slot)) flags |= DUPLICATE;
    commentKeys[slot] = key;
    commentFlags[slot] = flags;
    commentsSeen++;
    if (c.postId() != null && c.authorId() != null) addCommenter(trace(c.postId()), authorKey(c.authorId()));
  }

  /** Whether another kept comment (not the one in {@code slot}, about to be replaced) has this text key. */
  private boolean isKept(long key, int slot) {
    int kept = (int) Math.min(commentsSeen, COMMENTS_KEPT);
    for (int i = 0; i < kept; i++) if (i != slot && commentKeys[i] == key) return true;
    return false;
  }

  /** Records the post's commenters in arrival order; an ordered pair also seen on another recent post repeats. */
  private void addCommenter(PostTrace post, long author) {
    if (post.commenterCount >= COMMENTERS_PER_POST) return;
    for (int i = 0; i < post.commenterCount; i++) if (post.commenters[i] == author) return;
    if (post.commenterCount > 0) {
      long pair = pair(post.commenters[post.commenterCount - 1], author);
      for (PostTrace other : posts.values()) {
        if (other != post && other.hasPair(pair)) {
          post.repeatedPairs++;
          break;
        }
      }
    }
    append(post, author);
  }

  private static void append(PostTrace post, long author) {
    if (post.commenterCount == post.commenters.length) {
      post.commenters = java.util.Arrays.copyOf(post.commenters,
          Math.min(COMMENTERS_PER_POST, Math.max(4, post.commenters.length * 2)));
    }
    post.commenters[post.commenterCount++] = author;
  }

  /** Two commenters one right after the other, in this order. */
  static long pair(long first, long second) {
    return first * 31 + second;
  }

  /** A sample's verdicts; only the last {@value #SAMPLES_KEPT} samples count. */
  public void observeAudience(List<AccountVerdict> verdicts) {
    long real = 0, mass = 0, suspicious = 0;
    for (AccountVerdict v : verdicts) {
      if (v.type() == AccountType.MASS_FOLLOWER) mass++;
      else if (v.type() == AccountType.SUSPICIOUS) suspicious++;
      else real++;
    }
    samples.addLast(new long[] {verdicts.size(), real, mass, suspicious});
    while (samples.size() > SAMPLES_KEPT) samples.removeFirst();
  }

  public void observeCoordination(CoordinationFinding finding) {
    this.coordination = finding;
  }

  private PostTrace trace(String postId) {
    PostTrace post = posts.get(postId);
    if (post == null) {
      post = new PostTrace();
      posts.put(postId, post);
      if (posts.size() > POSTS_KEPT) {
        Iterator<String> eldest = posts.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
    return post;
  }

  private static void trimDays(TreeMap<Long, long[]> series) {
    long newest = series.lastKey();
    while (series.firstKey() <= newest - DAYS_KEPT) series.pollFirstEntry();
  }

  static long authorKey(String authorId) {
    return CoordinationIndex.authorKey(authorId);
  }

  // ---- reads for the scorer (package-private: the scorer is the only reader) ----

  /** The platform with the most followers at its latest observation, or null. */
  Platform mainPlatform() {
    Platform best = null;
    long most = -1;
    for (Map.Entry<Platform, TreeMap<Long, long[]>> e : follows.entrySet()) {
      long followers = e.getValue().lastEntry().getValue()[0];
      if (followers > most) {
        most = followers;
        best = e.getKey();
      }
    }
    return best;
  }

  TreeMap<Long, long[]> follows(Platform platform) {
    return follows.getOrDefault(platform, new TreeMap<>());
  }

  TreeMap<Long, long[]> activity() {
    return activity;
  }

  /** Recent posts, oldest first (a read-only view, not a copy: every level check reads it twice). */
  java.util.Collection<PostTrace> posts() {
    return java.util.Collections.unmodifiableCollection(posts.values());
  }

  /** Kept comments and how many have each flag: [kept, generic, emojiOnly, mentionOnly, duplicate, any]. */
  long[] commentCounts() {
    int kept = (int) Math.min(commentsSeen, COMMENTS_KEPT);
    long[] counts = new long[6];
    counts[0] = kept;
    for (int i = 0; i < kept; i++) {
      int f = commentFlags[i];
      if ((f & CommentTraits.GENERIC) != 0) counts[1]++;
      if ((f & CommentTraits.EMOJI_ONLY) != 0) counts[2]++;
      if ((f & CommentTraits.MENTION_ONLY) != 0) counts[3]++;
      if ((f & DUPLICATE) != 0) counts[4]++;
      if (f != 0) counts[5]++;
    }
    return counts;
  }

  /** Sums over the kept samples: sampled, real, mass followers, suspicious. */
  long[] audience() {
    long[] sum = new long[4];
    for (long[] s : samples) for (int i = 0; i < 4; i++) sum[i] += s[i];
    return sum;
  }

  /** The latest coordination finding when it shows lockstep with other influencers; null when none or withdrawn. */
  public CoordinationFinding coordinationEvidence() {
    return coordination != null && coordination.hasEvidence() ? coordination : null;
  }

  // ---- snapshots ----

  /** An immutable copy for a snapshot. */
  public Snapshot snapshot() {
    List<DayPoint> days = new ArrayList<>();
    follows.forEach((p, series) -> series.forEach((d, v) -> days.add(new DayPoint(p, d, v[0], v[1], v[2]))));
    List<long[]> gains = new ArrayList<>();
    activity.forEach((d, v) -> gains.add(new long[] {d, v[0], v[1], v[2]}));
    List<PostPoint> kept = new ArrayList<>();
    posts.forEach((id, t) -> kept.add(new PostPoint(id, t.platform, t.firstSeenMs, t.lastObservedMs, t.views, t.likes,
        t.comments, t.snapshots, t.bursts, java.util.Arrays.copyOf(t.commenters, t.commenterCount), t.repeatedPairs,
        t.firstViews, t.firstLikes, t.likeBursts)));
    int comments = (int) Math.min(commentsSeen, COMMENTS_KEPT);
    return new Snapshot(days, gains, kept, java.util.Arrays.copyOf(commentFlags, comments),
        java.util.Arrays.copyOf(commentKeys, comments), commentsSeen,
        List.copyOf(samples), coordination);
  }

  public static FraudTracker restore(Snapshot s) {
    FraudTracker t = new FraudTracker();
    if (s == null) return t;
    for (DayPoint d : s.follows()) {
      t.follows.computeIfAbsent(d.platform(), p -> new TreeMap<>()).put(d.day(),
          new long[] {d.followers(), d.following(), d.observedAtMs()});
    }
    for (long[] g : s.activity()) t.activity.put(g[0], new long[] {g[1], g[2], g[3]});
    for (PostPoint p : s.posts()) {
      PostTrace trace = new PostTrace();
      trace.platform = p.platform();
      trace.firstSeenMs = p.firstSeenMs();
      trace.lastObservedMs = p.lastObservedMs();
      trace.views = p.views();
      trace.likes = p.likes();
      trace.comments = p.comments();
      trace.snapshots = p.snapshots();
      trace.bursts = p.bursts();
      for (long author : p.commenters()) append(trace, author);
      trace.repeatedPairs = p.repeatedPairs();
      trace.firstViews = p.firstViews();
      trace.firstLikes = p.firstLikes();
      trace.likeBursts = p.likeBursts();
      t.posts.put(p.postId(), trace);
    }
    // snapshots before session 6 hold all 500 slots; later ones the min(seen, 500) filled ones
    t.commentFlags = s.commentFlags().clone();
    t.commentKeys = s.commentKeys().clone();
    t.commentsSeen = s.commentsSeen();
    t.samples.addAll(s.samples());
    t.coordination = s.coordination();
    return t;
  }

  /** A day's follower observation in a snapshot. */
  public record DayPoint(Platform platform, long day, long followers, long following, long observedAtMs) {}

  /** A kept post in a snapshot. */
  public record PostPoint(String postId, Platform platform, long firstSeenMs, long lastObservedMs, long views,
      long likes, long comments, int snapshots, int bursts, long[] commenters, int repeatedPairs, long firstViews,
      long firstLikes, int likeBursts) {}

  /**
   * Everything the tracker keeps, for the entity's snapshot. {@code activity} rows are {day, views,
   * likes, comments}; {@code samples} rows {sampled, real, mass followers, suspicious}.
   */
  public record Snapshot(List<DayPoint> follows, List<long[]> activity, List<PostPoint> posts, int[] commentFlags,
      long[] commentKeys, long commentsSeen, List<long[]> samples, CoordinationFinding coordination) {}

  /** When the tracker last saw anything; used as "now" by the scorer so results do not depend on the clock. */
  Instant latestDay() {
    long newest = Long.MIN_VALUE;
    for (TreeMap<Long, long[]> s : follows.values()) newest = Math.max(newest, s.lastKey());
    if (!activity.isEmpty()) newest = Math.max(newest, activity.lastKey());
    return newest == Long.MIN_VALUE ? null : Instant.ofEpochSecond(newest * 86_400);
  }
}
