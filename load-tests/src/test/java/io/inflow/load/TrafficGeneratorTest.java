package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import io.inflow.protocol.event.Spend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrafficGeneratorTest {

  private static TrafficGenerator generator(long seed) {
    return new TrafficGenerator(TrafficGenerator.Config.of(seed, 300, 8));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {42, 7, -3})
  void sameSeedGivesTheSameEvents(long seed) {
    List<String> first = generator(seed).stream().limit(30_000).map(EventJson::toLine).toList();
    List<String> second = generator(seed).stream().limit(30_000).map(EventJson::toLine).toList();
    assertEquals(first, second);
    assertEquals(generator(seed).campaignDefinitions(), generator(seed).campaignDefinitions());
    List<String> otherSeed = generator(seed + 1).stream().limit(1_000).map(EventJson::toLine).toList();
    assertNotEquals(first.subList(0, 1_000), otherSeed);
  }

  @Test
  void eventIdsAreUniqueAndEveryGeneratedIdCarriesTheNamespace() {
    TrafficGenerator generator = new TrafficGenerator(
        TrafficGenerator.Config.of(42, 500, 10).withNamespace("abc12300"));
    Set<String> ids = new HashSet<>();
    generator.stream().limit(200_000).forEach(event -> {
      assertTrue(ids.add(event.eventId()), () -> "repeated eventId " + event.eventId());
      assertTrue(event.eventId().startsWith("abc12300-"));
      if (event.influencerId() != null) assertTrue(event.influencerId().startsWith("abc12300-"));
      if (event.campaignId() != null) assertTrue(event.campaignId().startsWith("abc12300-"));
      if (event instanceof PostMetrics m) assertTrue(m.postId().startsWith("abc12300-"));
      if (event instanceof Conversion c) assertTrue(c.orderId().startsWith("abc12300-"));
    });
    assertEquals(200_000, generator.emitted());
  }

  @Test
  void aPopulationNamesThePeopleAndTheNamespaceWhatTheyDo() {
    TrafficGenerator.Config config = TrafficGenerator.Config.of(42, 50, 3).withNamespace("abc12300");
    List<IngestEvent> own = new TrafficGenerator(config).next(20_000);
    List<IngestEvent> shared = new TrafficGenerator(config.withPopulation("wpop")).next(20_000);
    for (int i = 0; i < own.size(); i++) {
      IngestEvent a = own.get(i), b = shared.get(i);
      assertEquals(a.typeName(), b.typeName(), "the population changes no draw");
      assertEquals(a.eventId(), b.eventId());
      if (b.influencerId() != null) assertEquals(a.influencerId().replace("abc12300-", "wpop-"), b.influencerId());
      if (b.campaignId() != null) assertEquals(a.campaignId().replace("abc12300-", "wpop-"), b.campaignId());
      if (b instanceof PostMetrics m) assertTrue(m.postId().startsWith("abc12300-"));
      if (b instanceof Conversion c) assertTrue(c.orderId().startsWith("abc12300-"));
    }
    assertThrows(IllegalArgumentException.class, () -> config.withPopulation("Bad-Population"));
  }

  @Test
  void cumulativeCountersOnlyGrowAndKeepTheirProportions() {
    Map<String, PostMetrics> last = new HashMap<>();
    Map<String, PostPublished> published = new HashMap<>();
    Instant previousTime = Instant.MIN;
    long snapshots = 0;
    for (IngestEvent event : generator(11).stream().limit(150_000).toList()) {
      assertTrue(event.occurredTime().isAfter(previousTime), "clock must be strictly increasing");
      previousTime = event.occurredTime();
      if (event instanceof PostPublished p) {
        assertEquals(null, published.put(p.postId(), p), "a post is published once");
      }
      if (event instanceof PostMetrics m) {
        PostPublished post = published.get(m.postId());
        assertNotNull(post, "metrics only after the post is published");
        assertEquals(post.influencerId(), m.influencerId());
        assertEquals(post.platform(), m.platform());
        assertEquals(post.campaignId(), m.campaignId());
        assertTrue(m.likes() <= m.views() && m.comments() <= m.likes(), () -> "views ≥ likes ≥ comments: " + m);
        if (m.reach() != null) assertTrue(m.reach() <= m.impressions(), () -> "reach ≤ impressions: " + m);
        PostMetrics before = last.put(m.postId(), m);
        if (before != null) {
          assertAll("counters of " + m.postId() + " never decrease",
              () -> assertTrue(m.views() >= before.views()),
              () -> assertTrue(m.likes() >= before.likes()),
              () -> assertTrue(m.comments() >= before.comments()),
              () -> assertTrue(nullToZero(m.impressions()) >= nullToZero(before.impressions())),
              () -> assertTrue(nullToZero(m.reach()) >= nullToZero(before.reach())),
              () -> assertTrue(nullToZero(m.shares()) >= nullToZero(before.shares())),
              () -> assertTrue(nullToZero(m.saves()) >= nullToZero(before.saves())));
        }
        snapshots++;
      }
    }
    long views = last.values().stream().mapToLong(PostMetrics::views).sum();
    long likes = last.values().stream().mapToLong(PostMetrics::likes).sum();
    long comments = last.values().stream().mapToLong(PostMetrics::comments).sum();
    assertTrue(snapshots > 50_000, "post.metrics dominates the traffic");
    assertTrue(snapshots / (double) last.size() > 8, "posts are observed repeatedly");
    assertTrue(views > 8 * likes, () -> "views ≫ likes: " + views + " vs " + likes);
    assertTrue(likes > 8 * comments, () -> "likes ≫ comments: " + likes + " vs " + comments);
  }

  @Test
  void commentsAreShortPolishAndEnglishTextsFromAPoolOfAuthorsAndNeverOutnumberTheCounter() {
    Map<String, Long> commentsPerPost = new HashMap<>();
    Map<String, Long> reportedComments = new HashMap<>();
    Set<String> texts = new HashSet<>();
    Set<String> authors = new HashSet<>();
    long commentEvents = 0;
    for (IngestEvent event : generator(5).stream().limit(100_000).toList()) {
      if (event instanceof PostMetrics m) reportedComments.put(m.postId(), m.comments());
      if (event instanceof CommentPosted c) {
        commentEvents++;
        texts.add(c.text());
        authors.add(c.authorId());
        assertTrue(c.text().length() <= 80);
        long seen = commentsPerPost.merge(c.postId(), 1L, Long::sum);
        assertTrue(seen <= reportedComments.getOrDefault(c.postId(), 0L),
            "comment events of a post never exceed its reported comment count");
      }
    }
    assertTrue(texts.stream().anyMatch(t -> t.matches(".*[ąćęłńóśźż].*")), "some Polish");
    assertTrue(texts.contains("Love this!") || texts.contains("Nice"), "some English");
    assertTrue(authors.size() < commentEvents, "authors repeat");
  }

  /**
   * The generator's influencers are all organic, so fraud scoring must judge nearly all of them low
   * (the bound for organic accounts is 3% high). Benchmarks rely on it: traffic that looked
   * fraudulent would raise an alert per influencer and campaign and measure alert storms instead of
   * ingest (a fixed pool of 48 comment texts once made 88% of bench influencers "high").
   */
  @Test
  void generatedInfluencersScoreAsOrganic() {
    TrafficGenerator generator = new TrafficGenerator(TrafficGenerator.Config.of(11, 200, 8));
    Map<String, io.inflow.analytics.influencer.InfluencerState> states = new HashMap<>();
    for (IngestEvent e : generator.stream().limit(400_000).toList()) {
      if (e.influencerId() == null) continue;
      states.compute(e.influencerId(), (id, s) -> (s == null
          ? io.inflow.analytics.influencer.InfluencerState.empty(id, 16_384) : s)
          .apply(new io.inflow.analytics.influencer.InfluencerEvent.BatchRecorded(List.of(e))));
    }
    var scorer = new io.inflow.analytics.fraud.FraudScorer(io.inflow.analytics.fraud.FraudSettings.defaults());
    Map<String, Long> levels = states.values().stream()
        .collect(Collectors.groupingBy(s -> s.fraudLevel(scorer), Collectors.counting()));
    assertTrue(states.size() >= 190, "influencers seen: " + states.size());
    assertTrue(levels.getOrDefault("high", 0L) <= states.size() * 0.03, "levels " + levels);
    assertTrue(levels.getOrDefault("low", 0L) >= states.size() * 0.9, "levels " + levels);
  }

  @Test
  void followersArePowerLawDistributed() {
    TrafficGenerator generator = new TrafficGenerator(TrafficGenerator.Config.of(42, 2_000, 0));
    generator.stream().limit(60_000).forEach(e -> { });
    List<Long> followers = generator.truth().influencers().values().stream()
        .map(GroundTruth.InfluencerTruth::followers).filter(f -> f > 0).sorted().toList();
    assertEquals(2_000, followers.size(), "the first follower sync covers every influencer");
    long median = followers.get(followers.size() / 2);
    double mean = followers.stream().mapToLong(Long::longValue).average().orElseThrow();
    long nano = followers.stream().filter(f -> f < 10_000).count();
    long macroOrMore = followers.stream().filter(f -> f >= 500_000).count();
    assertTrue(median < 10_000, "most creators are nano: median " + median);
    assertTrue(mean > 5 * median, "heavy tail: mean " + mean + " vs median " + median);
    assertTrue(nano > 1_000 && macroOrMore >= 3, "nano " + nano + ", macro+ " + macroOrMore);
  }

  @Test
  void ordersAreAttributedByTheCampaignsDiscountCodesInItsCurrencyAndRefundsFollowPayments() {
    TrafficGenerator generator = generator(3);
    Map<String, CampaignDefinition> definitions = generator.campaignDefinitions();
    Map<String, Conversion> paid = new HashMap<>();
    Set<String> refunded = new HashSet<>();
    for (IngestEvent event : generator.stream().limit(150_000).toList()) {
      if (event instanceof Conversion c) {
        CampaignDefinition campaign = definitions.get(c.campaignId());
        assertEquals(campaign.currency(), c.currency());
        Map<String, String> codes = campaign.influencers().stream()
            .collect(Collectors.toMap(Enrolment::discountCode, Enrolment::influencerId));
        assertTrue(codes.containsKey(c.attribution().value()), "code belongs to the campaign");
        if (c.influencerId() != null) assertEquals(codes.get(c.attribution().value()), c.influencerId());
        if (c.status() == ConversionStatus.PAID) {
          assertEquals(null, paid.put(c.orderId(), c), "an order is paid once");
        } else {
          Conversion order = paid.get(c.orderId());
          assertNotNull(order, "a refund follows its payment");
          assertEquals(order.campaignId(), c.campaignId());
          assertTrue(c.amount().compareTo(order.amount()) <= 0, "refund ≤ payment");
          assertTrue(refunded.add(c.orderId()), "an order is refunded at most once");
        }
      }
      if (event instanceof Spend s) assertEquals(definitions.get(s.campaignId()).currency(), s.currency());
      if (event instanceof Click c) {
        assertTrue(definitions.get(c.campaignId()).influencers().stream()
            .anyMatch(e -> e.influencerId().equals(c.influencerId())), "clicks come from enrolled influencers");
      }
    }
    assertTrue(!paid.isEmpty() && !refunded.isEmpty(), "paid " + paid.size() + ", refunded " + refunded.size());
  }

  @Test
  void eachInfluencerIsInAtMostOneCampaignWithADiscountCodeEach() {
    Map<String, CampaignDefinition> definitions = generator(42).campaignDefinitions();
    assertEquals(8, definitions.size());
    List<String> enrolled = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    definitions.values().forEach(d -> d.influencers().forEach(e -> {
      enrolled.add(e.influencerId());
      assertTrue(codes.add(e.discountCode()), "discount codes are unique");
      assertTrue(e.fee().signum() > 0);
    }));
    assertEquals(enrolled.size(), new HashSet<>(enrolled).size(), "0–1 campaigns per influencer");
    assertTrue(enrolled.size() > 100 && enrolled.size() < 300, "a share of influencers is enrolled");
  }

  @Test
  void worksWithoutCampaigns() {
    TrafficGenerator generator = new TrafficGenerator(TrafficGenerator.Config.of(1, 5, 0));
    Set<String> types = generator.stream().limit(20_000).map(IngestEvent::typeName).collect(Collectors.toSet());
    assertEquals(Set.of("post.published", "post.metrics", "comment.posted", "followers.observed", "audience.sample"),
        types);
    assertTrue(generator.truth().campaigns().isEmpty());
  }

  @Test
  void rejectsNamespacesThatCouldBreakIds() {
    assertThrows(IllegalArgumentException.class,
        () -> TrafficGenerator.Config.of(1, 5, 1).withNamespace("Bad-Namespace"));
    assertThrows(IllegalArgumentException.class, () -> TrafficGenerator.Config.of(1, 0, 1));
  }

  @Test
  void truthIsASnapshotOfWhatWasEmitted() {
    TrafficGenerator generator = generator(9);
    GroundTruth empty = generator.truth();
    assertEquals(0, empty.events());
    assertTrue(empty.influencers().values().stream().allMatch(i -> i.posts() == 0 && i.followers() == 0));
    generator.next(1_000);
    GroundTruth early = generator.truth();
    generator.next(1_000);
    assertEquals(1_000, early.events(), "an earlier snapshot does not move");
    assertEquals(2_000, generator.truth().events());
    assertEquals(2_000, generator.truth().eventsByType().values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void followersObservationsDriftButStayPlausible() {
    Map<String, Long> lastFollowers = new HashMap<>();
    for (IngestEvent event : generator(4).stream().limit(80_000).toList()) {
      if (event instanceof FollowersObserved f) {
        assertTrue(f.followers() >= 0 && f.following() >= 0);
        Long before = lastFollowers.put(f.influencerId() + "/" + f.platform(), f.followers());
        if (before != null && before > 10_000) {
          double change = Math.abs(f.followers() - before) / (double) before;
          assertTrue(change < 0.05, "no jump above 5% between observations: " + change);
        }
      }
    }
  }

  private static long nullToZero(Long value) {
    return value == null ? 0 : value;
  }
}
