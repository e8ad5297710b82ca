package io.inflow.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.analytics.fraud.accounts.AccountClassifier;
import io.inflow.node.InMemoryNode;
import io.inflow.node.InflowNode;
import io.inflow.node.TestTokens;
import io.inflow.protocol.event.AudienceAccount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/analytics/accounts/classify} over HTTP, with the limit set to 3 accounts. */
class AccountClassifyRoutesTest {
  private static final String PATH = "/api/v1/analytics/accounts/classify";
  private static final String PERSON = """
      {"accountId":"%s","followers":850,"following":400,"posts":120,"biographyLength":80,"hasProfilePicture":true,\
      "isPrivate":false,"usernameLength":9,"usernameDigitCount":0,"hasExternalUrl":false}""";
  private static final String BOT = """
      {"accountId":"%s","followers":3,"following":900,"posts":0,"biographyLength":0,"hasProfilePicture":false,\
      "isPrivate":false,"usernameLength":14,"usernameDigitCount":9}""";
  private static final String MASS = """
      {"accountId":"%s","followers":900,"following":4000,"posts":150,"biographyLength":60,"hasProfilePicture":true,\
      "isPrivate":false,"usernameLength":10,"usernameDigitCount":0}""";

  private static InflowNode node;
  private static HttpClientSupport http;

  @BeforeAll
  static void start() {
    node = InMemoryNode.start("classify", "inflow.limits.classify-accounts = 3\n");
    http = new HttpClientSupport(node.apiUrl(), TestTokens.analyst("acme"));
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  private static String body(String... accounts) {
    return "{\"accounts\":[" + String.join(",", accounts) + "]}";
  }

  @Test
  void verdictsComeBackInTheOrderSentWithTheShippedModelsProbabilities() {
    var reply = http.post(PATH, "application/json", body(BOT.formatted("b-1"), PERSON.formatted("p-1"), MASS.formatted("m-1")));
    assertEquals(200, reply.status(), reply.raw().body());
    JsonNode results = reply.json().get("results");
    List<String> seen = new ArrayList<>();
    results.forEach(r -> seen.add(r.get("accountId").asText() + " " + r.get("type").asText()));
    assertEquals(List.of("b-1 suspicious", "p-1 real", "m-1 mass_follower"), seen);
    AccountClassifier shipped = AccountClassifier.shipped();
    var person = new AudienceAccount("p-1", 850, 400, 120, 80, true, false, 9, 0, false);
    assertEquals(shipped.suspiciousProbability(person), results.get(1).get("suspiciousProbability").asDouble(), 1e-12);
    double mass = results.get(2).get("suspiciousProbability").asDouble();
    assertTrue(mass >= 0 && mass <= 1, "a mass follower's probability is reported too");
  }

  @Test
  void theNodeSharesItsClassifierThroughItsServices() {
    var verdict = node.services().accounts().classify(new AudienceAccount("x", 3, 900, 0, 0, false, false, 14, 9, null));
    assertEquals("suspicious", verdict.type().wireName());
  }

  @Test
  void moreAccountsThanTheLimitIs413() {
    var reply = http.post(PATH, "application/json",
        body(PERSON.formatted("1"), PERSON.formatted("2"), PERSON.formatted("3"), PERSON.formatted("4")));
    assertEquals(413, reply.status(), reply.raw().body());
    assertEquals("too_many_accounts", reply.json().get("error").asText());
    assertEquals("accounts", reply.json().get("details").get(0).get("field").asText());
  }

  @Test
  void aBadAccountIs400NamingItsField() {
    var reply = http.post(PATH, "application/json",
        body(PERSON.formatted("ok"), PERSON.formatted("bad").replace("\"followers\":850", "\"followers\":-1")));
    assertEquals(400, reply.status(), reply.raw().body());
    assertEquals("invalid_request", reply.json().get("error").asText());
    JsonNode detail = reply.json().get("details").get(0);
    assertEquals("accounts[1].followers", detail.get("field").asText());
    assertEquals("negative_value", detail.get("code").asText());

    var missing = http.post(PATH, "application/json", "{\"acounts\":[]}");
    assertEquals(400, missing.status(), missing.raw().body());
    assertEquals("acounts", missing.json().get("details").get(0).get("field").asText());
    assertEquals(400, http.post(PATH, "application/json", "not json").status());
  }

  @Test
  void anIngestTokenMayNotClassify() {
    assertEquals(403, http.as(TestTokens.ingest("acme")).post(PATH, "application/json", body(PERSON.formatted("p"))).status());
    assertEquals(200, http.as(TestTokens.admin()).post(PATH, "application/json", body()).status(), "an empty list is fine");
  }
}
