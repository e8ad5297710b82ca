package io.inflow.analytics.fraud;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoordinationIndexTest {
  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  /** One comment of a scenario, replayed in time order. */
  private record Comment(long author, String influencer, String post, Instant at) {}

  private static void replay(CoordinationIndex index, List<Comment> comments) {
    comments.stream().sorted(Comparator.comparing(Comment::at))
        .forEach(c -> index.add(c.author(), c.influencer(), c.post(), c.at()));
  }

  private static Map<String, CoordinationFinding> latest(List<CoordinationFinding> findings) {
    Map<String, CoordinationFinding> byInfluencer = new HashMap<>();
    findings.forEach(f -> byInfluencer.put(f.influencerId(), f));
    return byInfluencer;
  }

  /**
   * A pod: {@code members} influencers post in turn every two hours; each post gets the pod's
   * accounts within its first hour, in a similar order, plus 20 organic fans of its own.
   */
  private static List<Comment> pod(int members, int postsEach, int podAccounts, long podKeyBase, Random random) {
    return pod(members, postsEach, podAccounts, podKeyBase, random, T0);
  }

  private static List<Comment> pod(int members, int postsEach, int podAccounts, long podKeyBase, Random random,
      Instant start) {
    List<Comment> comments = new ArrayList<>();
    int turn = 0;
    for (int round = 0; round < postsEach; round++) {
      for (int m = 0; m < members; m++, turn++) {
        String influencer = "pod-" + m;
        String post = influencer + "-p" + round;
        Instant published = start.plus(Duration.ofHours(2L * turn));
        for (int a = 0; a < podAccounts; a++) {
          long jitterSeconds = a * 60L + random.nextInt(60);
          comments.add(new Comment(podKeyBase + a, influencer, post, published.plusSeconds(jitterSeconds)));
        }
        for (int f = 0; f < 20; f++) {
          long fan = CoordinationIndex.authorKey(influencer + "/fan-" + random.nextInt(400));
          comments.add(new Comment(fan, influencer, post, published.plusSeconds(random.nextInt(3 * 3600))));
        }
      }
    }
    return comments;
  }

  @Test
  void everyPodMemberHasSeveralPartners() {
    var index = new CoordinationIndex(CoordinationSettings.defaults());
    replay(index, pod(10, 3, 25, 1_000, new Random(1)));
    Map<String, CoordinationFinding> findings = latest(index.findings());
    assertEquals(10, findings.size(), findings.toString());
    for (CoordinationFinding f : findings.values()) {
      assertTrue(f.partnerInfluencers() >= 2, f.toString());
      assertTrue(f.lockstepPosts() >= 2, f.toString());
      assertEquals(3, f.postsSeen(), f.toString());
      assertTrue(f.sharedAuthorsMax() >= 20, f.toString());
      assertFalse(f.partners().contains(f.influencerId()), f.toString());
      assertTrue(f.partners().size() <= CoordinationFinding.MAX_PARTNERS_LISTED, f.toString());
      assertTrue(f.partners().stream().allMatch(p -> p.startsWith("pod-")), f.toString());
    }
  }

  /**
   * 30 influencers post daily for 14 days. Each has a fan base of 400 (a tenth of them also fans of
   * one other creator); a post gets 40 comments from its fans, a third within the first hour. Eight
   * super-fans of the niche comment on a random third of all posts, at any time within three days.
   */
  private static List<Comment> organic(long seed) {
    Random random = new Random(seed);
    int influencers = 30;
    List<Comment> comments = new ArrayList<>();
    for (int day = 0; day < 14; day++) {
      for (int i = 0; i < influencers; i++) {
        String influencer = "creator-" + i;
        String post = influencer + "-d" + day;
        Instant published = T0.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(random.nextInt(16 * 60)));
        for (int c = 0; c < 40; c++) {
          int fan = random.nextInt(400);
          // fans 0..39 of creator i are also fans of creator i+1: they comment there as "creator-i" fans
          int home = fan < 40 && random.nextBoolean() ? (i + influencers - 1) % influencers : i;
          long author = CoordinationIndex.authorKey("creator-" + home + "/fan-" + fan);
          long delaySeconds = (long) (-Math.log(1 - random.nextDouble()) * 3 * 3600);
          comments.add(new Comment(author, influencer, post, published.plusSeconds(delaySeconds)));
        }
        for (int s = 0; s < 8; s++) {
          if (random.nextInt(3) != 0) continue;
          long author = CoordinationIndex.authorKey("niche/super-fan-" + s);
          comments.add(new Comment(author, influencer, post, published.plusSeconds(random.nextInt(3 * 24 * 3600))));
        }
      }
    }
    return comments;
  }

  @Test
  void organicFansAndSuperFansAreNotAPod() {
    var index = new CoordinationIndex(CoordinationSettings.defaults());
    replay(index, organic(42));
    List<CoordinationFinding> suspicious = index.findings().stream().filter(f -> f.partnerInfluencers() >= 2).toList();
    assertEquals(List.of(), suspicious);
  }

  @Test
  void aPodHidingAmongOrganicCreatorsIsFoundAndOnlyThePod() {
    var index = new CoordinationIndex(CoordinationSettings.defaults());
    List<Comment> comments = new ArrayList<>(organic(7));
    comments.addAll(pod(8, 4, 25, 5_000, new Random(8), T0.plus(Duration.ofDays(12)))); // within the horizon at the end
    replay(index, comments);
    Map<String, CoordinationFinding> findings = latest(index.findings());
    for (int m = 0; m < 8; m++) {
      var f = findings.get("pod-" + m);
      assertNotNull(f, "pod-" + m + " in " + findings.keySet());
      assertTrue(f.partnerInfluencers() >= 2, f.toString());
    }
    assertTrue(findings.values().stream().filter(f -> f.partnerInfluencers() >= 2)
        .allMatch(f -> f.influencerId().startsWith("pod-")), findings.toString());
  }

  @Test
  void commentsAfterThePostsWindowDoNotCount() {
    var index = new CoordinationIndex(CoordinationSettings.defaults());
    for (int i = 0; i < 3; i++) {
      String influencer = "late-" + i;
      Instant first = T0.plus(Duration.ofHours(3L * i));
      index.add(CoordinationIndex.authorKey("opener-" + i), influencer, "p", first);
      for (long a = 0; a < 20; a++) index.add(100 + a, influencer, "p", first.plus(Duration.ofMinutes(61 + a)));
    }
    assertEquals(List.of(), index.findings());

    // the same accounts inside the window make it a pod
    var inWindow = new CoordinationIndex(CoordinationSettings.defaults());
    for (int i = 0; i < 3; i++) {
      String influencer = "early-" + i;
      Instant first = T0.plus(Duration.ofHours(3L * i));
      inWindow.add(CoordinationIndex.authorKey("opener-" + i), influencer, "p", first);
      for (long a = 0; a < 20; a++) inWindow.add(100 + a, influencer, "p", first.plus(Duration.ofMinutes(1 + 2 * a)));
    }
    assertEquals(3, inWindow.findings().size());
  }

  @Test
  void postsTooFarApartAreNotInLockstep() {
    var index = new CoordinationIndex(CoordinationSettings.defaults());
    for (int i = 0; i < 3; i++) {
      Instant first = T0.plus(Duration.ofHours(49L * i));
      for (long a = 0; a < 20; a++) index.add(100 + a, "slow-" + i, "p", first.plusSeconds(a));
    }
    assertEquals(List.of(), index.findings());
  }

  @Test
  void theHorizonForgetsOldPostsAndWithdrawsTheirFindings() {
    var index = new CoordinationIndex(CoordinationSettings.defaults());
    replay(index, pod(4, 2, 25, 1_000, new Random(3)));
    int podPosts = index.posts();
    assertEquals(8, podPosts);
    assertTrue(index.authors() > 25);
    assertEquals(4, index.findings().size());

    Instant later = T0.plus(Duration.ofDays(15));
    index.add(CoordinationIndex.authorKey("someone"), "quiet", "p", later);
    assertEquals(1, index.posts(), "only the new post is held");
    assertEquals(1, index.authors(), "authors of forgotten posts are forgotten");
    List<CoordinationFinding> withdrawn = index.findings();
    assertEquals(4, withdrawn.size(), withdrawn.toString());
    for (CoordinationFinding f : withdrawn) {
      assertFalse(f.hasEvidence(), f.toString());
      assertEquals(0, f.lockstepPosts());
      assertEquals(0, f.postsSeen());
      assertEquals(List.of(), f.partners());
    }
    assertEquals(List.of(), index.findings(), "withdrawn once");

    // a comment older than the horizon changes nothing
    index.add(1_000, "pod-0", "old", T0);
    assertEquals(1, index.posts());
  }

  @Test
  void thePostCapIsNeverExceeded() {
    var index = new CoordinationIndex(CoordinationSettings.defaults().withMaxPosts(100));
    Random random = new Random(5);
    for (int p = 0; p < 2_000; p++) {
      Instant first = T0.plus(Duration.ofMinutes(10L * p));
      for (int c = 0; c < 10; c++) {
        index.add(random.nextInt(500), "i-" + (p % 37), "p-" + p, first.plusSeconds(c));
        assertTrue(index.posts() <= 100);
      }
    }
    assertEquals(100, index.posts());
    assertTrue(index.authors() <= 500);
  }

  @Test
  void thePodIsStillFoundWhenThePostCapForgetsOlderPosts() {
    var index = new CoordinationIndex(CoordinationSettings.defaults().withMaxPosts(12));
    replay(index, pod(10, 3, 25, 1_000, new Random(1)));
    assertEquals(12, index.posts());
    Map<String, CoordinationFinding> findings = latest(index.findings());
    assertTrue(findings.values().stream().filter(CoordinationFinding::hasEvidence).count() >= 6, findings.toString());
  }

  @Test
  void findingsAreReportedOnlyWhenTheEvidenceChanges() {
    var index = new CoordinationIndex(CoordinationSettings.defaults());
    List<Comment> comments = pod(3, 1, 25, 1_000, new Random(2));
    replay(index, comments);
    assertEquals(3, index.findings().size());
    assertEquals(List.of(), index.findings());

    replay(index, comments); // the same comments again: same authors, nothing changes
    assertEquals(List.of(), index.findings());

    // a new post of one member with the pod's accounts changes that member and its partners
    Instant next = comments.stream().map(Comment::at).max(Comparator.naturalOrder()).orElseThrow().plusSeconds(60);
    for (long a = 0; a < 25; a++) index.add(1_000 + a, "pod-0", "pod-0-extra", next.plusSeconds(a));
    Map<String, CoordinationFinding> changed = latest(index.findings());
    assertEquals(2, changed.get("pod-0").lockstepPosts(), changed.toString());
    assertEquals(2, changed.get("pod-0").postsSeen());
  }

  @Test
  void aPairIsDroppedWhenOrganicCommentersOutweighTheSharedOnes() {
    var settings = CoordinationSettings.defaults();
    var index = new CoordinationIndex(settings);
    for (long a = 0; a < 6; a++) index.add(a, "x", "p", T0.plusSeconds(a));
    for (long a = 0; a < 6; a++) index.add(a, "y", "q", T0.plusSeconds(600 + a));
    assertEquals(2, index.findings().size());
    // 20 organic commenters on each: 6 shared of 26 is below 30 %
    for (long a = 0; a < 20; a++) {
      index.add(1_000 + a, "x", "p", T0.plusSeconds(1_200 + a));
      index.add(2_000 + a, "y", "q", T0.plusSeconds(1_200 + a));
    }
    List<CoordinationFinding> withdrawn = index.findings();
    assertEquals(2, withdrawn.size());
    assertTrue(withdrawn.stream().noneMatch(CoordinationFinding::hasEvidence), withdrawn.toString());
  }

  @Test
  void postsOfTheSameInfluencerAreNeverPartners() {
    var index = new CoordinationIndex(CoordinationSettings.defaults());
    for (int p = 0; p < 5; p++) {
      for (long a = 0; a < 30; a++) index.add(a, "loyal", "p" + p, T0.plus(Duration.ofHours(p)).plusSeconds(a));
    }
    assertEquals(List.of(), index.findings());
  }

  @Test
  void settingsRefuseNonsenseNamingTheKey() {
    var d = CoordinationSettings.defaults();
    var e = assertThrows(IllegalArgumentException.class, () -> new CoordinationSettings(d.window(), 60, 5, 1.5,
        d.maxGap(), d.horizon(), 10));
    assertTrue(e.getMessage().startsWith("min-shared-share"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> d.withMaxPosts(0));
    assertTrue(e.getMessage().startsWith("max-posts"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> d.withWindow(Duration.ZERO));
    assertTrue(e.getMessage().startsWith("window"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CoordinationSettings(d.window(), 60, 61, 0.3,
        d.maxGap(), d.horizon(), 10));
    assertTrue(e.getMessage().startsWith("min-shared-authors"), e.getMessage());
  }

  @Test
  void authorKeysAreStableAndDistinct() {
    assertEquals(CoordinationIndex.authorKey("a-1"), CoordinationIndex.authorKey("a-1"));
    assertNotEquals(CoordinationIndex.authorKey("a-1"), CoordinationIndex.authorKey("a-2"));
  }

  @Test
  void findingsAreImmutable() {
    var partners = new ArrayList<>(List.of("b"));
    var f = new CoordinationFinding("a", 1, 1, 1, 5, partners, T0);
    partners.add("c");
    assertEquals(List.of("b"), f.partners());
    assertThrows(UnsupportedOperationException.class, () -> f.partners().add("d"));
  }
}
