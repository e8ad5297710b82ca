package io.inflow.node.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Sentiment end to end on a real node (in-memory journal): the classify endpoint, and comments
 * ingested over HTTP changing a campaign's sentiment and raising one crisis alert on its socket.
 */
class SentimentRoutesTest {
  private static final Instant DAY0 = Instant.parse("2026-10-01T09:00:00Z");
  private static final String[] HAPPY = {"Kocham ten krem!", "Super film, dzięki 😍", "Love this, great tips",
      "Gdzie to kupić?", "Świetna recenzja", "What shade is this?", "Amazing results 🔥", "Polecam gorąco"};
  private static final String[] ANGRY = {"To oszustwo, chcę zwrot pieniędzy!", "Scam. I want a refund!!!",
      "Po tym serum mam wysypkę, oszustwo", "Worst product ever, total scam 🤮", "Oszuści, zero kontaktu, zwrot!",
      "Never again, refund denied, scam"};
  private static InflowNode node;
  private static HttpClientSupport http;
  private int ids;

  @BeforeAll
  static void start() throws Exception {
    node = InMemoryNode.start("sentiment", """
        inflow.live.min-interval = 50ms
        inflow.live.resync-interval = 0s
        inflow.limits.classify-texts = 3
        """);
    http = new HttpClientSupport(node.apiUrl());
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  @Test
  void classifiesTextsInOrder() {
    var reply = http.post("/api/v1/analytics/sentiment", "application/json",
        "{\"texts\":[\"Kocham to!\",\"Worst brand deal ever\",\"Wo kann man das kaufen?\"]}");
    assertEquals(200, reply.status(), reply.raw().body());
    JsonNode results = reply.json().get("results");
    assertEquals(3, results.size());
    assertEquals("pl", results.get(0).get("language").asText());
    assertEquals("positive", results.get(0).get("label").asText());
    assertTrue(results.get(0).get("score").asDouble() > 0);
    assertEquals("en", results.get(1).get("language").asText());
    assertEquals("negative", results.get(1).get("label").asText());
    assertEquals("de", results.get(2).get("language").asText());
    assertEquals("neutral", results.get(2).get("label").asText());
  }

  @Test
  void badRequestsNameTheFieldAtFault() {
    var many = http.post("/api/v1/analytics/sentiment", "application/json", "{\"texts\":[\"a\",\"b\",\"c\",\"d\"]}");
    assertEquals(413, many.status());
    assertEquals("too_many_texts", many.json().get("error").asText());
    var notText = http.post("/api/v1/analytics/sentiment", "application/json", "{\"texts\":[\"ok\",7]}");
    assertEquals(400, notText.status());
    assertTrue(notText.raw().body().contains("texts[1]"), notText.raw().body());
    var unknown = http.post("/api/v1/analytics/sentiment", "application/json", "{\"text\":\"ok\"}");
    assertEquals(400, unknown.status(), unknown.raw().body());
  }

  private String comment(String campaign, String influencer, Instant at, String text) {
    int n = ids++;
    return """
        {"type":"comment.posted","eventId":"s-%d","influencerId":"%s","postId":"p1","campaignId":"%s","commentId":"c%d","authorId":"u%d","text":"%s","postedAt":"%s"}"""
        .formatted(n, influencer, campaign, n, n, text, at);
  }

  private static void post(List<String> lines) {
    var reply = http.post("/api/v1/events", "application/x-ndjson", String.join("\n", lines));
    assertEquals(200, reply.status(), reply.raw().body());
  }

  @Test
  void ingestedCommentsChangeTheCampaignsSentimentAndABurstRaisesOneAlertLive() {
    var define = http.put("/api/v1/campaigns/sent-camp", """
        {"brandId":"acme","name":"Serum launch","budget":1000,"currency":"EUR","startsAt":"2026-10-01T00:00:00Z",
         "endsAt":"2026-12-31T00:00:00Z"}""");
    assertEquals(200, define.status(), define.raw().body());
    List<String> quiet = new ArrayList<>();
    for (int h = 0; h < 48; h++) {
      for (int i = 0; i < 4; i++) {
        quiet.add(comment("sent-camp", "ola", DAY0.plus(Duration.ofHours(h)).plusSeconds(i * 900L), HAPPY[(h + i) % HAPPY.length]));
      }
    }
    post(quiet);
    JsonNode calm = http.get("/api/v1/campaigns/sent-camp").json();
    JsonNode sentiment = calm.get("sentiment");
    assertEquals(192, sentiment.get("comments").asLong(), sentiment.toString());
    assertTrue(sentiment.get("positive").asLong() > sentiment.get("negative").asLong(), sentiment.toString());
    assertTrue(sentiment.get("net").asDouble() > 0.3, sentiment.toString());
    assertTrue(sentiment.get("languages").has("pl") && sentiment.get("languages").has("en"), sentiment.toString());
    assertEquals(0, calm.get("alerts").size());

    try (LiveClient live = LiveClient.connect(node.apiUrl(), "sent-camp", true)) {
      assertEquals("snapshot", live.next(Duration.ofSeconds(10)).get("type").asText());
      Instant burst = DAY0.plus(Duration.ofHours(48));
      List<String> angry = new ArrayList<>();
      for (int i = 0; i < 36; i++) angry.add(comment("sent-camp", "ola", burst.plusSeconds(i * 50L), ANGRY[i % ANGRY.length]));
      post(angry.subList(0, 18));
      post(angry.subList(18, 36));

      JsonNode alert = live.nextAlert(Duration.ofSeconds(10));
      assertEquals("sentiment_crisis", alert.get("type").asText(), alert.toString());
      JsonNode crisis = alert.get("crisis");
      assertTrue(crisis.get("negativeShare").asDouble() >= 0.4, crisis.toString());
      assertTrue(crisis.get("comments").asLong() >= 20, crisis.toString());
      List<String> terms = new ArrayList<>();
      crisis.get("topNegativeTerms").forEach(t -> terms.add(t.asText()));
      assertTrue(terms.contains("oszustwo") || terms.contains("scam"), terms.toString());
      assertTrue(alert.get("message").asText().contains("negative"), alert.toString());

      JsonNode after = http.get("/api/v1/campaigns/sent-camp").json();
      assertEquals(1, after.get("alerts").size(), "one alert for the burst: " + after.get("alerts"));
      assertTrue(after.get("sentiment").get("negative").asLong() >= 30, after.get("sentiment").toString());
      assertTrue(after.get("sentiment").has("crisis"), "the open episode is shown: " + after.get("sentiment"));
      assertTrue(after.get("sentiment").get("topNegativeTerms").size() > 0);
    }
    JsonNode influencer = http.get("/api/v1/influencers/ola").json().get("sentiment");
    assertEquals(228, influencer.get("comments").asLong(), influencer.toString());
    assertEquals(228, influencer.get("posts").get("p1").get("comments").asLong(), "per post");
    assertTrue(influencer.get("windows").has("24h"), influencer.toString());
  }
}
