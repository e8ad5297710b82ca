package io.inflow.protocol.codec;

import static io.inflow.protocol.codec.ErrorCodes.MALFORMED_JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inflow.protocol.api.ErrorDetail;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/v1/analytics/sentiment}: {@code {"texts": ["…", …]}}, each
 * text Unicode of at most {@link CodecLimits#maxTextLength()} characters (the same limit as a
 * comment's text). Fail-fast: a {@link ValidationException} names the first problem and its path
 * ({@code texts[3]}). Thread-safe.
 */
public final class SentimentCodec {
  private static final Set<String> REQUEST_FIELDS = Set.of("texts");

  private SentimentCodec() {}

  /**
   * The texts in order. More than {@code maxTexts} is a problem with code {@code too_long} on the
   * field {@code texts}, found before any text is read.
   */
  public static List<String> parseRequest(byte[] body, int maxTexts, CodecLimits limits) {
    JsonNode tree = Json.readBody(body, "the body");
    if (!(tree instanceof ObjectNode o)) {
      throw new ValidationException(List.of(new ErrorDetail(null, null, null, MALFORMED_JSON,
          "a sentiment request must be a JSON object {\"texts\": [...]}, got "
              + (tree == null || tree.isMissingNode() ? "an empty body" : Messages.describe(tree)))));
    }
    FieldReader fields = FieldReader.failFast(limits);
    try {
      fields.rejectUnknown(o, "", REQUEST_FIELDS, "a sentiment request");
      ArrayNode array = fields.requiredArray(o, "", "texts", maxTexts);
      String[] texts = new String[array.size()];
      for (int i = 0; i < texts.length; i++) texts[i] = fields.textElement(array.get(i), "", "texts", i, limits.maxTextLength());
      return List.of(texts);
    } catch (FieldReader.Rejection rejection) {
      throw new ValidationException(List.of(rejection.detail()));
    }
  }
}
