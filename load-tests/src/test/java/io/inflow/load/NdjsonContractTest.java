package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inflow.protocol.event.IngestEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every line the generator writes is one JSON object with exactly the contract's field names
 * (DESIGN.md, "Ingest event types"), ISO-8601 UTC timestamps, lower-case enum values, plain
 * decimal amounts and no nulls, and reads back into the same record. Checked on the raw text with
 * a plain JSON tree, not with the records, so a renamed or leaked field would show.
 */
class NdjsonContractTest {

  private static final Map<String, Set<String>> REQUIRED = Map.of(
      "post.published", Set.of("eventId", "influencerId", "platform", "postId", "publishedAt", "format"),
      "post.metrics", Set.of("eventId", "influencerId", "platform", "postId", "observedAt", "views", "likes", "comments"),
      "comment.posted", Set.of("eventId", "influencerId", "postId", "commentId", "authorId", "text", "postedAt"),
      "followers.observed", Set.of("eventId", "influencerId", "platform", "observedAt", "followers", "following"),
      "audience.sample", Set.of("eventId", "influencerId", "platform", "observedAt", "accounts"),
      "click", Set.of("eventId", "campaignId", "influencerId", "occurredAt"),
      "conversion", Set.of("eventId", "campaignId", "orderId", "amount", "currency", "status", "attribution", "items", "occurredAt"),
      "spend", Set.of("eventId", "campaignId", "amount", "currency", "kind", "occurredAt"));

  private static final Map<String, Set<String>> OPTIONAL = Map.of(
      "post.published", Set.of("campaignId", "caption", "hashtags"),
      "post.metrics", Set.of("campaignId", "impressions", "reach", "shares", "saves"),
      "comment.posted", Set.of("campaignId"),
      "followers.observed", Set.of(),
      "audience.sample", Set.of(),
      "click", Set.of("visitorId"),
      "conversion", Set.of("influencerId", "customerId"),
      "spend", Set.of("influencerId"));

  private static final Set<String> ACCOUNT_FIELDS = Set.of("accountId", "followers", "following", "posts",
      "biographyLength", "hasProfilePicture", "isPrivate", "usernameLength", "usernameDigitCount", "hasExternalUrl");
  private static final Set<String> PLATFORMS = Set.of("instagram", "tiktok", "youtube", "facebook", "x", "twitch",
      "snapchat", "pinterest", "linkedin");
  private static final Pattern ISO_UTC = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
  private static final Pattern PLAIN_AMOUNT = Pattern.compile("\"(amount|price)\":-?\\d+(\\.\\d+)?[,}]");
  private static final Pattern EXPONENT = Pattern.compile("\"(amount|price)\":-?[\\d.]+[eE]");
  private static final ObjectMapper PLAIN_JSON = new ObjectMapper();

  @Test
  void everyLineIsAContractEventThatReadsBackUnchanged(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("events.ndjson");
    GroundTruth truth = new TrafficGenerator(TrafficGenerator.Config.of(42, 400, 10)).writeNdjson(file, 60_000);
    List<IngestEvent> expected = new TrafficGenerator(TrafficGenerator.Config.of(42, 400, 10)).next(60_000);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(60_000, lines.size());
    assertEquals(60_000, truth.events());
    Set<String> typesSeen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      JsonNode node = PLAIN_JSON.readTree(line);
      assertTrue(node.isObject(), "line " + (i + 1));
      String type = node.path("type").asText();
      assertTrue(REQUIRED.containsKey(type), "unknown type " + type);
      typesSeen.add(type);
      checkFields(type, node, line);
      assertEquals(expected.get(i), EventJson.parse(line), "round trip of line " + (i + 1));
      if (line.contains("\"amount\"") || line.contains("\"price\"")) {
        assertTrue(PLAIN_AMOUNT.matcher(line).find(), () -> "plain decimal amounts: " + line);
        assertFalse(EXPONENT.matcher(line).find(), () -> "no exponent in amounts: " + line);
      }
    }
    assertEquals(REQUIRED.keySet(), typesSeen, "every event type occurs");
  }

  private static void checkFields(String type, JsonNode node, String line) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    names.remove("type");
    Set<String> allowed = new HashSet<>(REQUIRED.get(type));
    allowed.addAll(OPTIONAL.get(type));
    assertTrue(names.containsAll(REQUIRED.get(type)), () -> "missing fields in " + line);
    assertTrue(allowed.containsAll(names), () -> "fields outside the contract in " + line);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (value.isNull()) fail("null field " + field.getKey() + " in " + line);
      if (field.getKey().endsWith("At")) {
        assertTrue(ISO_UTC.matcher(value.asText()).matches(), () -> "ISO-8601 UTC " + value);
        Instant.parse(value.asText());
      }
      if (field.getKey().endsWith("Id")) {
        assertTrue(value.isTextual() && !value.asText().isBlank(), () -> "id is text: " + line);
      }
    }
    if (node.has("platform")) assertTrue(PLATFORMS.contains(node.get("platform").asText()), line);
    switch (type) {
      case "post.metrics" -> {
        for (String counter : List.of("views", "likes", "comments", "impressions", "reach", "shares", "saves")) {
          if (node.has(counter)) assertTrue(node.get(counter).canConvertToLong() && node.get(counter).asLong() >= 0, line);
        }
      }
      case "conversion" -> {
        assertTrue(Set.of("paid", "refunded", "canceled").contains(node.get("status").asText()), line);
        assertEquals("discount_code", node.path("attribution").path("kind").asText(), line);
        assertFalse(node.path("attribution").path("value").asText().isBlank(), line);
        assertTrue(node.get("amount").isNumber() && node.get("currency").asText().matches("[A-Z]{3}"), line);
        for (JsonNode item : node.get("items")) {
          assertEquals(Set.of("sku", "quantity", "price"), fieldNames(item), line);
        }
      }
      case "spend" -> {
        assertTrue(Set.of("fee", "product", "ads", "other").contains(node.get("kind").asText()), line);
        assertTrue(node.get("amount").isNumber() && node.get("amount").asDouble() > 0, line);
      }
      case "audience.sample" -> {
        assertTrue(node.get("accounts").isArray() && node.get("accounts").size() > 0, line);
        for (JsonNode account : node.get("accounts")) {
          assertTrue(ACCOUNT_FIELDS.containsAll(fieldNames(account)), line);
        }
      }
      default -> { }
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
