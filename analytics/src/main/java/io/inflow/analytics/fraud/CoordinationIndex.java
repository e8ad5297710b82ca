package io.inflow.analytics.fraud;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds engagement pods: groups of accounts that comment, within the first window of each post, on
 * the posts of several different influencers. It sees the comments of every influencer (it runs once
 * per cluster) and keeps, per post, the authors of its first {@code window} of comments (at most
 * {@code maxAuthorsPerPost}), and per author the serials of their {@value AuthorPosts#MAX_POSTS_PER_AUTHOR}
 * most recent such posts.
 *
 * <h2>Lockstep</h2>
 * Two posts of different influencers are in lockstep when they share at least {@code minSharedAuthors}
 * authors, the shared authors are at least {@code minSharedShare} of the smaller of the two author
 * sets, and their first comments are at most {@code maxGap} apart. Organic fans of one creator rarely
 * show up together within the first hour of several other creators' posts; a pod does so on every
 * member's post. The share is judged against the author sets as they are now, so a pair that met it
 * early can drop out when many other (organic) commenters arrive, and come back.
 *
 * <h2>Cost per comment</h2>
 * Bounded and independent of the number of posts: a dedup scan of the post's ≤ K authors, then for
 * each of the author's ≤ 16 recent posts one increment of a shared-author counter for the (post,
 * other post) pair, kept on the newer post of the pair in a small open-addressing table of at most
 * {@value #MAX_PAIRS_PER_POST} partner posts (when it is full, pairs with a single shared author are
 * dropped to make room; pairs with more keep counting). Lockstep is judged when a counter changes and
 * the post's existing lockstep links are re-checked when its author set grows. Never an all-pairs scan.
 *
 * <h2>Forgetting</h2>
 * Posts are kept in arrival order (oldest first out). The oldest go when their first comment is older
 * than {@code horizon} before the newest comment seen, or when {@code maxPosts} are held and a new
 * post arrives; comments older than the horizon are ignored. A forgotten post takes its author
 * entries, counters and lockstep links with it, and the influencers concerned are reported again. An
 * author whose posts are all forgotten is forgotten. (Eviction is in arrival order: a post arriving
 * late with an old first comment waits for the posts before it.)
 *
 * <h2>Memory bound</h2>
 * With P = {@code maxPosts}, K = {@code maxAuthorsPerPost} and a 64-bit JVM with compressed
 * references, each post costs at most about 0.6 KB + 8 B × K: its object (~56 B), its author keys
 * (8 B × K), its pair table (64 slots × 6 B ≈ 0.4 KB once full), its id string and map entry
 * (~100 B); each (author, post) entry of the inverted index ≤ 16 B (two ints in a pool that grows by
 * doubling); each distinct author ≤ 35 B (a long, an int and a byte in a hash table ≤ 75 % and ≥ 37 %
 * full). There are at most P × K entries and at most P × K authors, so the bound is
 * P × (0.6 KB + 8 B × K + 16 B × K + 35 B × K). At the defaults (P = 20,000, K = 40) that is about
 * 12 MB + 6 MB + 13 MB + 28 MB ≈ 60 MB, reached only if every one of 800,000 kept comments
 * comes from a different person; fans who return share their author slot. Lockstep links (a small map
 * per lockstep post) and per-influencer state (≤ one per post) come on top and are small. Lower
 * {@code maxPosts} on small nodes; the bound scales linearly with it.
 * Measured ({@code CoordinationIndexCostTest}): 8,377 posts with 60 distinct authors each (482,000
 * authors) left 37 MB of heap after GC, JVM baseline included: about 4 KB per full post, as above.
 *
 * <p>Mutable and single-threaded: owned by one actor.
 */
public final class CoordinationIndex {
  /** Partner posts counted per post; beyond it, single-author pairs make room or new ones are not counted. */
  static final int MAX_PAIRS_PER_POST = 48;
  private static final int PAIR_SLOTS_MAX = 64;
  private static final Hasher64 HASHER = Hashing.xxh3_64();

