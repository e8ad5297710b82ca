package io.inflow.node.http;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.node.InflowNode;
import io.inflow.node.TestTokens;
import io.inflow.node.live.LiveClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Limits and response hardening at the route level: rate limit, CORS, security headers, socket message size. */
class SecurityRoutesTest {
  private static InflowNode node;
  private static HttpClientSupport http;

  @BeforeAll
  static void start() throws Exception {
    node = io.inflow.node.InMemoryNode.start("security", """
        inflow.limits.requests-per-second = 1
        inflow.limits.burst = 5
        inflow.limits.websocket-message-bytes = 64
        inflow.http.cors.allowed-origins = ["https://dash.example.com"]
        """);
    http = new HttpClientSupport(node.apiUrl());
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  @Test
  void aTokenOverItsRateGets429WithRetryAfterWhileOtherTokensGoOn() {
    var limited = http.as(TestTokens.analyst("acme"));
    int ok = 0;
    HttpClientSupport.Reply refused = null;
    for (int i = 0; i < 20 && refused == null; i++) {
      var reply = limited.get("/api/v1/brands/acme/overview");
      if (reply.status() == 429) refused = reply;
      else ok++;
    }
    assertNotNull(refused, "a burst of 5 at 1/s must run out within 20 requests");
    assertTrue(ok >= 5 && ok <= 7, "burst allowed " + ok);
    assertEquals("rate_limited", refused.json().get("error").asText());
    assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
    assertNotEquals(429, http.as(TestTokens.analyst("acme")).get("/api/v1/brands/acme/overview").status(),
        "another token has its own bucket");
    assertEquals(401, http.as(null).get("/api/v1/brands/acme/overview").status());
  }

  @Test
  void everyResponseCarriesSecurityHeaders() {
    for (var reply : java.util.List.of(http.as(null).get("/health/alive"), http.as(null).get("/api/v1/campaigns/x"),
        http.as(null).get("/nowhere"))) {
      assertEquals("nosniff", reply.header("X-Content-Type-Options"));
      assertEquals("DENY", reply.header("X-Frame-Options"));
      assertEquals("no-store", reply.header("Cache-Control"));
      assertNotNull(reply.header("Content-Security-Policy"));
      assertNull(reply.header("Strict-Transport-Security"), "HSTS only over TLS");
    }
    var unauthorized = http.as(null).get("/api/v1/campaigns/x");
    assertEquals(401, unauthorized.status());
    assertEquals("token_missing", unauthorized.json().get("error").asText());
    assertTrue(unauthorized.header("WWW-Authenticate").startsWith("Bearer"), unauthorized.header("WWW-Authenticate"));
    var wrongMethod = http.send("DELETE", "/api/v1/campaigns/x", null, null);
    assertEquals(405, wrongMethod.status());
    assertEquals("method_not_allowed", wrongMethod.json().get("error").asText());
  }

  @Test
  void corsAnswersPreflightsOnlyForAllowedOrigins() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> allowed = client.send(HttpRequest.newBuilder(URI.create(node.apiUrl() + "/api/v1/events"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://dash.example.com")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(204, allowed.statusCode());
    assertEquals("https://dash.example.com", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));

    HttpResponse<String> denied = client.send(HttpRequest.newBuilder(URI.create(node.apiUrl() + "/api/v1/events"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example.com")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, denied.statusCode());
    assertTrue(denied.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

    HttpResponse<String> simple = client.send(HttpRequest.newBuilder(URI.create(node.apiUrl() + "/health/alive"))
        .header("Origin", "https://evil.example.com").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, simple.statusCode());
    assertTrue(simple.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS grant to others");
  }

  @Test
  void aLiveSocketClosesWhenTheClientSendsAnOversizedMessage() {
    assertEquals(200, http.put("/api/v1/campaigns/sock", """
        {"brandId":"acme","name":"S","budget":10,"currency":"EUR","startsAt":"2026-11-01T00:00:00Z","endsAt":"2026-12-01T00:00:00Z"}""").status());
    LiveClient small = LiveClient.connect(node.apiUrl(), "sock", true);
    LiveClient big = LiveClient.connect(node.apiUrl(), "sock", true);
    try {
      small.send("x".repeat(60));
      big.send("x".repeat(65));
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(big::isClosed);
      assertFalse(small.isClosed(), "a message within the limit is ignored, the socket stays");
    } finally {
      small.close();
      big.close();
    }
  }
}
