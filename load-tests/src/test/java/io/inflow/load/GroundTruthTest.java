package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.load.GroundTruth.CampaignTruth;
import io.inflow.load.GroundTruth.InfluencerTruth;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import io.inflow.protocol.event.Spend;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generator's ground truth comes from its simulation state; here the same totals are recomputed
 * from the emitted events alone, in shuffled order (as concurrent requests may reach a node), by
 * "latest observedAt wins" and plain sums. Both routes must agree exactly.
 */
class GroundTruthTest {

  @ParameterizedTest(name = "seed {0}, {1} influencers, {2} campaigns, {3} events")
  @CsvSource({"42, 1000, 20, 150000", "7, 50, 3, 60000", "123, 10, 1, 20000"})
  void truthEqualsATotalRecomputedFromTheShuffledEvents(long seed, int influencers, int campaigns, int events) {
    TrafficGenerator generator = new TrafficGenerator(TrafficGenerator.Config.of(seed, influencers, campaigns));
    List<IngestEvent> emitted = new ArrayList<>(generator.next(events));
    GroundTruth truth = generator.truth();
    Collections.shuffle(emitted, new Random(seed));

    Recomputed again = new Recomputed();
    emitted.forEach(again::add);

    assertEquals(events, truth.events());
    assertEquals(again.eventsByType, truth.eventsByType());
    assertEquals(influencers, truth.influencers().size());
    for (String influencerId : generator.influencerIds()) {
      assertEquals(again.influencer(influencerId), truth.influencer(influencerId), influencerId);
    }
    assertEquals(campaigns, truth.campaigns().size());
    for (String campaignId : generator.campaignDefinitions().keySet()) {
      CampaignTruth expected = again.campaign(campaignId, generator.campaignDefinitions().get(campaignId).currency());
      assertEquals(expected, truth.campaign(campaignId), campaignId);
    }
    // Sanity of the world itself, so an empty truth cannot pass.
    long paidOrders = truth.campaigns().values().stream().mapToLong(CampaignTruth::paidOrders).sum();
    long posts = truth.influencers().values().stream().mapToLong(InfluencerTruth::posts).sum();
    assertTrue(paidOrders > 0 && posts > 0, "orders " + paidOrders + ", posts " + posts);
    truth.campaigns().values().forEach(c -> {
      assertEquals(c.paid().subtract(c.refunded()), c.revenue());
      assertTrue(c.refunded().compareTo(c.paid()) <= 0);
    });
  }

  /** Totals folded from events only. */
  private static final class Recomputed {
    final Map<String, Long> eventsByType = new HashMap<>();
    final Map<String, PostPublished> posts = new HashMap<>();
    final Map<String, PostMetrics> latestMetrics = new HashMap<>();
    final Map<String, FollowersObserved> latestFollowers = new HashMap<>();
    final Map<String, BigDecimal> spend = new HashMap<>();
    final Map<String, BigDecimal> paid = new HashMap<>();
    final Map<String, BigDecimal> refunded = new HashMap<>();
    final Map<String, Set<String>> paidOrders = new HashMap<>();
    final Map<String, Set<String>> refundedOrders = new HashMap<>();
    final Map<String, Long> clicks = new HashMap<>();

    void add(IngestEvent event) {
      eventsByType.merge(event.typeName(), 1L, Long::sum);
      if (event instanceof PostPublished p) {
        posts.put(p.postId(), p);
      } else if (event instanceof PostMetrics m) {
        latestMetrics.merge(m.postId(), m, (a, b) -> a.observedAt().isAfter(b.observedAt()) ? a : b);
      } else if (event instanceof FollowersObserved f) {
        latestFollowers.merge(f.influencerId() + "|" + f.platform().wireName(), f,
            (a, b) -> a.observedAt().isAfter(b.observedAt()) ? a : b);
      } else if (event instanceof Spend s) {
        spend.merge(s.campaignId(), s.amount(), BigDecimal::add);
      } else if (event instanceof Click c) {
        clicks.merge(c.campaignId(), 1L, Long::sum);
      } else if (event instanceof Conversion c && c.status() == ConversionStatus.PAID) {
        paid.merge(c.campaignId(), c.amount(), BigDecimal::add);
        paidOrders.computeIfAbsent(c.campaignId(), k -> new HashSet<>()).add(c.orderId());
      } else if (event instanceof Conversion c && c.status() == ConversionStatus.REFUNDED) {
        refunded.merge(c.campaignId(), c.amount(), BigDecimal::add);
        refundedOrders.computeIfAbsent(c.campaignId(), k -> new HashSet<>()).add(c.orderId());
      }
    }

    InfluencerTruth influencer(String influencerId) {
      Map<Platform, Long> byPlatform = new HashMap<>();
      long followers = 0;
      long following = 0;
      for (FollowersObserved f : latestFollowers.values()) {
        if (f.influencerId().equals(influencerId)) {
          byPlatform.put(f.platform(), f.followers());
          followers += f.followers();
          following += f.following();
        }
      }
      int postCount = (int) posts.values().stream().filter(p -> p.influencerId().equals(influencerId)).count();
      long[] sums = sums(latestMetrics.values().stream().filter(m -> m.influencerId().equals(influencerId)).toList());
      return new InfluencerTruth(influencerId, byPlatform, followers, following, postCount,
          sums[0], sums[1], sums[2], sums[3], sums[4]);
    }

    CampaignTruth campaign(String campaignId, String currency) {
      BigDecimal zero = BigDecimal.ZERO.setScale(2);
      BigDecimal paidTotal = paid.getOrDefault(campaignId, zero);
      BigDecimal refundedTotal = refunded.getOrDefault(campaignId, zero);
      int postCount = (int) posts.values().stream().filter(p -> campaignId.equals(p.campaignId())).count();
      long[] sums = sums(latestMetrics.values().stream().filter(m -> campaignId.equals(m.campaignId())).toList());
      return new CampaignTruth(campaignId, currency, spend.getOrDefault(campaignId, zero), paidTotal,
          refundedTotal, paidTotal.subtract(refundedTotal),
          paidOrders.getOrDefault(campaignId, Set.of()).size(),
          refundedOrders.getOrDefault(campaignId, Set.of()).size(),
          clicks.getOrDefault(campaignId, 0L), postCount, sums[0], sums[1], sums[2], sums[3], sums[4]);
    }

    private static long[] sums(List<PostMetrics> metrics) {
      long[] sums = new long[5];
      for (PostMetrics m : metrics) {
        sums[0] += m.views();
        sums[1] += m.likes();
        sums[2] += m.comments();
        sums[3] += m.shares() == null ? 0 : m.shares();
        sums[4] += m.saves() == null ? 0 : m.saves();
      }
      return sums;
    }
  }
}
