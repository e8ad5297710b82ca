package io.inflow.load.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.load.EventJson;
import io.inflow.protocol.event.AudienceAccount;
import io.inflow.protocol.event.AudienceSample;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each label shows its defining pattern in the generated events; the same seed gives the same bytes. */
class FraudPopulationTest {

  static final Instant END = Instant.parse("2026-11-29T01:00:00Z");
  static FraudPopulation.Config config;
  static List<IngestEvent> events;
  static Map<String, InfluencerLabel> labels;
  static Map<String, Influencer> byId;

  /** What one influencer's events show, in time order. */
  static final class Influencer {
    final List<FollowersObserved> followers = new ArrayList<>();
    final Map<String, PostPublished> posts = new LinkedHashMap<>();
    final Map<String, List<PostMetrics>> snapshots = new LinkedHashMap<>();
    final Map<String, List<CommentPosted>> comments = new LinkedHashMap<>();
    final List<AudienceSample> audience = new ArrayList<>();

    PostMetrics last(String postId) {
      List<PostMetrics> s = snapshots.get(postId);
      return s == null ? null : s.get(s.size() - 1);
    }

    Set<String> commenters() {
      return comments.values().stream().flatMap(List::stream).map(CommentPosted::authorId).collect(Collectors.toSet());
    }

    /** Day-to-day follower changes, index d = change into day d+1. */
    long[] followerDeltas() {
      long[] deltas = new long[followers.size() - 1];
      for (int d = 1; d < followers.size(); d++) deltas[d - 1] = followers.get(d).followers() - followers.get(d - 1).followers();
      return deltas;
    }
  }

  @BeforeAll
  static void generate() {
    config = FraudPopulation.Config.of(11, 160, 30, END);
    FraudPopulation.Generated generated = FraudPopulation.inMemory(config);
    events = generated.events();
    labels = generated.labels().stream().collect(Collectors.toMap(InfluencerLabel::influencerId, l -> l,
        (a, b) -> a, LinkedHashMap::new));
    byId = new HashMap<>();
    for (IngestEvent event : events) {
      Influencer i = byId.computeIfAbsent(event.influencerId(), id -> new Influencer());
      if (event instanceof FollowersObserved f) {
        i.followers.add(f);
      } else if (event instanceof PostPublished p) {
        i.posts.put(p.postId(), p);
      } else if (event instanceof PostMetrics m) {
        i.snapshots.computeIfAbsent(m.postId(), k -> new ArrayList<>()).add(m);
      } else if (event instanceof CommentPosted c) {
        i.comments.computeIfAbsent(c.postId(), k -> new ArrayList<>()).add(c);
      } else if (event instanceof AudienceSample a) {
        i.audience.add(a);
      } else {
        throw new AssertionError("unexpected " + event.typeName());
      }
    }
  }

  static List<String> withLabel(FraudLabel label) {
    return labels.values().stream().filter(l -> l.label() == label).map(InfluencerLabel::influencerId).toList();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
  }

  static int dayIndex(InfluencerLabel label) {
    LocalDate first = LocalDate.ofInstant(END, ZoneOffset.UTC).minusDays(config.days() - 1L);
    return (int) (label.eventDay().toEpochDay() - first.toEpochDay());
  }