  private final CoordinationSettings settings;
  private final long windowMillis;
  private final long maxGapMillis;
  private final long horizonMillis;

  private Post[] ring = new Post[1024];
  private int headSerial; // oldest post held
  private int nextSerial; // the next post's serial; nextSerial - headSerial posts are held
  private long newestMillis = Long.MIN_VALUE;

  private final Map<String, Influencer> influencers = new HashMap<>();
  private final AuthorPosts authorPosts = new AuthorPosts();
  private final Set<Influencer> changed = new LinkedHashSet<>();

  public CoordinationIndex(CoordinationSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.windowMillis = settings.window().toMillis();
    this.maxGapMillis = settings.maxGap().toMillis();
    this.horizonMillis = settings.horizon().toMillis();
  }

  public CoordinationSettings settings() {
    return settings;
  }

  /** The 64-bit key of a (pseudonymised) author id: XXH3 of its UTF-8 bytes, as {@code UniqueAudience} hashes. */
  public static long authorKey(String authorId) {
    return HASHER.hashBytesToLong(authorId.getBytes(StandardCharsets.UTF_8));
  }

  /** Posts held now (never more than {@code maxPosts}). */
  public int posts() {
    return nextSerial - headSerial;
  }

  /** Distinct authors held in the inverted index now. */
  public int authors() {
    return authorPosts.authors();
  }

  /**
   * Counts one comment. Comments outside their post's window, beyond its author cap, repeated by the
   * same author, or older than the horizon change nothing.
   */
  public void add(long authorKey, String influencerId, String postId, Instant at) {
    long t = at.toEpochMilli();
    if (t > newestMillis) {
      newestMillis = t;
      forgetFirstSeenBefore(t - horizonMillis);
    } else if (t < newestMillis - horizonMillis) {
      return;
    }
    Influencer influencer = influencers.computeIfAbsent(influencerId, Influencer::new);
    Post post = influencer.posts.get(postId);
    if (post == null) post = newPost(influencer, postId, t);
    if (t - post.firstMillis > windowMillis || post.authorCount >= settings.maxAuthorsPerPost()
        || post.hasAuthor(authorKey)) {
      return;
    }
    post.addAuthor(authorKey, settings.maxAuthorsPerPost());
    int slot = authorPosts.find(authorKey);
    for (int e = authorPosts.first(slot); e >= 0; e = authorPosts.next(e)) {
      Post other = held(authorPosts.serial(e));
      if (other == null || other.influencer == influencer
          || Math.abs(other.firstMillis - post.firstMillis) > maxGapMillis) {
        continue;
      }
      boolean postIsNewer = post.serial - other.serial > 0;
      Post newer = postIsNewer ? post : other;
      Post older = postIsNewer ? other : post;
      int shared = countSharedAuthor(newer, older.serial);
      if (shared >= settings.minSharedAuthors()) judge(newer, older, shared, t);
    }
    authorPosts.push(authorKey, post.serial);
    if (post.links != null) {
      for (var link : List.copyOf(post.links.entrySet())) judge(post, link.getKey(), link.getValue(), t);
    }
  }

  /**
   * The influencers whose lockstep evidence (partners, lockstep posts, most shared authors) changed
   * since the last call, one finding each. An influencer whose evidence is gone gets a finding with
   * no partners once; influencers that never had evidence are not reported.
   */
  public List<CoordinationFinding> findings() {
    List<CoordinationFinding> out = new ArrayList<>();
    for (Influencer influencer : changed) {
      CoordinationFinding finding = influencer.finding();
      if (!sameEvidence(finding, influencer.lastReported)) {
        out.add(finding);
        influencer.lastReported = finding.hasEvidence() ? finding : null;
      }
      if (influencer.posts.isEmpty() && influencer.lastReported == null) {
        influencers.remove(influencer.id, influencer);
      }
    }
    changed.clear();
    return out;
  }

