package io.inflow.analytics.fraud;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A rough cost measurement, not a benchmark and without timing assertions: one million comments
 * over 20 days from 2,000 influencers (10 posts a day between them every 2.4 min, 50 comments each
 * in the first hour, from a pool of 2 million people, a few pods among them). Prints the time
 * per {@code add} and what the index holds. Run with {@code -Dinflow.measure=true}.
 */
@EnabledIfSystemProperty(named = "inflow.measure", matches = "true")
class CoordinationIndexCostTest {

  @Test
  void costPerComment() {
    for (int run = 0; run < 3; run++) measure(run, 50, 2_000_000);
  }

  /** Memory near the worst case: every comment from a different person, the author cap full on every post. */
  @Test
  void memoryWithEveryCommentFromADifferentPerson() {
    measure(9, 60, Integer.MAX_VALUE);
  }

  private static void measure(int run, int commentsPerPost, int people) {
    {
      var index = new CoordinationIndex(CoordinationSettings.defaults());
      Random random = new Random(run);
      int comments = 1_000_000;
      long[] authors = new long[comments];
      String[] influencers = new String[(comments + commentsPerPost - 1) / commentsPerPost];
      String[] posts = new String[influencers.length];
      for (int p = 0; p < posts.length; p++) {
        influencers[p] = "influencer-" + random.nextInt(2_000);
        posts[p] = "post-" + p;
      }
      for (int c = 0; c < comments; c++) {
        int post = c / commentsPerPost;
        boolean podPost = post % 10 == 0;
        authors[c] = podPost && c % commentsPerPost < 25 ? (post / 10 % 20) * 100 + c % commentsPerPost
            : CoordinationIndex.authorKey("person-" + (people == Integer.MAX_VALUE ? c : random.nextInt(people)));
      }
      Instant start = Instant.parse("2026-11-01T00:00:00Z");
      long nanos = System.nanoTime();
      for (int c = 0; c < comments; c++) {
        int post = c / commentsPerPost;
        // posts start 2.4 minutes apart; a post's comments come within its first hour
        Instant at = start.plus(Duration.ofMillis(post * 144_000L + (c % commentsPerPost) * 3_540_000L / commentsPerPost));
        index.add(authors[c], influencers[post], posts[post], at);
      }
      long elapsed = System.nanoTime() - nanos;
      long findings = index.findings().stream().filter(CoordinationFinding::hasEvidence).count();
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      System.out.printf("run %d (%d comments per post): %,d comments in %,d ms = %.0f ns per add; %,d posts, %,d authors held; "
          + "%d influencers with findings; heap after GC %,d MB%n", run, commentsPerPost, comments, elapsed / 1_000_000,
          (double) elapsed / comments, index.posts(), index.authors(), findings, heap >> 20);
    }
  }
}