  @Test
  void the_same_seed_gives_the_same_bytes_and_another_seed_does_not(@TempDir Path dir) throws Exception {
    FraudPopulation.Config small = FraudPopulation.Config.of(5, 30, 20, END);
    new FraudPopulation(small).write(dir.resolve("a"));
    new FraudPopulation(small).write(dir.resolve("b"));
    new FraudPopulation(FraudPopulation.Config.of(6, 30, 20, END)).write(dir.resolve("c"));
    for (String file : List.of("events.ndjson", "labels.tsv")) {
      assertEquals(-1L, Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)), file);
    }
    assertNotEquals(-1L, Files.mismatch(dir.resolve("a/events.ndjson"), dir.resolve("c/events.ndjson")));
    assertEquals(new FraudPopulation(small).generate(e -> { }),
        FraudPopulation.readLabels(dir.resolve("a/labels.tsv")));
    String firstLine = Files.readAllLines(dir.resolve("a/events.ndjson")).get(0);
    assertEquals(firstLine, EventJson.toLine(EventJson.parse(firstLine)), "lines round-trip");
  }

  @Test
  void the_nodes_codec_accepts_every_line() {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (IngestEvent event : events) {
      body.writeBytes(EventJson.toBytes(event));
      body.write('\n');
    }
    io.inflow.protocol.codec.ParsedBatch parsed = new io.inflow.protocol.codec.EventCodec().parseNdjson(body.toByteArray());
    assertEquals(List.of(), parsed.rejected().stream().limit(3).toList());
    assertEquals(events.size(), parsed.events().size());
  }

  @Test
  void counts_per_label_match_the_configured_shares() {
    Map<FraudLabel, Long> counts = labels.values().stream()
        .collect(Collectors.groupingBy(InfluencerLabel::label, Collectors.counting()));
    for (FraudLabel label : FraudLabel.values()) {
      long expected = label == FraudLabel.ORGANIC ? 0 : Math.round(config.shares().get(label) * config.influencers());
      if (label != FraudLabel.ORGANIC) assertEquals(expected, counts.getOrDefault(label, 0L), label.wireName());
    }
    assertEquals((long) FraudPopulation.countsPerLabel(config).get(FraudLabel.ORGANIC), counts.get(FraudLabel.ORGANIC));
    double organicShare = counts.get(FraudLabel.ORGANIC) + counts.get(FraudLabel.ORGANIC_VIRAL);
    assertEquals(0.60, organicShare / config.influencers(), 0.02);
  }

  @Test
  void events_are_in_time_order_within_the_period_with_namespaced_unique_ids() {
    Set<String> ids = new HashSet<>();
    Instant previous = Instant.MIN;
    Instant start = LocalDate.ofInstant(END, ZoneOffset.UTC).minusDays(config.days() - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (IngestEvent event : events) {
      assertTrue(ids.add(event.eventId()), event.eventId());
      assertTrue(event.eventId().startsWith(config.namespace() + "-") && event.influencerId().startsWith(config.namespace() + "-"), event.eventId());
      assertFalse(event.occurredTime().isBefore(previous), "time order at " + event.eventId());
      assertFalse(event.occurredTime().isAfter(END) || event.occurredTime().isBefore(start), event.eventId());
      previous = event.occurredTime();
    }
    long perLabelled = labels.values().stream().mapToLong(InfluencerLabel::events).sum();
    assertEquals(events.size(), perLabelled, "labels count every event");
  }

  @Test
  void post_counters_only_grow_comments_are_capped_and_never_outnumber_the_counter() {
    for (Influencer i : byId.values()) {
      for (Map.Entry<String, List<PostMetrics>> post : i.snapshots.entrySet()) {
        PostMetrics previous = null;
        List<CommentPosted> comments = i.comments.getOrDefault(post.getKey(), List.of());
        assertTrue(comments.size() <= PostTraffic.MAX_COMMENT_EVENTS);
        for (PostMetrics m : post.getValue()) {
          if (previous != null) {
            assertTrue(m.views() >= previous.views() && m.likes() >= previous.likes()
                && m.comments() >= previous.comments(), m.postId());
          }
          long seen = comments.stream().filter(c -> !c.postedAt().isAfter(m.observedAt())).count();
          assertTrue(m.comments() >= seen, m.postId());
          previous = m;
        }
      }
    }
  }

  @Test
  void organic_engagement_is_typical_for_the_tier_and_posts_come_every_one_to_four_days() {
    for (String id : withLabel(FraudLabel.ORGANIC)) {
      Influencer i = byId.get(id);
      InfluencerLabel label = labels.get(id);
      assertTrue(i.posts.size() >= config.days() / 5 && i.posts.size() <= config.days() + 1, id + " posts " + i.posts.size());
      assertTrue(i.followers.size() >= config.days() - 1, id + ": one observation a day (the last day's may be after the end)");
      double likesPerView = i.posts.keySet().stream().map(i::last).filter(m -> m != null && m.views() > 0)
          .mapToDouble(m -> (double) m.likes() / m.views()).average().orElseThrow();
      assertTrue(likesPerView > 0.015 && likesPerView < 0.3, id + " likes/view " + likesPerView);
      if (label.tier().equals("nano") && label.platform().wireName().equals("instagram")) {
        double er = i.posts.keySet().stream().map(i::last).filter(m -> m != null)
            .mapToDouble(m -> (double) (m.likes() + m.comments()) / label.followers()).average().orElseThrow();
        assertTrue(er > 0.015 && er < 0.2, id + " ER " + er);
      }
    }
  }

  @Test
  void bought_followers_jump_far_above_the_usual_daily_change_and_engagement_does_not_follow() {
    for (String id : withLabel(FraudLabel.BOUGHT_FOLLOWERS)) {
      Influencer i = byId.get(id);
      long[] deltas = i.followerDeltas();
      double usual = median(java.util.Arrays.stream(deltas).mapToDouble(Math::abs).toArray());
      long biggest = java.util.Arrays.stream(deltas).max().orElseThrow();
      assertTrue(biggest > 8 * Math.max(usual, 5), id + ": biggest " + biggest + " vs median " + usual);
      int day = dayIndex(labels.get(id));
      assertTrue(biggest == deltas[day - 1] || biggest == deltas[Math.min(deltas.length - 1, day)]
          || labels.get(id).intensity() > 0.5, id + " jumps on the labelled day");
    }
    double organicBots = withLabel(FraudLabel.ORGANIC).stream().map(byId::get)
        .mapToDouble(i -> botLikeShare(i.audience.get(i.audience.size() - 1))).average().orElseThrow();
    double boughtBots = withLabel(FraudLabel.BOUGHT_FOLLOWERS).stream().map(byId::get)
        .mapToDouble(i -> botLikeShare(i.audience.get(i.audience.size() - 1))).average().orElseThrow();
    assertTrue(boughtBots > 2.5 * organicBots, boughtBots + " vs organic " + organicBots);
  }

  /** No picture, no bio, few posts and a digit-heavy name. */
  static double botLikeShare(AudienceSample sample) {
    List<AudienceAccount> accounts = sample.accounts();
    return (double) accounts.stream().filter(a -> !a.hasProfilePicture() && a.biographyLength() == 0 && a.posts() < 5
        && a.usernameDigitCount() >= 3).count() / accounts.size();
  }

  @Test
  void a_viral_post_comes_with_the_follower_jump() {
    assertFalse(withLabel(FraudLabel.ORGANIC_VIRAL).isEmpty());
    for (String id : withLabel(FraudLabel.ORGANIC_VIRAL)) {
      Influencer i = byId.get(id);
      long[] deltas = i.followerDeltas();
      int jumpDay = 0;
      for (int d = 1; d < deltas.length; d++) if (deltas[d] > deltas[jumpDay]) jumpDay = d;
      int day = dayIndex(labels.get(id));
      assertTrue(jumpDay + 1 >= day && jumpDay + 1 <= day + 3, id + ": jump into day " + (jumpDay + 1) + ", viral day " + day);
      double medianViews = median(i.posts.keySet().stream().map(i::last).filter(m -> m != null)
          .mapToDouble(PostMetrics::views).toArray());
      PostMetrics viral = i.posts.values().stream()
          .filter(p -> LocalDate.ofInstant(p.publishedAt(), ZoneOffset.UTC).equals(labels.get(id).eventDay()))
          .map(p -> i.last(p.postId())).filter(m -> m != null).max(java.util.Comparator.comparingLong(PostMetrics::views))
          .orElseThrow();
      assertTrue(viral.views() > 2.5 * medianViews, id + ": viral views " + viral.views() + " vs median " + medianViews);
      assertTrue((double) viral.likes() / viral.views() < 0.3, "likes come with the views");
    }
  }

  @Test
  void bought_likes_inflate_likes_against_views() {
    for (String id : withLabel(FraudLabel.BOUGHT_LIKES)) {
      if (labels.get(id).intensity() < 0.5) continue;
      Influencer i = byId.get(id);
      Instant from = labels.get(id).eventDay().atStartOfDay(ZoneOffset.UTC).toInstant();
      double before = likesPerView(i, p -> p.publishedAt().isBefore(from));
      double highestAfter = i.posts.values().stream().filter(p -> !p.publishedAt().isBefore(from))
          .map(p -> i.last(p.postId())).filter(m -> m != null)
          .mapToDouble(m -> (double) m.likes() / Math.max(1, m.views())).max().orElseThrow();
      assertTrue(highestAfter > 2 * before, id + ": likes/view " + highestAfter + " vs " + before + " before");
    }
  }

  static double likesPerView(Influencer i, java.util.function.Predicate<PostPublished> which) {
    return i.posts.values().stream().filter(which).map(p -> i.last(p.postId())).filter(m -> m != null && m.views() > 0)
        .mapToDouble(m -> (double) m.likes() / m.views()).average().orElse(Double.NaN);
  }

  @Test
  void bought_views_jump_between_snapshots_without_likes_and_organic_views_do_not() {
    for (String id : withLabel(FraudLabel.BOUGHT_VIEWS)) {
      if (labels.get(id).intensity() < 0.5) continue;
      assertTrue(largestViewsOverLikesGrowth(byId.get(id), 1) > 2.0, id + ": " + largestViewsOverLikesGrowth(byId.get(id), 1));
    }
    for (String id : withLabel(FraudLabel.ORGANIC)) {
      assertTrue(largestViewsOverLikesGrowth(byId.get(id), 20) < 1.6, id); // small counts round too coarsely
    }
  }

  /** Over all consecutive snapshots of all posts: the highest (views growth) / (likes growth). */
  static double largestViewsOverLikesGrowth(Influencer i, long minLikes) {
    double largest = 0;
    for (List<PostMetrics> s : i.snapshots.values()) {
      for (int k = 1; k < s.size(); k++) {
        if (s.get(k - 1).likes() < minLikes) continue;
        double views = (double) s.get(k).views() / s.get(k - 1).views();
        double likes = (double) s.get(k).likes() / s.get(k - 1).likes();
        largest = Math.max(largest, views / likes);
      }
    }
    return largest;
  }

  @Test
  void pod_members_share_their_commenters_and_organic_influencers_do_not() {
    List<String> pod = withLabel(FraudLabel.ENGAGEMENT_POD);
    assertTrue(pod.size() >= 8, "a pod has 8 or more members");
    for (String a : pod) {
      long sharing = pod.stream().filter(b -> !b.equals(a)
          && labels.get(b).group().equals(labels.get(a).group()))
          .filter(b -> intersection(byId.get(a).commenters(), byId.get(b).commenters()) >= 10).count();
      assertTrue(sharing >= 3, a + " shares 10+ commenters with " + sharing + " pod members");
    }
    for (String a : pod) {
      Influencer i = byId.get(a);
      for (Map.Entry<String, List<CommentPosted>> post : i.comments.entrySet()) {
        Instant published = i.posts.get(post.getKey()).publishedAt();
        List<CommentPosted> round = post.getValue().stream().filter(c -> c.authorId().contains("-pod")).toList();
        assertTrue(round.stream().allMatch(c -> c.postedAt().isBefore(published.plusSeconds(3_600))),
            a + ": the pod comments within the first hour");
        int pairs = 0;
        int inOrder = 0;
        for (int x = 0; x < round.size(); x++) {
          for (int y = x + 1; y < round.size(); y++, pairs++) {
            if (podPosition(round.get(y)) > podPosition(round.get(x))) inOrder++;
          }
        }
        assertTrue(inOrder >= 0.8 * pairs, a + ": the pod's usual order (" + inOrder + " of " + pairs + " pairs)");
      }
    }
    List<String> organic = withLabel(FraudLabel.ORGANIC);
    for (int k = 0; k + 1 < organic.size(); k++) {
      Set<String> a = byId.get(organic.get(k)).commenters();
      Set<String> b = byId.get(organic.get(k + 1)).commenters();
      assertTrue(intersection(a, b) < 5, organic.get(k) + " and " + organic.get(k + 1));
    }
  }

  /** The account's place in its pod's usual order ({@code …-pod<g>-<place>}). */
  static int podPosition(CommentPosted comment) {
    return Integer.parseInt(comment.authorId().substring(comment.authorId().lastIndexOf('-') + 1));
  }

  static long intersection(Set<String> a, Set<String> b) {
    return a.stream().filter(b::contains).count();
  }

  @Test
  void comment_bots_write_generic_texts_from_a_shared_farm() {
    for (String id : withLabel(FraudLabel.COMMENT_BOTS)) {
      List<CommentPosted> bots = byId.get(id).comments.values().stream().flatMap(List::stream)
          .filter(c -> c.authorId().contains("-bot")).toList();
      assertTrue(bots.size() >= 5, id + " has " + bots.size() + " bot comments");
      assertTrue(bots.stream().allMatch(c -> !c.postedAt().isBefore(
          labels.get(id).eventDay().atStartOfDay(ZoneOffset.UTC).toInstant())), "bots start on the labelled day");
    }
    for (String id : withLabel(FraudLabel.ORGANIC)) {
      assertTrue(byId.get(id).commenters().stream().noneMatch(a -> a.contains("-bot")), id);
    }
  }

  @Test
  void organic_comments_rarely_repeat_a_text_and_bot_comments_mostly_do() {
    for (String id : withLabel(FraudLabel.ORGANIC)) {
      List<String> texts = byId.get(id).comments.values().stream().flatMap(List::stream)
          .map(CommentPosted::text).toList();
      if (texts.size() < 50) continue;
      assertTrue(repeatedShare(texts) < 0.4, id + ": repeated texts " + repeatedShare(texts));
    }
    List<String> bots = withLabel(FraudLabel.COMMENT_BOTS).stream().map(byId::get)
        .flatMap(i -> i.comments.values().stream().flatMap(List::stream))
        .filter(c -> c.authorId().contains("-bot")).map(CommentPosted::text).toList();
    assertTrue(repeatedShare(bots) > 0.8, "bot texts repeat: " + repeatedShare(bots));
  }

  /** Share of texts equal (ignoring case, punctuation and emoji) to an earlier one; emoji-only count as repeats. */
  static double repeatedShare(List<String> texts) {
    Set<String> seen = new HashSet<>();
    long repeated = 0;
    for (String text : texts) {
      String key = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").trim();
      if (!seen.add(key)) repeated++;
    }
    return texts.isEmpty() ? 0 : (double) repeated / texts.size();
  }

  @Test
  void follow_churn_swings_following_up_and_down_while_organic_following_barely_moves() {
    for (String id : withLabel(FraudLabel.FOLLOW_CHURN)) {
      if (labels.get(id).intensity() < 0.3) continue;
      List<FollowersObserved> f = byId.get(id).followers;
      long drops = 0;
      for (int d = 1; d < f.size(); d++) if (f.get(d).following() - f.get(d - 1).following() <= -200) drops++;
      assertTrue(drops >= 2, id + " has " + drops + " large unfollow days");
      assertTrue(f.get(f.size() - 1).followers() > f.get(0).followers(), "followers creep up");
    }
    for (String id : withLabel(FraudLabel.ORGANIC)) {
      List<FollowersObserved> f = byId.get(id).followers;
      for (int d = 1; d < f.size(); d++) assertTrue(f.get(d).following() - f.get(d - 1).following() > -50, id);
    }
  }
}
