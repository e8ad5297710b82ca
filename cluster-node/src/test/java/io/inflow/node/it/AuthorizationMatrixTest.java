package io.inflow.node.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.inflow.node.InflowNode;
import io.inflow.node.TestTokens;
import io.inflow.node.http.Endpoint;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.security.Role;
import io.inflow.node.storage.TestCassandra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every kind of caller on a real node and Cassandra: no token, malformed, bad
 * signature, expired, wrong audience, wrong role, another brand's analyst or ingest token, and the
 * right one. A new {@link Endpoint} without a row here fails {@link #everyEndpointHasARow}. The
 * audit trail of all of it is checked at the end.
 */
class AuthorizationMatrixTest {
  private static InflowNode node;
  private static HttpClientSupport admin;
  private static final AtomicInteger SEQ = new AtomicInteger();

  /** The kinds of caller each endpoint is tried with. */
  enum Case { NONE, MALFORMED, BAD_SIGNATURE, EXPIRED, WRONG_AUDIENCE, WRONG_ROLE, OTHER_BRAND, ALLOWED }

  /** How to call an endpoint (a fresh request each time) and who is its wrong role. */
  record Row(Role wrongRole, Role allowedRole, java.util.function.Function<HttpClientSupport, Integer> call,
      Map<Case, Integer> expected) {}

  private static final int OPEN = 200;

  @BeforeAll
  static void start() {
    node = InflowNode.start(NodeFixture.config("""
        inflow.cassandra.contact-points = "%s"
        inflow.cassandra.keyspace = "%s"
        inflow.read-model.flush-interval = 200ms
        inflow.auth.brand-cache-ttl = 1s
        inflow.data-dir = "%s"
        """.formatted(TestCassandra.get().contactPoint(), TestCassandra.uniqueKeyspace("authz"),
        NodeFixture.workDir("authz").toString().replace("\\", "/"))));
    admin = NodeFixture.client(node);
    define("mx-a", "brand-a", "mx-inf-a");
    define("mx-b", "brand-b", "mx-inf-b");
    for (String brand : List.of("a", "b")) {
      assertEquals(200, admin.ndjson("""
          {"type":"followers.observed","eventId":"mx-f-%1$s","influencerId":"mx-inf-%1$s","platform":"instagram","observedAt":"2026-11-02T10:00:00Z","followers":5000,"following":100}
          {"type":"click","eventId":"mx-c-%1$s","campaignId":"mx-%1$s","influencerId":"mx-inf-%1$s","occurredAt":"2026-11-02T10:00:00Z"}
          """.formatted(brand)).status());
    }
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode list = admin.get("/api/v1/influencers?limit=1000").json();
      assertEquals(2, list.get("count").asInt(), list.toString());
      assertEquals(200, admin.get("/api/v1/brands/brand-a/overview").status());
    });
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  private static void define(String id, String brand, String influencer) {
    var reply = admin.put("/api/v1/campaigns/" + id, """
        {"brandId":"%s","name":"%s","budget":1000,"currency":"EUR","startsAt":"2026-11-01T00:00:00Z",
         "endsAt":"2026-12-31T00:00:00Z","influencers":[{"influencerId":"%s","fee":100}]}""".formatted(brand, id, influencer));
    assertEquals(200, reply.status(), reply.raw().body());
  }

  private static Map<Case, Integer> expect(int wrongRole, int otherBrand, int allowed) {
    Map<Case, Integer> m = new EnumMap<>(Case.class);
    for (Case c : List.of(Case.NONE, Case.MALFORMED, Case.BAD_SIGNATURE, Case.EXPIRED, Case.WRONG_AUDIENCE)) m.put(c, 401);
    m.put(Case.WRONG_ROLE, wrongRole);
    m.put(Case.OTHER_BRAND, otherBrand);
    m.put(Case.ALLOWED, allowed);
    return m;
  }

  private static Map<Case, Integer> open() {
    Map<Case, Integer> m = new EnumMap<>(Case.class);
    for (Case c : Case.values()) m.put(c, OPEN);
    return m;
  }

  /** One row per endpoint: what to send, and the status per case. Brand A's resources throughout. */
  static Map<Endpoint, Row> matrix() {
    Map<Endpoint, Row> rows = new LinkedHashMap<>();
    rows.put(Endpoint.HEALTH_ALIVE, new Row(null, null, c -> c.get("/health/alive").status(), open()));
    rows.put(Endpoint.HEALTH_READY, new Row(null, null, c -> c.get("/health/ready").status(), open()));
    rows.put(Endpoint.DASHBOARD, new Row(null, null, c -> c.get("/").status(), open()));
    rows.put(Endpoint.DASHBOARD_ASSET, new Row(null, null, c -> c.get("/assets/echarts.js").status(), open()));
    rows.put(Endpoint.POST_EVENTS, new Row(Role.ANALYST, Role.INGEST, c -> c.ndjson("""
        {"type":"click","eventId":"mx-p-%d","campaignId":"mx-a","influencerId":"mx-inf-a","occurredAt":"2026-11-03T10:00:00Z"}
        """.formatted(SEQ.incrementAndGet())).status(), expect(403, 403, 200)));
    rows.put(Endpoint.PUT_CAMPAIGN, new Row(Role.ANALYST, Role.ADMIN, c -> c.put("/api/v1/campaigns/mx-new-" + SEQ.incrementAndGet(), """
        {"brandId":"brand-a","name":"New","budget":10,"currency":"EUR","startsAt":"2026-11-01T00:00:00Z",
         "endsAt":"2026-12-31T00:00:00Z"}""").status(), expect(403, 403, 200)));
    rows.put(Endpoint.GET_CAMPAIGN, new Row(Role.INGEST, Role.ANALYST,
        c -> c.get("/api/v1/campaigns/mx-a").status(), expect(403, 403, 200)));
    rows.put(Endpoint.CAMPAIGN_REPORT, new Row(Role.INGEST, Role.ANALYST,
        c -> c.get("/api/v1/campaigns/mx-a/report?from=2026-11-01&to=2026-11-05").status(), expect(403, 403, 200)));
    rows.put(Endpoint.CAMPAIGN_LIVE, new Row(Role.INGEST, Role.ANALYST, c -> null, expect(403, 403, 101)));
    rows.put(Endpoint.LIST_INFLUENCERS, new Row(Role.INGEST, Role.ANALYST,
        c -> c.get("/api/v1/influencers").status(), expect(403, 200, 200)));
    rows.put(Endpoint.GET_INFLUENCER, new Row(Role.INGEST, Role.ANALYST,
        c -> c.get("/api/v1/influencers/mx-inf-a").status(), expect(403, 403, 200)));
    rows.put(Endpoint.INFLUENCER_FRAUD, new Row(Role.INGEST, Role.ANALYST,
        c -> c.get("/api/v1/influencers/mx-inf-a/fraud").status(), expect(403, 403, 200)));
    rows.put(Endpoint.LIST_BRANDS, new Row(Role.INGEST, Role.ANALYST,
        c -> c.get("/api/v1/brands").status(), expect(403, 200, 200)));
    rows.put(Endpoint.BRAND_OVERVIEW, new Row(Role.INGEST, Role.ANALYST,
        c -> c.get("/api/v1/brands/brand-a/overview").status(), expect(403, 403, 200)));
    rows.put(Endpoint.AUDIT_LOG, new Row(Role.ANALYST, Role.ADMIN,
        c -> c.get("/api/v1/audit").status(), expect(403, 403, 200)));
    // not brand-scoped: the accounts come in the body, so another brand's analyst may classify too
    rows.put(Endpoint.CLASSIFY_ACCOUNTS, new Row(Role.INGEST, Role.ANALYST, c -> c.post("/api/v1/analytics/accounts/classify",
        "application/json", """
        {"accounts":[{"accountId":"mx-acc","followers":10,"following":900,"posts":0,"biographyLength":0,
         "hasProfilePicture":false,"isPrivate":false,"usernameLength":12,"usernameDigitCount":8}]}""").status(),
        expect(403, 200, 200)));
    rows.put(Endpoint.CLUSTER_STATUS, new Row(Role.ANALYST, Role.ADMIN, c -> c.get("/api/v1/cluster").status(), expect(403, 403, 200)));
    rows.put(Endpoint.METRICS, new Row(Role.ANALYST, Role.ADMIN, c -> c.get("/metrics").status(), expect(403, 403, 200)));
    rows.put(Endpoint.CLASSIFY_SENTIMENT, new Row(Role.INGEST, Role.ANALYST, c -> c.post("/api/v1/analytics/sentiment",
        "application/json", "{\"texts\":[\"Super film!\"]}").status(), expect(403, 200, 200)));
    rows.put(Endpoint.NETWORK, new Row(Role.INGEST, Role.ANALYST,
        c -> c.get("/api/v1/analytics/network?brand=brand-a").status(), expect(403, 403, 200)));
    return rows;
  }

  @Test
  void everyEndpointHasARow() {
    assertEquals(EnumSet.allOf(Endpoint.class), EnumSet.copyOf(matrix().keySet()),
        "add a row to AuthorizationMatrixTest.matrix() for every new endpoint");
  }

  @Test
  void everyEndpointAnswersEveryCallerAsExpected() {
    List<String> wrong = new ArrayList<>();
    for (var entry : matrix().entrySet()) {
      Endpoint endpoint = entry.getKey();
      Row row = entry.getValue();
      for (Case c : Case.values()) {
        String token = token(c, row);
        int status = endpoint == Endpoint.CAMPAIGN_LIVE ? websocketStatus("mx-a", token)
            : row.call().apply(admin.as(token));
        if (status != row.expected().get(c)) {
          wrong.add(endpoint + " " + c + ": expected " + row.expected().get(c) + ", got " + status);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  /** The token a case sends; for open endpoints (no roles) the allowed case is an admin token. */
  private static String token(Case c, Row row) {
    Role allowed = row.allowedRole() == null ? Role.ADMIN : row.allowedRole();
    return switch (c) {
      case NONE -> null;
      case MALFORMED -> "not.a.jwt";
      case BAD_SIGNATURE -> forged(allowed, "brand-a", b -> {}, randomSecret());
      case EXPIRED -> forged(allowed, "brand-a", b -> b.expirationTime(Date.from(Instant.now().minusSeconds(300))), null);
      case WRONG_AUDIENCE -> forged(allowed, "brand-a", b -> b.audience("another-api"), null);
      case WRONG_ROLE -> TestTokens.token("mx-wrong", row.wrongRole() == null ? Role.INGEST : row.wrongRole(),
          row.wrongRole() == Role.ADMIN ? Set.of() : Set.of("brand-a"));
      case OTHER_BRAND -> allowed == Role.ADMIN ? TestTokens.analyst("brand-a")
          : TestTokens.token("mx-other", allowed, Set.of("brand-b"));
      case ALLOWED -> TestTokens.token("mx-allowed", allowed, allowed == Role.ADMIN ? Set.of() : Set.of("brand-a"));
    };
  }

  private static byte[] randomSecret() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return b;
  }

  /** A token like the node's own but with one thing changed (signed with {@code secret}, or the test secret). */
  private static String forged(Role role, String brand, java.util.function.Consumer<JWTClaimsSet.Builder> change, byte[] secret) {
    try {
      Instant now = Instant.now();
      var claims = new JWTClaimsSet.Builder().subject("mx-forged").issuer("inflow-dev").audience("inflow-api")
          .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).claim("role", role.wireName());
      if (role != Role.ADMIN) claims.claim("brands", List.of(brand));
      change.accept(claims);
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
      jwt.sign(new MACSigner(secret != null ? secret : Base64.getDecoder().decode(TestTokens.SECRET)));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** 101 when the upgrade succeeds (then closed), else the handshake's status. */
  private static int websocketStatus(String campaignId, String token) {
    var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (token != null) builder.header("Authorization", "Bearer " + token);
    try {
      WebSocket socket = builder.buildAsync(URI.create(node.apiUrl().replaceFirst("^http", "ws")
          + "/api/v1/campaigns/" + campaignId + "/live"), new WebSocket.Listener() {}).orTimeout(20, TimeUnit.SECONDS).join();
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      return 101;
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) return h.getResponse().statusCode();
      throw e;
    }
  }

  @Test
  void analystsSeeOnlyTheirBrandsInfluencersAndIngestTokensPostOnlyForTheirBrands() {
    JsonNode list = admin.as(TestTokens.analyst("brand-a")).get("/api/v1/influencers?limit=1000").json();
    List<String> ids = new ArrayList<>();
    list.get("influencers").forEach(i -> ids.add(i.get("influencerId").asText()));
    assertEquals(List.of("mx-inf-a"), ids);
    assertEquals(2, admin.get("/api/v1/influencers?limit=1000").json().get("count").asInt());

    // a brand-limited ingest token: one line of another brand refuses the whole request, naming the line
    var refused = admin.as(TestTokens.ingest("brand-a")).ndjson("""
        {"type":"click","eventId":"mx-s1","campaignId":"mx-a","influencerId":"mx-inf-a","occurredAt":"2026-11-04T10:00:00Z"}
        {"type":"click","eventId":"mx-s2","campaignId":"mx-b","influencerId":"mx-inf-b","occurredAt":"2026-11-04T10:00:00Z"}
        {"type":"followers.observed","eventId":"mx-s3","influencerId":"mx-inf-b","platform":"instagram","observedAt":"2026-11-04T10:00:00Z","followers":1,"following":1}
        {"type":"followers.observed","eventId":"mx-s4","influencerId":"mx-inf-a","platform":"instagram","observedAt":"2026-11-04T10:00:00Z","followers":6000,"following":1}
        """);
    assertEquals(403, refused.status(), refused.raw().body());
    assertEquals("brand_forbidden", refused.json().get("error").asText());
    assertEquals(List.of(2, 3), refused.json().get("details").findValues("line").stream().map(JsonNode::asInt).toList());
    long clicksBefore = admin.get("/api/v1/campaigns/mx-a").json().get("clicks").asLong();
    var accepted = admin.as(TestTokens.ingest("brand-a")).ndjson("""
        {"type":"click","eventId":"mx-s1","campaignId":"mx-a","influencerId":"mx-inf-a","occurredAt":"2026-11-04T10:00:00Z"}
        {"type":"followers.observed","eventId":"mx-s4","influencerId":"mx-inf-a","platform":"instagram","observedAt":"2026-11-04T10:00:00Z","followers":6000,"following":1}
        """);
    assertEquals(200, accepted.status(), accepted.raw().body());
    assertEquals(2, accepted.json().get("accepted").asInt(), "nothing of the refused request was stored");
    assertEquals(clicksBefore + 1, admin.get("/api/v1/campaigns/mx-a").json().get("clicks").asLong());
  }

  @Test
  void analystsListOnlyTheirBrandsAndAskForNoOtherBrandsNetwork() {
    JsonNode mine = admin.as(TestTokens.analyst("brand-a")).get("/api/v1/brands").json();
    assertEquals(1, mine.get("count").asInt(), mine.toString());
    assertEquals("brand-a", mine.get("brands").get(0).get("brandId").asText());
    JsonNode all = admin.get("/api/v1/brands").json();
    List<String> ids = new ArrayList<>();
    all.get("brands").forEach(b -> ids.add(b.get("brandId").asText()));
    assertEquals(List.of("brand-a", "brand-b"), ids);
    var otherBrand = admin.as(TestTokens.analyst("brand-b")).get("/api/v1/analytics/network?brand=brand-a");
    assertEquals("brand_forbidden", otherBrand.json().get("error").asText(), otherBrand.raw().body());
    assertEquals(200, admin.as(TestTokens.analyst("brand-b")).get("/api/v1/analytics/network").status(),
        "without brand=, an analyst's own brands");
  }

  @Test
  void readsAndWritesAreAuditedWithTheirSubject() {
    String subject = "auditor-" + SEQ.incrementAndGet();
    var analyst = admin.as(TestTokens.token(subject, Role.ANALYST, Set.of("brand-a")));
    var ingest = admin.as(TestTokens.token(subject + "-ingest", Role.INGEST, Set.of()));
    Instant from = Instant.now().minusSeconds(1);
    assertEquals(200, analyst.get("/api/v1/campaigns/mx-a").status());
    assertEquals(200, analyst.get("/api/v1/influencers/mx-inf-a").status());
    assertEquals(403, analyst.get("/api/v1/campaigns/mx-b").status());
    assertEquals(200, ingest.ndjson("""
        {"type":"click","eventId":"mx-audit-%d","campaignId":"mx-a","influencerId":"mx-inf-a","occurredAt":"2026-11-05T10:00:00Z"}
        """.formatted(SEQ.incrementAndGet())).status());
    assertEquals(403, analyst.get("/api/v1/audit").status(), "only admins read the audit log");

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      var page = admin.get("/api/v1/audit?subject=" + subject + "&from=" + from).json();
      List<String> seen = new ArrayList<>();
      page.get("entries").forEach(e -> seen.add(e.get("action").asText() + " " + e.path("resource").asText("-")
          + " " + e.get("outcome").asInt() + " " + e.path("role").asText("-")));
      assertEquals(List.of(
          "GET /api/v1/campaigns/{id} campaign:mx-a 200 analyst",
          "GET /api/v1/influencers/{id} influencer:mx-inf-a 200 analyst",
          "GET /api/v1/campaigns/{id} campaign:mx-b 403 analyst",
          "GET /api/v1/audit - 403 analyst"), seen);
      var writes = admin.get("/api/v1/audit?subject=" + subject + "-ingest&from=" + from).json().get("entries");
      assertEquals(1, writes.size(), writes.toString());
      assertEquals("POST /api/v1/events", writes.get(0).get("action").asText());
      assertEquals("ingest", writes.get(0).get("role").asText());
      assertEquals(200, writes.get(0).get("outcome").asInt());
    });
    assertEquals(400, admin.get("/api/v1/audit?from=2026-01-01&to=2026-12-31").status(), "at most 31 days");
  }
}
