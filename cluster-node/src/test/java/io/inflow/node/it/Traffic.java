package io.inflow.node.it;

import io.inflow.protocol.codec.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded ingest traffic as NDJSON lines plus the totals a correct Inflow must report, computed here
 * independently of Inflow's code: latest snapshot per post by observedAt (lines are shuffled, so
 * older snapshots often arrive after newer ones), latest follower count, summed spend, revenue as
 * paid minus refunded.
 */
final class Traffic {
  static final Instant T0 = Instant.parse("2026-11-10T00:00:00Z");

  final List<String> lines = new ArrayList<>();
  final Map<String, long[]> influencerTotals = new LinkedHashMap<>(); // views, likes, comments, followers, clicks
  final Map<String, BigDecimal[]> campaignMoney = new LinkedHashMap<>(); // spend, revenue
  final Map<String, long[]> campaignCounts = new LinkedHashMap<>(); // views, likes, clicks, conversions

  private final Map<String, long[]> latestPost = new HashMap<>(); // postId → minute, views, likes, comments
  private final Map<String, String> postOwner = new HashMap<>();
  private final Map<String, String> postCampaign = new HashMap<>();
  private final Map<String, long[]> latestFollowers = new HashMap<>(); // influencer → minute, followers

  Traffic(long seed, int influencers, int campaigns, int targetEvents) {
    Random random = new Random(seed);
    int sequence = 0;
    for (int c = 0; c < campaigns; c++) {
      campaignMoney.put(campaignId(c), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      campaignCounts.put(campaignId(c), new long[4]);
    }
    for (int i = 0; i < influencers; i++) influencerTotals.put(influencerId(i), new long[5]);
    while (lines.size() < targetEvents) {
      int i = random.nextInt(influencers);
      String influencer = influencerId(i);
      String campaign = campaignId(i % campaigns);
      String id = "ev-" + seed + "-" + (sequence++);
      int kind = random.nextInt(10);
      if (kind < 5) {
        String post = influencer + "-post-" + random.nextInt(3);
        long minute = random.nextInt(100_000);
        long views = minute * 3 + random.nextInt(3);
        long likes = views / 10;
        long comments = views / 100;
        postOwner.put(post, influencer);
        postCampaign.put(post, campaign);
        long[] known = latestPost.get(post);
        if (known == null || minute >= known[0]) latestPost.put(post, new long[] {minute, views, likes, comments});
        lines.add(line(Map.of("type", "post.metrics", "eventId", id, "influencerId", influencer,
            "platform", "tiktok", "postId", post, "campaignId", campaign,
            "observedAt", T0.plusSeconds(minute * 60).toString(), "views", views, "likes", likes, "comments", comments)));
      } else if (kind < 6) {
        long minute = random.nextInt(100_000);
        long followers = 1000 + random.nextInt(2_000_000);
        long[] known = latestFollowers.get(influencer);
        if (known == null || minute >= known[0]) latestFollowers.put(influencer, new long[] {minute, followers});
        lines.add(line(Map.of("type", "followers.observed", "eventId", id, "influencerId", influencer,
            "platform", "tiktok", "observedAt", T0.plusSeconds(minute * 60).toString(),
            "followers", followers, "following", 100)));
      } else if (kind < 8) {
        influencerTotals.get(influencer)[4]++;
        campaignCounts.get(campaign)[2]++;
        lines.add(line(Map.of("type", "click", "eventId", id, "campaignId", campaign, "influencerId", influencer,
            "occurredAt", T0.toString(), "visitorId", "visitor-" + random.nextInt(1000))));
      } else if (kind < 9) {
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000), 2);
        campaignMoney.get(campaign)[0] = campaignMoney.get(campaign)[0].add(amount);
        lines.add(line(Map.of("type", "spend", "eventId", id, "campaignId", campaign, "amount", amount,
            "currency", "EUR", "kind", "fee", "occurredAt", T0.toString())));
      } else {
        BigDecimal amount = BigDecimal.valueOf(1000 + random.nextInt(50_000), 2);
        String order = "order-" + id;
        campaignMoney.get(campaign)[1] = campaignMoney.get(campaign)[1].add(amount);
        campaignCounts.get(campaign)[3]++;
        lines.add(line(conversion(id, campaign, order, amount, "paid")));
        if (random.nextInt(5) == 0) { // a full refund later
          campaignMoney.get(campaign)[1] = campaignMoney.get(campaign)[1].subtract(amount);
          campaignCounts.get(campaign)[3]--;
          lines.add(line(conversion(id + "-r", campaign, order, amount, "refunded")));
        }
      }
    }
    latestPost.forEach((post, v) -> {
      long[] t = influencerTotals.get(postOwner.get(post));
      t[0] += v[1];
      t[1] += v[2];
      t[2] += v[3];
      long[] c = campaignCounts.get(postCampaign.get(post));
      c[0] += v[1];
      c[1] += v[2];
    });
    latestFollowers.forEach((influencer, v) -> influencerTotals.get(influencer)[3] = v[1]);
    Collections.shuffle(lines, random);
  }

  private static Map<String, Object> conversion(String id, String campaign, String order, BigDecimal amount, String status) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "conversion");
    m.put("eventId", id);
    m.put("campaignId", campaign);
    m.put("orderId", order);
    m.put("customerId", "customer-" + order);
    m.put("amount", amount);
    m.put("currency", "EUR");
    m.put("status", status);
    m.put("attribution", Map.of("kind", "discount_code", "value", "CODE10"));
    m.put("occurredAt", T0.toString());
    return m;
  }

  static String influencerId(int i) {
    return "inf-" + i;
  }

  static String campaignId(int c) {
    return "camp-" + c;
  }

  private static String line(Map<String, Object> fields) {
    return Json.write(fields);
  }

  /** The lines cut into NDJSON bodies of {@code size} lines. */
  List<String> bodies(int size) {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += size) {
      bodies.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + size))) + "\n");
    }
    return bodies;
  }
}
