package io.inflow.node.it;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.node.InflowNode;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.storage.TestCassandra;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input, on a node over the real Cassandra journal: the status, the error code,
 * the field (and NDJSON line) at fault — and the state already accepted does not change.
 */
class BadInputIntegrationTest {
  private static InflowNode node;
  private static java.nio.file.Path dataDir;
  private static HttpClientSupport http;
  private static String before;

  private static final String GOOD = """
      {"type":"post.metrics","eventId":"good-1","influencerId":"kasia","platform":"instagram","postId":"p1",\
      "campaignId":"bad-input-camp","observedAt":"2026-11-02T10:00:00Z","views":1000,"likes":100,"comments":10}""";

  @BeforeAll
  static void start() {
    dataDir = NodeFixture.workDir("bad");
    node = InflowNode.start(NodeFixture.config("""
        inflow.cassandra.contact-points = "%s"
        inflow.cassandra.keyspace = "%s"
        inflow.ingest.max-body-bytes = 32KiB
        inflow.data-dir = "%s"
        """.formatted(TestCassandra.get().contactPoint(), TestCassandra.uniqueKeyspace("bad"),
        dataDir.toString().replace("\\", "/"))));
    http = NodeFixture.client(node);
    assertEquals(200, http.ndjson(GOOD + "\n").status());
    before = http.get("/api/v1/influencers/kasia").raw().body() + http.get("/api/v1/campaigns/bad-input-camp").raw().body();
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  private static String metrics(String field, String value) {
    return GOOD.replace("\"good-1\"", "\"bad-" + field + "\"")
        .replaceFirst("\"" + field + "\":(\"[^\"]*\"|-?[0-9.]+)", "\"" + field + "\":" + value);
  }

  static Stream<Arguments> badLines() {
    String comment = """
        {"type":"comment.posted","eventId":"bad-text","influencerId":"kasia","postId":"p1","campaignId":"bad-input-camp",\
        "commentId":"c1","authorId":"a1","text":"%s","postedAt":"2026-11-02T10:00:00Z"}""".formatted("x".repeat(5001));
    String spend = """
        {"type":"spend","eventId":"bad-currency","campaignId":"bad-input-camp","amount":10,"currency":"EURO",\
        "kind":"fee","occurredAt":"2026-11-02T10:00:00Z"}""";
    return Stream.of(
        Arguments.of("unknown type", GOOD.replace("post.metrics", "post.viewed"), "type", "unknown_type"),
        Arguments.of("missing field", GOOD.replace("\"postId\":\"p1\",", ""), "postId", "missing_field"),
        Arguments.of("wrong JSON type", metrics("views", "\"many\""), "views", "wrong_type"),
        Arguments.of("negative counter", metrics("likes", "-3"), "likes", "negative_value"),
        Arguments.of("unparseable timestamp", metrics("observedAt", "\"yesterday\""), "observedAt", "invalid_timestamp"),
        Arguments.of("unknown currency", spend, "currency", "unknown_currency"),
        Arguments.of("text over the limit", comment, "text", "too_long"),
        Arguments.of("unknown platform", metrics("platform", "\"myspace\""), "platform", "unknown_platform"),
        Arguments.of("unknown field", GOOD.replace("\"views\"", "\"viewz\""), "viewz", "unknown_field"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLines")
  void aBadLineIsRejectedWithItsFieldAndLineAndChangesNothing(String kind, String line, String field, String code) {
    var alone = http.ndjson(line + "\n");
    assertEquals(400, alone.status(), alone.raw().body());
    var detail = alone.json().get("details").get(0);
    assertEquals(code, detail.get("code").asText(), kind);
    assertEquals(field, detail.get("field").asText(), kind);
    assertTrue(detail.get("message").asText().contains(field), detail.toString());

    var inBatch = http.ndjson(GOOD + "\n" + line + "\n");
    assertEquals(200, inBatch.status(), inBatch.raw().body());
    assertEquals(1, inBatch.json().get("duplicates").asInt());
    var rejected = inBatch.json().get("rejected").get(0);
    assertEquals(2, rejected.get("line").asInt());
    assertEquals(field, rejected.get("field").asText());

    var single = http.post("/api/v1/events", "application/json", line);
    assertEquals(400, single.status());
    assertEquals(field, single.json().get("details").get(0).get("field").asText());
    assertUnchanged();
  }

  @Test
  void withContactPointsConfiguredNoEmbeddedCassandraIsStarted() {
    assertFalse(java.nio.file.Files.exists(dataDir.resolve("cassandra")), "no embedded Cassandra data dir");
  }

  @Test
  void malformedJsonAndOversizedBodies() {
    var malformed = http.ndjson("{\"type\": \"click\",\n");
    assertEquals(400, malformed.status());
    assertEquals("malformed_json", malformed.json().get("details").get(0).get("code").asText());
    var tooLarge = http.ndjson((metrics("views", "5") + "\n").repeat(200));
    assertEquals(413, tooLarge.status());
    assertEquals("body_too_large", tooLarge.json().get("error").asText());
    assertUnchanged();
  }

  private static void assertUnchanged() {
    String now = http.get("/api/v1/influencers/kasia").raw().body() + http.get("/api/v1/campaigns/bad-input-camp").raw().body();
    assertEquals(before, now);
  }
}
