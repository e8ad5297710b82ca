package io.inflow.node.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.node.InMemoryNode;
import io.inflow.node.InflowNode;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.live.LiveClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fraud score end to end on a real node (in-memory journal): events over HTTP, the explained
 * report, and the alert a rising level raises on the campaign (listed, and pushed on its socket).
 */
class FraudRoutesTest {
  private static final Instant DAY0 = Instant.parse("2026-10-01T09:00:00Z");
  private static InflowNode node;
  private static HttpClientSupport http;

  @BeforeAll
  static void start() throws Exception {
    node = InMemoryNode.start("fraud", """
        inflow.live.min-interval = 50ms
        inflow.live.resync-interval = 0s
        inflow.fraud.coordination.interval = 200ms
        """);
    http = new HttpClientSupport(node.apiUrl());
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  private static void post(List<String> lines) {
    var reply = http.post("/api/v1/events", "application/x-ndjson", String.join("\n", lines));
    assertEquals(200, reply.status(), reply.raw().body());
  }

  static String followers(String influencer, int day, long followers, long following) {
    return """
        {"type":"followers.observed","eventId":"%s-f%d","influencerId":"%s","platform":"instagram","observedAt":"%s","followers":%d,"following":%d}"""
        .formatted(influencer, day, influencer, DAY0.plus(Duration.ofDays(day)), followers, following);
  }

  static String metrics(String influencer, String campaign, String postId, int n, double day, long views, long likes, long comments) {
    return """
        {"type":"post.metrics","eventId":"%s-%s-m%d","influencerId":"%s","platform":"instagram","postId":"%s","campaignId":"%s","observedAt":"%s","views":%d,"likes":%d,"comments":%d}"""
        .formatted(influencer, postId, n, influencer, postId, campaign, DAY0.plusSeconds((long) (day * 86_400)), views, likes, comments);
  }

  @Test
  void unknownInfluencerIs404() {
    assertEquals(404, http.get("/api/v1/influencers/nobody-here/fraud").status());
  }

  @Test
  void followUnfollowAutomationRaisesTheLevelAndTheCampaignAlertsLive() {
    var define = http.put("/api/v1/campaigns/fraud-camp", """
        {"brandId":"acme","name":"Fraud watch","budget":1000,"currency":"EUR","startsAt":"2026-10-01T00:00:00Z",
         "endsAt":"2026-12-31T00:00:00Z"}""");
    assertEquals(200, define.status(), define.raw().body());
    List<String> quiet = new ArrayList<>();
    for (int d = 0; d < 10; d++) quiet.add(followers("churner", d, 40_000 + d * 50, 700));
    for (int p = 0; p < 3; p++) {
      quiet.add(metrics("churner", "fraud-camp", "post" + p, 1, 1 + p * 3, 10_000, 700, 30));
      quiet.add(metrics("churner", "fraud-camp", "post" + p, 2, 2.2 + p * 3, 20_000, 1_400, 60));
    }
    post(quiet);
    JsonNode calm = http.get("/api/v1/influencers/churner/fraud").json();
    assertEquals("low", calm.get("level").asText(), calm.toString());
    assertEquals(11, calm.get("signals").size());

    try (LiveClient live = LiveClient.connect(node.apiUrl(), "fraud-camp", true)) {
      assertEquals("snapshot", live.next(Duration.ofSeconds(10)).get("type").asText());
      List<String> churn = new ArrayList<>();
      for (int d = 10; d < 30; d++) churn.add(followers("churner", d, 40_500 + d * 50, d % 2 == 0 ? 700 : 4_700));
      post(churn);

      JsonNode report = http.get("/api/v1/influencers/churner/fraud").json();
      assertEquals("high", report.get("level").asText(), report.toString());
      JsonNode history = report.get("followerHistory");
      assertEquals(30, history.size(), "one point per day observed");
      assertEquals("2026-10-01T00:00:00Z", history.get(0).get("day").asText());
      assertTrue(history.get(0).path("change").isMissingNode(), "no change before the first day");
      assertEquals(50, history.get(29).get("change").asLong());
      assertEquals(40_500 + 29 * 50, history.get(29).get("followers").asLong());
      assertFalse(history.get(29).get("anomaly").asBoolean(), "steady growth is no anomaly");
      assertEquals(0, report.get("partners").size());
      JsonNode churnSignal = signal(report, "following_churn");
      assertEquals(55.0, churnSignal.get("contribution").asDouble(), churnSignal.toString());
      assertTrue(churnSignal.get("explanation").asText().contains("follow/unfollow automation"), churnSignal.toString());
      assertTrue(report.get("score").asDouble() >= 50);

      JsonNode alert = live.nextAlert(Duration.ofSeconds(10));
      assertEquals("fraud_level", alert.get("type").asText());
      assertEquals("churner", alert.get("influencerId").asText());
      assertEquals("high", alert.get("level").asText());
      assertEquals("low", alert.get("previousLevel").asText());
      assertTrue(alert.get("message").asText().startsWith("Fraud level of churner rose from low to high"), alert.toString());

      JsonNode campaign = http.get("/api/v1/campaigns/fraud-camp").json();
      assertEquals(1, campaign.get("alerts").size(), campaign.get("alerts").toString());
      assertEquals(alert.get("alertId").asText(), campaign.get("alerts").get(0).get("alertId").asText());
    }
  }

  @Test
  void aPodOfCommentersAcrossInfluencersIsFoundByTheClusterDetector() {
    List<String> lines = new ArrayList<>();
    for (int member = 0; member < 5; member++) {
      for (int p = 0; p < 2; p++) {
        Instant first = DAY0.plus(Duration.ofHours(30L * member + 70L * p));
        for (int a = 0; a < 12; a++) {
          lines.add("""
              {"type":"comment.posted","eventId":"pod%d-%d-%d","influencerId":"pod-member-%d","postId":"pod%d-post%d","commentId":"c%d-%d-%d","authorId":"podder-%d","text":"Great shot %d","postedAt":"%s"}"""
              .formatted(member, p, a, member, member, p, member, p, a, a, a, first.plusSeconds(60L * a)));
        }
      }
    }
    post(lines);
    JsonNode report = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
        .until(() -> http.get("/api/v1/influencers/pod-member-0/fraud").json(),
            r -> signal(r, "coordinated_engagement").get("contribution").asDouble() > 0);
    JsonNode pod = signal(report, "coordinated_engagement");
    // members 1-3 posted within the detector's 48 h gap of member 0's posts; member 4 (120 h later) did not
    assertEquals(3.0, pod.get("value").asDouble(), pod.toString());
    assertTrue(pod.get("explanation").asText().contains("engagement pod"), pod.toString());
    List<String> partners = new ArrayList<>();
    report.get("partners").forEach(p -> partners.add(p.asText()));
    assertEquals(java.util.Set.of("pod-member-1", "pod-member-2", "pod-member-3"), java.util.Set.copyOf(partners));
  }

  @Test
  void sampledFollowersAreClassifiedByTheNodesModel() {
    StringBuilder accounts = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      if (i > 0) accounts.append(',');
      boolean bot = i < 30;
      accounts.append("""
          {"accountId":"acc%d","followers":%d,"following":%d,"posts":%d,"biographyLength":%d,"hasProfilePicture":%b,"isPrivate":false,"usernameLength":%d,"usernameDigitCount":%d,"hasExternalUrl":false}"""
          .formatted(i, bot ? 3 : 420, bot ? 900 : 310, bot ? 0 : 85, bot ? 0 : 60, !bot, bot ? 14 : 9, bot ? 8 : 0));
    }
    post(List.of("""
        {"type":"audience.sample","eventId":"aud-1","influencerId":"sampled","platform":"instagram","observedAt":"2026-10-05T10:00:00Z","accounts":[%s]}"""
        .formatted(accounts)));
    JsonNode audience = http.get("/api/v1/influencers/sampled/fraud").json().get("audience");
    assertEquals(40, audience.get("sampled").asInt(), audience.toString());
    assertTrue(audience.get("suspicious").asInt() >= 25, audience.toString());
    assertTrue(audience.get("real").asInt() >= 8, audience.toString());
    JsonNode quality = signal(http.get("/api/v1/influencers/sampled/fraud").json(), "audience_quality");
    assertTrue(quality.get("contribution").asDouble() > 0, quality.toString());
  }

  private static JsonNode signal(JsonNode report, String name) {
    for (JsonNode s : report.get("signals")) if (s.get("signal").asText().equals(name)) return s;
    throw new AssertionError("no signal " + name + " in " + report);
  }
}
