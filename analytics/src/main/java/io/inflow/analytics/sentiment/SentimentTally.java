package io.inflow.analytics.sentiment;

import io.inflow.analytics.window.Metric;
import io.inflow.analytics.window.RollingCounters.Window;
import io.inflow.protocol.api.CrisisAlertDetails;
import io.inflow.protocol.api.SentimentView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import io.inflow.protocol.event.CommentSentiment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An entity's comment sentiment: counts per label to date, per language, per post (the
 * {@value SentimentView#POSTS_SHOWN} posts commented on most recently), and the terms of its last
 * {@value #NEGATIVE_KEPT} negative comments (for "top negative terms" over any recent window).
 * Memory: bounded, about 50 × 100 bytes for posts plus {@value #NEGATIVE_KEPT} × 5 terms. Rolling windows
 * of the three labels live in the entity's {@code ActivityWindows} ({@link Metric#COMMENTS_POSITIVE}…).
 * Comments without a classification (journals from before sentiment) are not counted.
 */
public final class SentimentTally {
  public static final int NEGATIVE_KEPT = 300;

  private final long[] counts = new long[3];
  private final Map<String, Long> languages = new TreeMap<>();
  /** Counts per post, the most recently commented last, at most {@link SentimentView#POSTS_SHOWN}. */
  private final LinkedHashMap<String, long[]> posts = new LinkedHashMap<>();
  private final long[] negativeAt = new long[NEGATIVE_KEPT];
  private final String[][] negativeTerms = new String[NEGATIVE_KEPT][];
  private long negativesSeen;

  /** Immutable copy for snapshots. */
  public record Snapshot(long[] counts, Map<String, Long> languages, Map<String, long[]> posts,
      List<NegativeComment> negatives) {}

  /** A kept negative comment: when, and its terms. */
  public record NegativeComment(Instant postedAt, List<String> terms) {}

  /** A term and how many kept negative comments in the window had it. */
  public record TermCount(String term, long count) {}

  /** The label's metric in rolling windows. */
  public static Metric metricOf(SentimentLabel label) {
    return switch (label) {
      case POSITIVE -> Metric.COMMENTS_POSITIVE;
      case NEUTRAL -> Metric.COMMENTS_NEUTRAL;
      case NEGATIVE -> Metric.COMMENTS_NEGATIVE;
    };
  }

  /** Counts one classified comment; returns its label (null when unclassified: not counted). */
  public SentimentLabel observe(String postId, Instant postedAt, CommentSentiment s) {
    if (s == null) return null;
    SentimentLabel label = SentimentLabel.fromWire(s.label());
    counts[label.ordinal()]++;
    languages.merge(s.language(), 1L, Long::sum);
    if (postId != null) {
      long[] c = posts.remove(postId);
      if (c == null) c = new long[3];
      c[label.ordinal()]++;
      posts.put(postId, c);
      if (posts.size() > SentimentView.POSTS_SHOWN) posts.remove(posts.keySet().iterator().next());
    }
    if (label == SentimentLabel.NEGATIVE) {
      int slot = (int) (negativesSeen++ % NEGATIVE_KEPT);
      negativeAt[slot] = postedAt.getEpochSecond();
      negativeTerms[slot] = s.terms().toArray(String[]::new);
    }
    return label;
  }

  public long count(SentimentLabel label) {
    return counts[label.ordinal()];
  }

  public long total() {
    return counts[0] + counts[1] + counts[2];
  }

  /** Net sentiment to date, (positive − negative) ÷ classified comments; null without any. */
  public BigDecimal net() {
    return ratio(count(SentimentLabel.POSITIVE) - count(SentimentLabel.NEGATIVE), total());
  }

  public Map<String, Long> languages() {
    return Map.copyOf(languages);
  }


  /**
   * The terms most often found in kept negative comments posted in [{@code from}, {@code to}], most
   * frequent first (ties alphabetically), at most {@code limit}.
   */
  public List<TermCount> topNegativeTerms(Instant from, Instant to, int limit) {
    Map<String, Long> freq = new HashMap<>();
    int kept = (int) Math.min(negativesSeen, NEGATIVE_KEPT);
    long a = from.getEpochSecond(), b = to.getEpochSecond();
    for (int i = 0; i < kept; i++) {
      if (negativeAt[i] < a || negativeAt[i] > b) continue;
      for (String t : negativeTerms[i]) freq.merge(t, 1L, Long::sum);
    }
    List<TermCount> out = new ArrayList<>();
    freq.forEach((t, n) -> out.add(new TermCount(t, n)));
    out.sort((x, y) -> x.count() != y.count() ? Long.compare(y.count(), x.count()) : x.term().compareTo(y.term()));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
  }

  public Snapshot snapshot() {
    Map<String, long[]> p = new LinkedHashMap<>();
    posts.forEach((k, v) -> p.put(k, v.clone()));
    List<NegativeComment> negatives = new ArrayList<>();
    int kept = (int) Math.min(negativesSeen, NEGATIVE_KEPT);
    // oldest first, so that restoring by observing them again keeps the ring's order
    for (int i = 0; i < kept; i++) {
      int slot = (int) ((negativesSeen - kept + i) % NEGATIVE_KEPT);
      negatives.add(new NegativeComment(Instant.ofEpochSecond(negativeAt[slot]), List.of(negativeTerms[slot])));
    }
    return new Snapshot(counts.clone(), Map.copyOf(languages), p, negatives);
  }

  /** Null (a snapshot from before sentiment) gives an empty tally. */
  public static SentimentTally restore(Snapshot s) {
    SentimentTally t = new SentimentTally();
    if (s == null) return t;
    System.arraycopy(s.counts(), 0, t.counts, 0, 3);
    t.languages.putAll(s.languages());
    s.posts().forEach((k, v) -> t.posts.put(k, v.clone())); // Jackson keeps a map's order both ways
    for (NegativeComment n : s.negatives()) {
      int slot = (int) (t.negativesSeen++ % NEGATIVE_KEPT);
      t.negativeAt[slot] = n.postedAt().getEpochSecond();
      t.negativeTerms[slot] = n.terms().toArray(String[]::new);
    }
    return t;
  }

  /**
   * The view for API responses: counts, shares and net to date and over the rolling windows at
   * {@code now}, languages, the top terms of the kept negative comments, and {@code crisis} if open.
   */
  public SentimentView view(CrisisWatch.Counts windows, Instant now, CrisisAlertDetails crisis) {
    Map<String, SentimentView.Counts> w = new LinkedHashMap<>();
    for (Window window : Window.values()) {
      if (window == Window.TO_DATE) continue;
      long p = windows.sum(Metric.COMMENTS_POSITIVE, window, now);
      long u = windows.sum(Metric.COMMENTS_NEUTRAL, window, now);
      long n = windows.sum(Metric.COMMENTS_NEGATIVE, window, now);
      w.put(window.wireName(), counts(p, u, n));
    }
    Map<String, SentimentView.Counts> perPost = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>(posts.keySet());
    for (int i = ids.size() - 1; i >= 0; i--) { // most recently commented first
      long[] c = posts.get(ids.get(i));
      perPost.put(ids.get(i), counts(c[2], c[1], c[0]));
    }
    long total = total();
    List<SentimentView.Term> terms = topNegativeTerms(Instant.MIN, Instant.MAX, 10).stream()
        .map(t -> new SentimentView.Term(t.term(), t.count())).toList();
    return new SentimentView(total, counts[2], counts[1], counts[0], ratio(counts[2], total), ratio(counts[1], total),
        ratio(counts[0], total), net(), w, perPost, languages(), terms, crisis);
  }

  private static SentimentView.Counts counts(long positive, long neutral, long negative) {
    long n = positive + neutral + negative;
    return new SentimentView.Counts(n, positive, neutral, negative, ratio(positive - negative, n));
  }

  /** {@code a / b} to four places, null when {@code b} is 0. */
  private static BigDecimal ratio(long a, long b) {
    return b == 0 ? null : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 4, RoundingMode.HALF_EVEN);
  }

  /** The API form of an episode. */
  public static CrisisAlertDetails details(CrisisWatch.Crisis c) {
    return c == null ? null : new CrisisAlertDetails(c.episode(), c.reason(), c.windowStart(), c.windowEnd(),
        c.comments(), c.negative(), c.positive(), decimal(c.negativeShare()), decimal(c.baselineNegativeShare()),
        decimal(c.baselineCommentsPerHour()), c.topNegativeTerms());
  }

  private static BigDecimal decimal(double d) {
    return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_EVEN);
  }
}