  private static boolean sameEvidence(CoordinationFinding now, CoordinationFinding before) {
    if (before == null) return !now.hasEvidence();
    return now.partnerInfluencers() == before.partnerInfluencers()
        && now.lockstepPosts() == before.lockstepPosts()
        && now.sharedAuthorsMax() == before.sharedAuthorsMax()
        && now.partners().equals(before.partners());
  }

  private void judge(Post a, Post b, int shared, long at) {
    boolean lockstep = shared >= settings.minSharedAuthors()
        && shared >= settings.minSharedShare() * Math.min(a.authorCount, b.authorCount);
    if (lockstep) link(a, b, shared, at);
    else unlink(a, b, at);
  }

  private void link(Post a, Post b, int shared, long at) {
    Integer before = a.linkTo(b, shared);
    b.linkTo(a, shared);
    if (before == null || before != shared) {
      touched(a.influencer, at);
      touched(b.influencer, at);
    }
  }

  private void unlink(Post a, Post b, long at) {
    if (a.unlink(b)) {
      b.unlink(a);
      touched(a.influencer, at);
      touched(b.influencer, at);
    }
  }

  private void touched(Influencer influencer, long at) {
    influencer.lastChangeMillis = Math.max(influencer.lastChangeMillis, at);
    changed.add(influencer);
  }

  private Post held(int serial) {
    int age = serial - headSerial;
    if (age < 0 || age >= nextSerial - headSerial) return null;
    return ring[Integer.remainderUnsigned(serial, ring.length)];
  }

  private Post newPost(Influencer influencer, String postId, long firstMillis) {
    if (posts() == settings.maxPosts()) forgetOldest();
    if (posts() == ring.length) growRing();
    Post post = new Post(nextSerial++, influencer, postId, firstMillis);
    ring[Integer.remainderUnsigned(post.serial, ring.length)] = post;
    influencer.posts.put(postId, post);
    return post;
  }

  private void growRing() {
    Post[] bigger = new Post[(int) Math.min((long) ring.length * 2, Math.max(settings.maxPosts(), ring.length))];
    for (int s = headSerial; s != nextSerial; s++) {
      bigger[Integer.remainderUnsigned(s, bigger.length)] = ring[Integer.remainderUnsigned(s, ring.length)];
    }
    ring = bigger;
  }

  private void forgetFirstSeenBefore(long cutoffMillis) {
    while (posts() > 0 && ring[Integer.remainderUnsigned(headSerial, ring.length)].firstMillis < cutoffMillis) {
      forgetOldest();
    }
  }

  private void forgetOldest() {
    int index = Integer.remainderUnsigned(headSerial, ring.length);
    Post post = ring[index];
    ring[index] = null;
    headSerial++;
    if (post.links != null) {
      for (Post other : post.links.keySet()) {
        other.unlink(post);
        touched(other.influencer, newestMillis);
      }
      post.links = null;
      touched(post.influencer, newestMillis);
    }
    Influencer influencer = post.influencer;
    influencer.posts.remove(post.postId);
    influencer.lockstepPosts.remove(post);
    if (influencer.posts.isEmpty() && influencer.lastReported == null && !changed.contains(influencer)) {
      influencers.remove(influencer.id, influencer);
    }
    for (int i = 0; i < post.authorCount; i++) authorPosts.remove(post.authors[i], post.serial);
  }

  /** Adds one shared author to the pair's counter on the newer post; its new count, or 0 if not counted. */
  private int countSharedAuthor(Post newer, int olderSerial) {
    if (newer.pairSerials == null) {
      newer.pairSerials = new int[8];
      newer.pairCounts = new short[8];
    }
    int mask = newer.pairSerials.length - 1;
    int i = pairHome(olderSerial, mask);
    for (; newer.pairCounts[i] != 0; i = (i + 1) & mask) {
      if (newer.pairSerials[i] == olderSerial) return ++newer.pairCounts[i];
    }
    if ((newer.pairSize + 1) * 4 > newer.pairSerials.length * 3) {
      if (newer.pairSerials.length < PAIR_SLOTS_MAX) rebuildPairs(newer, newer.pairSerials.length * 2, 0);
      else rebuildPairs(newer, PAIR_SLOTS_MAX, 1);
      if (newer.pairSize >= MAX_PAIRS_PER_POST) return 0;
      return countSharedAuthor(newer, olderSerial);
    }
    newer.pairSerials[i] = olderSerial;
    newer.pairCounts[i] = 1;
    newer.pairSize++;
    return 1;
  }

