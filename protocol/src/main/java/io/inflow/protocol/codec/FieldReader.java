package io.inflow.protocol.codec;

import static io.inflow.protocol.codec.ErrorCodes.INVALID_TIMESTAMP;
import static io.inflow.protocol.codec.ErrorCodes.INVALID_VALUE;
import static io.inflow.protocol.codec.ErrorCodes.MISSING_FIELD;
import static io.inflow.protocol.codec.ErrorCodes.NEGATIVE_VALUE;
import static io.inflow.protocol.codec.ErrorCodes.TOO_LONG;
import static io.inflow.protocol.codec.ErrorCodes.UNKNOWN_CURRENCY;
import static io.inflow.protocol.codec.ErrorCodes.UNKNOWN_FIELD;
import static io.inflow.protocol.codec.ErrorCodes.UNKNOWN_PLATFORM;
import static io.inflow.protocol.codec.ErrorCodes.WRONG_TYPE;
import static io.inflow.protocol.codec.Messages.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.event.Platform;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads typed, validated values out of a Jackson tree, naming the field at fault by its JSON path.
 *
 * <p>Two modes share one set of rules. <em>Fail-fast</em> (events: one problem per line) throws a
 * stack-less {@link Rejection} at the first problem, so callers may use every returned value
 * directly; it is stateless and shared. <em>Collecting</em> (campaigns: report everything) records
 * each problem and returns null (or -1 for counters) for the bad value; it is single-use.
 *
 * <p>Paths and messages are built only when a problem is reported: callers pass a prefix (e.g.
 * {@code accounts[3].}), a field name and an array index ({@link #NO_INDEX} for a plain field).
 */
final class FieldReader {

  static final int NO_INDEX = -1;

  /** Money and other decimals: at most this many digits before and after the point. */
  static final int MAX_DECIMAL_INTEGER_DIGITS = 18;
  static final int MAX_DECIMAL_FRACTION_DIGITS = 18;

  private static final int MAX_DECIMAL_STRING_LENGTH =
      1 + MAX_DECIMAL_INTEGER_DIGITS + 1 + MAX_DECIMAL_FRACTION_DIGITS;
  private static final Set<String> CURRENCY_CODES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());
  private static final String PLATFORM_NAMES =
      Arrays.stream(Platform.values()).map(Platform::wireName).collect(Collectors.joining(", "));

  /** The first problem of a fail-fast read. No stack trace: it is an expected outcome. */
  static final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ErrorDetail detail;

    Rejection(ErrorDetail detail) {
      super(detail.message(), null, false, false);
      this.detail = detail;
    }

    ErrorDetail detail() {
      return detail;
    }
  }

  private final int maxIdLength;
  private final List<ErrorDetail> problems;

  private FieldReader(int maxIdLength, List<ErrorDetail> problems) {
    this.maxIdLength = maxIdLength;
    this.problems = problems;
  }

  static FieldReader failFast(CodecLimits limits) {
    return new FieldReader(limits.maxIdLength(), null);
  }

  static FieldReader collecting(CodecLimits limits) {
    return new FieldReader(limits.maxIdLength(), new ArrayList<>());
  }

  boolean hasProblems() {
    return problems != null && !problems.isEmpty();
  }

  List<ErrorDetail> problems() {
    return problems == null ? List.of() : List.copyOf(problems);
  }

  /** Reports a problem: throws in fail-fast mode, records it otherwise. */
  void problem(String path, String code, String message) {
    ErrorDetail detail = ErrorDetail.field(path, code, message);
    if (problems == null) {
      throw new Rejection(detail);
    }
    problems.add(detail);
  }

  // ---- presence -------------------------------------------------------------------------------

  /** The field's value, or null when it is absent or JSON null. */
  static JsonNode value(ObjectNode obj, String name) {
    JsonNode v = obj.get(name);
    return v == null || v.isNull() ? null : v;
  }

  JsonNode required(ObjectNode obj, String prefix, String name) {
    JsonNode v = value(obj, name);
    if (v == null) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, MISSING_FIELD, path + " is required");
    }
    return v;
  }

  /** Reports every field of {@code obj} not in {@code allowed}, in document order. */
  void rejectUnknown(ObjectNode obj, String prefix, Set<String> allowed, String owner) {
    for (Iterator<String> names = obj.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String path = path(prefix, Messages.shorten(name), NO_INDEX);
        String hint = Messages.closest(name, allowed);
        problem(path, UNKNOWN_FIELD, path + " is not a field of " + owner
            + (hint == null ? "" : " (did you mean " + hint + "?)"));
      }
    }
  }

  // ---- strings --------------------------------------------------------------------------------

  String requiredId(ObjectNode obj, String prefix, String name) {
    JsonNode v = required(obj, prefix, name);
    return v == null ? null : id(v, prefix, name);
  }

  String optionalId(ObjectNode obj, String prefix, String name) {
    JsonNode v = value(obj, name);
    return v == null ? null : id(v, prefix, name);
  }

  /**
   * An id: a token without {@code |}, which Pekko reserves in persistence ids (an entity named with
   * one could never start, so its events could never be stored).
   */
  private String id(JsonNode v, String prefix, String name) {
    String s = token(v, prefix, name, NO_INDEX, maxIdLength);
    if (s != null && s.indexOf(EntityIds.RESERVED) >= 0) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, INVALID_VALUE, path + " must not contain '|'");
      return null;
    }
    return s;
  }

  /** A required non-blank string of at most {@code maxLength} chars without control characters. */
  String requiredToken(ObjectNode obj, String prefix, String name, int maxLength) {
    JsonNode v = required(obj, prefix, name);
    return v == null ? null : token(v, prefix, name, NO_INDEX, maxLength);
  }

  String optionalToken(ObjectNode obj, String prefix, String name, int maxLength) {
    JsonNode v = value(obj, name);
    return v == null ? null : token(v, prefix, name, NO_INDEX, maxLength);
  }

  /** Free text (may be empty, may hold line breaks) of at most {@code maxLength} chars. */
  String requiredText(ObjectNode obj, String prefix, String name, int maxLength) {
    JsonNode v = required(obj, prefix, name);
    return v == null ? null : text(v, prefix, name, maxLength);
  }

  String optionalText(ObjectNode obj, String prefix, String name, int maxLength) {
    JsonNode v = value(obj, name);
    return v == null ? null : text(v, prefix, name, maxLength);
  }

  /** An id-like string: non-blank, at most {@code maxLength} chars, no control characters. */
  String token(JsonNode v, String prefix, String name, int index, int maxLength) {
    String s = text(v, prefix, name, index, maxLength);
    if (s == null) {
      return null;
    }
    boolean blank = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        String path = path(prefix, name, index);
        problem(path, INVALID_VALUE, path + " must not contain control characters");
        return null;
      }
      if (blank && !Character.isWhitespace(c)) {
        blank = false;
      }
    }
    if (blank) {
      String path = path(prefix, name, index);
      problem(path, INVALID_VALUE, path + " must not be blank");
      return null;
    }
    return s;
  }

  /** The string at {@code name[index]}: Unicode text of at most {@code maxLength} chars. */
  String textElement(JsonNode v, String prefix, String name, int index, int maxLength) {
    return text(v, prefix, name, index, maxLength);
  }

  private String text(JsonNode v, String prefix, String name, int maxLength) {
    return text(v, prefix, name, NO_INDEX, maxLength);
  }

  private String text(JsonNode v, String prefix, String name, int index, int maxLength) {
    if (!v.isTextual()) {
      String path = path(prefix, name, index);
      problem(path, WRONG_TYPE, path + " must be a string, got " + describe(v));
      return null;
    }
    String s = v.textValue();
    if (s.length() > maxLength) {
      String path = path(prefix, name, index);
      problem(path, TOO_LONG,
          path + " must be at most " + maxLength + " characters, got " + s.length());
      return null;
    }
    int surrogate = unpairedSurrogateAt(s);
    if (surrogate >= 0) {
      // JSON may escape a lone surrogate; such a string is no Unicode text and has no UTF-8 form
      String path = path(prefix, name, index);
      problem(path, INVALID_VALUE, path + " must be Unicode text, got an unpaired surrogate "
          + String.format("\\u%04x", (int) s.charAt(surrogate)) + " at character "
          + (surrogate + 1));
      return null;
    }
    return s;
  }

  /** The index of the first surrogate char in {@code s} that is not half of a pair, or -1. */
  private static int unpairedSurrogateAt(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1));
        if (!paired) {
          return i;
        }
        i++;
      }
    }
    return -1;
  }

  // ---- numbers --------------------------------------------------------------------------------

  /** A JSON integer in [0, max]; -1 after a recorded problem in collecting mode. */
  long requiredCounter(ObjectNode obj, String prefix, String name, long max) {
    JsonNode v = required(obj, prefix, name);
    return v == null ? -1 : counter(v, prefix, name, max);
  }

  Long optionalCounter(ObjectNode obj, String prefix, String name, long max) {
    JsonNode v = value(obj, name);
    if (v == null) {
      return null;
    }
    long c = counter(v, prefix, name, max);
    return c < 0 ? null : c;
  }

  private long counter(JsonNode v, String prefix, String name, long max) {
    if (!v.isIntegralNumber()) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, WRONG_TYPE, path + " must be a non-negative integer, got " + describe(v));
      return -1;
    }
    boolean fitsLong = v.canConvertToLong();
    long value = fitsLong ? v.longValue() : 0;
    boolean negative = fitsLong ? value < 0 : v.bigIntegerValue().signum() < 0;
    if (negative) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, NEGATIVE_VALUE, path + " must be a non-negative integer, got " + describe(v));
      return -1;
    }
    if (!fitsLong || value > max) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, INVALID_VALUE, path + " must be at most " + max + ", got " + describe(v));
      return -1;
    }
    return value;
  }

  /**
   * A non-negative decimal given as a JSON number or a decimal string ({@code "12.50"}), kept
   * exactly (scale included); a negative exponent-free scale is normalised ({@code 1e3} → 1000).
   */
  BigDecimal requiredDecimal(ObjectNode obj, String prefix, String name) {
    JsonNode v = required(obj, prefix, name);
    return v == null ? null : decimal(v, prefix, name);
  }

  BigDecimal optionalDecimal(ObjectNode obj, String prefix, String name) {
    JsonNode v = value(obj, name);
    return v == null ? null : decimal(v, prefix, name);
  }

  BigDecimal decimal(JsonNode v, String prefix, String name) {
    BigDecimal d;
    if (v.isNumber()) {
      d = v.decimalValue();
    } else if (v.isTextual() && isDecimalString(v.textValue())) {
      String s = v.textValue();
      if (s.length() > MAX_DECIMAL_STRING_LENGTH) {
        return outOfRange(v, prefix, name);
      }
      d = new BigDecimal(s);
    } else {
      String path = path(prefix, name, NO_INDEX);
      problem(path, WRONG_TYPE, path + " must be a decimal number, got " + describe(v));
      return null;
    }
    if (d.precision() - d.scale() > MAX_DECIMAL_INTEGER_DIGITS
        || d.scale() > MAX_DECIMAL_FRACTION_DIGITS) {
      return outOfRange(v, prefix, name);
    }
    if (d.signum() < 0) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, NEGATIVE_VALUE, path + " must not be negative, got " + describe(v));
      return null;
    }
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  private BigDecimal outOfRange(JsonNode v, String prefix, String name) {
    String path = path(prefix, name, NO_INDEX);
    problem(path, INVALID_VALUE, path + " must have at most " + MAX_DECIMAL_INTEGER_DIGITS
        + " digits before and " + MAX_DECIMAL_FRACTION_DIGITS + " after the point, got "
        + describe(v));
    return null;
  }

  /** {@code -?digits(.digits)?}: no exponent, no sign other than minus, no spaces. */
  private static boolean isDecimalString(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    int integerStart = i;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    if (i == integerStart) {
      return false;
    }
    if (i == s.length()) {
      return true;
    }
    if (s.charAt(i) != '.') {
      return false;
    }
    int fractionStart = ++i;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i > fractionStart && i == s.length();
  }

  // ---- other scalars --------------------------------------------------------------------------

  Boolean requiredBoolean(ObjectNode obj, String prefix, String name) {
    JsonNode v = required(obj, prefix, name);
    return v == null ? null : bool(v, prefix, name);
  }

  Boolean optionalBoolean(ObjectNode obj, String prefix, String name) {
    JsonNode v = value(obj, name);
    return v == null ? null : bool(v, prefix, name);
  }

  private Boolean bool(JsonNode v, String prefix, String name) {
    if (!v.isBoolean()) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, WRONG_TYPE, path + " must be true or false, got " + describe(v));
      return null;
    }
    return v.booleanValue();
  }

  Instant requiredTimestamp(ObjectNode obj, String prefix, String name) {
    JsonNode v = required(obj, prefix, name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, WRONG_TYPE, path
          + " must be an ISO-8601 timestamp string such as 2026-11-28T10:00:00Z, got "
          + describe(v));
      return null;
    }
    Instant instant = Timestamps.parseOrNull(v.textValue());
    if (instant == null) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, INVALID_TIMESTAMP, path
          + " must be an ISO-8601 date-time with Z or an offset, such as 2026-11-28T10:00:00Z"
          + " or 2026-11-28T11:00:00+01:00, got " + describe(v));
    }
    return instant;
  }

  String requiredCurrency(ObjectNode obj, String prefix, String name) {
    JsonNode v = required(obj, prefix, name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, WRONG_TYPE, path + " must be a string, got " + describe(v));
      return null;
    }
    String code = v.textValue();
    if (!isUpperCaseCode(code) || !CURRENCY_CODES.contains(code)) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, UNKNOWN_CURRENCY, path
          + " must be an upper-case ISO-4217 currency code such as EUR or USD, got "
          + describe(v));
      return null;
    }
    return code;
  }

  Platform requiredPlatform(ObjectNode obj, String prefix, String name) {
    JsonNode v = required(obj, prefix, name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, WRONG_TYPE, path + " must be a string, got " + describe(v));
      return null;
    }
    Platform platform = Platform.fromWire(v.textValue()).orElse(null);
    if (platform == null) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, UNKNOWN_PLATFORM,
          path + " must be one of " + PLATFORM_NAMES + ", got " + describe(v));
    }
    return platform;
  }

  /** One of the wire names in {@code byWireName} (exact, case-sensitive). */
  <E> E requiredEnum(ObjectNode obj, String prefix, String name, WireNames<E> byWireName) {
    JsonNode v = required(obj, prefix, name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, WRONG_TYPE, path + " must be a string, got " + describe(v));
      return null;
    }
    E value = byWireName.values.get(v.textValue());
    if (value == null) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, INVALID_VALUE,
          path + " must be one of " + byWireName.list + ", got " + describe(v));
    }
    return value;
  }

  /** An enum's wire names, in declaration order for messages. */
  static final class WireNames<E> {
    private final Map<String, E> values;
    private final String list;

    WireNames(Map<String, E> values) {
      this.values = Map.copyOf(values);
      this.list = String.join(", ", values.keySet());
    }

    @SafeVarargs
    static <E extends Enum<E>> WireNames<E> of(Map.Entry<String, E>... entries) {
      Map<String, E> map = new LinkedHashMap<>();
      for (Map.Entry<String, E> e : entries) {
        map.put(e.getKey(), e.getValue());
      }
      return new WireNames<>(map);
    }
  }

  // ---- structures -----------------------------------------------------------------------------

  ArrayNode requiredArray(ObjectNode obj, String prefix, String name, int maxElements) {
    JsonNode v = required(obj, prefix, name);
    return v == null ? null : array(v, prefix, name, maxElements);
  }

  ArrayNode optionalArray(ObjectNode obj, String prefix, String name, int maxElements) {
    JsonNode v = value(obj, name);
    return v == null ? null : array(v, prefix, name, maxElements);
  }

  private ArrayNode array(JsonNode v, String prefix, String name, int maxElements) {
    if (!v.isArray()) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, WRONG_TYPE, path + " must be an array, got " + describe(v));
      return null;
    }
    if (v.size() > maxElements) {
      String path = path(prefix, name, NO_INDEX);
      problem(path, TOO_LONG,
          path + " must have at most " + maxElements + " elements, got " + v.size());
      return null;
    }
    return (ArrayNode) v;
  }

  ObjectNode optionalObject(ObjectNode obj, String prefix, String name) {
    JsonNode v = value(obj, name);
    return v == null ? null : object(v, prefix, name, NO_INDEX);
  }

  /** {@code v} as an object (e.g. the array element {@code items[2]}), else wrong_type. */
  ObjectNode object(JsonNode v, String prefix, String name, int index) {
    if (!v.isObject()) {
      String path = path(prefix, name, index);
      problem(path, WRONG_TYPE, path + " must be an object, got " + describe(v));
      return null;
    }
    return (ObjectNode) v;
  }

  /** The JSON field names of a record: its component names (the contract, by construction). */
  static Set<String> fieldsOf(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(RecordComponent::getName)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The JSON path of a field, e.g. {@code accounts[3].followers}; rendered for problems only. */
  static String path(String prefix, String name, int index) {
    String path = prefix.isEmpty() ? name : prefix + name;
    return index == NO_INDEX ? path : path + "[" + index + "]";
  }

  private static boolean isUpperCaseCode(String code) {
    if (code.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
