package io.inflow.protocol.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/** Valid example lines for every event type (all optional fields present) and a line mutator. */
final class Samples {

  /** A plain mapper for test trees: keeps explicit nulls and decimals exactly as written. */
  static final ObjectMapper PLAIN = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  /** Marks a field to be removed by {@link #with}. */
  static final String ABSENT = "<absent>";

  static final String POST_PUBLISHED = """
      {"type":"post.published","eventId":"e-1","influencerId":"inf-1","platform":"instagram",\
      "postId":"p-1","campaignId":"c-1","publishedAt":"2026-11-28T10:00:00Z","format":"reel",\
      "caption":"New drop! #summer","hashtags":["summer","drop"]}""";

  static final String POST_METRICS = """
      {"type":"post.metrics","eventId":"e-2","influencerId":"inf-1","platform":"tiktok",\
      "postId":"p-1","campaignId":"c-1","observedAt":"2026-11-28T11:00:00+01:00","views":12000,\
      "impressions":15000,"reach":9000,"likes":800,"comments":45,"shares":12,"saves":30}""";

  static final String COMMENT_POSTED = """
      {"type":"comment.posted","eventId":"e-3","influencerId":"inf-1","postId":"p-1",\
      "campaignId":"c-1","commentId":"cm-1","authorId":"u-9","text":"Love it \\ud83d\\ude0d\\nso good",\
      "postedAt":"2026-11-28T10:05:00.250Z"}""";

  static final String FOLLOWERS_OBSERVED = """
      {"type":"followers.observed","eventId":"e-4","influencerId":"inf-1","platform":"youtube",\
      "observedAt":"2026-11-28T00:00:00Z","followers":120000,"following":310}""";

  static final String AUDIENCE_SAMPLE = """
      {"type":"audience.sample","eventId":"e-5","influencerId":"inf-1","platform":"instagram",\
      "observedAt":"2026-11-28T00:00:00Z","accounts":[\
      {"accountId":"a-1","followers":150,"following":2300,"posts":3,"biographyLength":0,\
      "hasProfilePicture":false,"isPrivate":false,"usernameLength":14,"usernameDigitCount":8,\
      "hasExternalUrl":false},\
      {"accountId":"a-2","followers":900,"following":400,"posts":120,"biographyLength":80,\
      "hasProfilePicture":true,"isPrivate":true,"usernameLength":9,"usernameDigitCount":0}]}""";

  static final String CLICK = """
      {"type":"click","eventId":"e-6","campaignId":"c-1","influencerId":"inf-1",\
      "occurredAt":"2026-11-28T10:10:00Z","visitorId":"v-77"}""";

  static final String CONVERSION = """
      {"type":"conversion","eventId":"e-7","campaignId":"c-1","influencerId":"inf-1",\
      "orderId":"o-1","customerId":"cu-1","amount":"59.90","currency":"EUR","status":"paid",\
      "attribution":{"kind":"discount_code","value":"ANNA10"},\
      "items":[{"sku":"sku-1","quantity":2,"price":19.95},{"sku":"sku-2","quantity":1,"price":20.00}],\
      "occurredAt":"2026-11-28T10:20:00Z"}""";

  static final String SPEND = """
      {"type":"spend","eventId":"e-8","campaignId":"c-1","influencerId":"inf-1","amount":1500,\
      "currency":"USD","kind":"fee","occurredAt":"2026-11-01T00:00:00Z"}""";

  static final Map<String, String> BY_TYPE = Map.of(
      "post.published", POST_PUBLISHED,
      "post.metrics", POST_METRICS,
      "comment.posted", COMMENT_POSTED,
      "followers.observed", FOLLOWERS_OBSERVED,
      "audience.sample", AUDIENCE_SAMPLE,
      "click", CLICK,
      "conversion", CONVERSION,
      "spend", SPEND);

  private Samples() {}

  /**
   * The sample of {@code type} with the value at {@code path} (e.g. {@code accounts[1].followers},
   * {@code attribution.kind}) replaced by the JSON {@code value}, or removed for {@link #ABSENT}.
   */
  static String with(String type, String path, String value) {
    ObjectNode root = (ObjectNode) tree(BY_TYPE.get(type));
    String[] segments = path.split("\\.");
    JsonNode parent = root;
    for (int i = 0; i < segments.length - 1; i++) {
      parent = step(parent, segments[i]);
    }
    String last = segments[segments.length - 1];
    int bracket = last.indexOf('[');
    if (bracket >= 0) {
      ArrayNode array = (ArrayNode) parent.get(last.substring(0, bracket));
      int index = Integer.parseInt(last.substring(bracket + 1, last.length() - 1));
      if (ABSENT.equals(value)) {
        array.remove(index);
      } else {
        array.set(index, tree(value));
      }
    } else if (ABSENT.equals(value)) {
      ((ObjectNode) parent).remove(last);
    } else {
      ((ObjectNode) parent).set(last, tree(value));
    }
    return root.toString();
  }

  static JsonNode tree(String json) {
    try {
      return PLAIN.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode step(JsonNode node, String segment) {
    int bracket = segment.indexOf('[');
    if (bracket < 0) {
      return node.get(segment);
    }
    int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
    return node.get(segment.substring(0, bracket)).get(index);
  }
}