  /** Rehashes a post's pair table into {@code slots} slots, dropping forgotten partners and counts ≤ {@code dropAtMost}. */
  private void rebuildPairs(Post post, int slots, int dropAtMost) {
    int[] serials = post.pairSerials;
    short[] counts = post.pairCounts;
    post.pairSerials = new int[slots];
    post.pairCounts = new short[slots];
    post.pairSize = 0;
    int mask = slots - 1;
    for (int j = 0; j < serials.length; j++) {
      if (counts[j] <= dropAtMost || held(serials[j]) == null) continue;
      int i = pairHome(serials[j], mask);
      while (post.pairCounts[i] != 0) i = (i + 1) & mask;
      post.pairSerials[i] = serials[j];
      post.pairCounts[i] = counts[j];
      post.pairSize++;
    }
  }

  private static int pairHome(int serial, int mask) {
    return (serial * 0x9E3779B9 >>> 16) & mask;
  }

  private static final class Post {
    final int serial;
    final Influencer influencer;
    final String postId;
    final long firstMillis;
    long[] authors = new long[4];
    int authorCount;
    int[] pairSerials; // partner posts older than this one; count 0 marks an empty slot
    short[] pairCounts;
    int pairSize;
    Map<Post, Integer> links; // posts in lockstep with this one → shared authors; null when none

    Post(int serial, Influencer influencer, String postId, long firstMillis) {
      this.serial = serial;
      this.influencer = influencer;
      this.postId = postId;
      this.firstMillis = firstMillis;
    }

    boolean hasAuthor(long key) {
      for (int i = 0; i < authorCount; i++) if (authors[i] == key) return true;
      return false;
    }

    void addAuthor(long key, int cap) {
      if (authorCount == authors.length) authors = Arrays.copyOf(authors, Math.min(cap, authors.length * 2));
      authors[authorCount++] = key;
    }

    /** Links to {@code other}; the shared count before, or null if it was not linked. */
    Integer linkTo(Post other, int shared) {
      if (links == null) {
        links = new HashMap<>(4);
        influencer.lockstepPosts.add(this);
      }
      return links.put(other, shared);
    }

    boolean unlink(Post other) {
      if (links == null || links.remove(other) == null) return false;
      if (links.isEmpty()) {
        links = null;
        influencer.lockstepPosts.remove(this);
      }
      return true;
    }
  }

  private static final class Influencer {
    final String id;
    final Map<String, Post> posts = new HashMap<>();
    final Set<Post> lockstepPosts = new LinkedHashSet<>();
    CoordinationFinding lastReported;
    long lastChangeMillis = Long.MIN_VALUE;

    Influencer(String id) {
      this.id = id;
    }

    CoordinationFinding finding() {
      Map<String, int[]> byPartner = new HashMap<>(); // partner → {shared summed, shared max}
      int sharedMax = 0;
      for (Post post : lockstepPosts) {
        for (var link : post.links.entrySet()) {
          int shared = link.getValue();
          int[] sums = byPartner.computeIfAbsent(link.getKey().influencer.id, k -> new int[2]);
          sums[0] += shared;
          sums[1] = Math.max(sums[1], shared);
          sharedMax = Math.max(sharedMax, shared);
        }
      }
      List<String> partners = byPartner.entrySet().stream()
          .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
              .thenComparingInt(e -> -e.getValue()[1])
              .thenComparing(Map.Entry::getKey))
          .limit(CoordinationFinding.MAX_PARTNERS_LISTED)
          .map(Map.Entry::getKey)
          .toList();
      return new CoordinationFinding(id, byPartner.size(), lockstepPosts.size(), posts.size(), sharedMax, partners,
          lastChangeMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(lastChangeMillis));
    }
  }
}
