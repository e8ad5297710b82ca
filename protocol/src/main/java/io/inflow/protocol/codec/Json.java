package io.inflow.protocol.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The product's one JSON configuration: instants as ISO-8601 UTC strings, {@code BigDecimal}
 * written plain (never {@code 1E+3}), null fields omitted, unknown properties ignored when binding.
 *
 * <p>The mapper is shared and thread-safe as long as nobody reconfigures it; callers that need
 * different settings take {@code mapper().copy()} or derive an {@code ObjectReader}/{@code
 * ObjectWriter}.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  /**
   * The tree reader the strict codecs use: exact decimals (no float rounding, trailing zeros and
   * scale kept), duplicate keys and trailing content rejected. Duplicate keys are found by the tree
   * (a key whose node replaces another) rather than by the parser's {@code
   * STRICT_DUPLICATE_DETECTION}, which builds a hash set of names per object: that set was a fifth
   * of the ingest parse's allocation.
   */
  private static final ObjectReader STRICT_TREE_READER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build()
          .readerFor(JsonNode.class);

  private Json() {}

  /** The shared mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code value} as a JSON string. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code value} as UTF-8 JSON bytes. */
  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectReader strictTreeReader() {
    return STRICT_TREE_READER;
  }

  /**
   * {@code body} read by the strict tree reader (a missing node when empty), or a {@link
   * ValidationException} with code {@code malformed_json} that names {@code what} ("the body",
   * "the line") and where the JSON breaks.
   */
  static JsonNode readBody(byte[] body, String what) {
    try {
      return STRICT_TREE_READER.readTree(body);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      String where = location == null
          ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw malformed(what + " is not valid JSON" + where + ": " + problem(e));
    } catch (java.io.IOException e) {
      throw malformed(what + " is not valid JSON: " + e.getMessage());
    } catch (NumberFormatException e) {
      // Jackson throws this unwrapped for a decimal whose exponent overflows an int (1e2147483648)
      throw malformed(what + " holds a number that cannot be read: " + Messages.shorten(e.getMessage()));
    }
  }

  /** What Jackson found wrong, without its advice on features ("Duplicate field 'x'"). */
  static String problem(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int advice = message == null ? -1 : message.indexOf(DUPLICATE_ADVICE);
    return advice < 0 ? message : message.substring(0, advice);
  }

  private static final String DUPLICATE_ADVICE = " for `ObjectNode`: not allowed when";

  private static ValidationException malformed(String message) {
    return new ValidationException(java.util.List.of(io.inflow.protocol.api.ErrorDetail.field(
        null, ErrorCodes.MALFORMED_JSON, message)));
  }
}
