package io.inflow.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.event.IngestEvent;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes {@link EventCodec#parseNdjson} and {@link EventCodec#parseSingle} with seeded mutated and
 * random bodies: byte flips, inserts, deletes and truncations of valid lines, random bytes, invalid
 * UTF-8, deep nesting, huge numbers, wrong types, duplicate keys, over-long strings, blank lines
 * and CRLF. For every body the codec must keep its documented contract:
 *
 * <ul>
 *   <li>it never throws (the batch parsers document no exception; {@code parseEvent} only
 *       {@link ValidationException}) and never changes its input;
 *   <li>every non-blank physical line is exactly once in {@code events} or {@code rejected}, both
 *       in line order, each rejection with a known code and a sentence; a line over the byte limit
 *       is {@code too_long} without a field;
 *   <li>a line's outcome does not depend on its neighbours, and parsing is deterministic;
 *   <li>an accepted event holds only well-formed strings, and written with the product's JSON
 *       mapper and parsed again it is the same event;
 *   <li>inputs that are invalid by construction (truncated, duplicate keys, invalid UTF-8, too
 *       deep, counters out of range, strings over their limit) are rejected, and generated valid
 *       events are accepted unchanged.
 * </ul>
 *
 * <p>Seeded: {@code -Dinflow.test.seed=N} replays a run, {@code -Dinflow.test.fuzz-input=I} replays
 * only input I of it, {@code -Dinflow.test.fuzz-inputs=N} changes the number of inputs.
 */
class EventCodecFuzzTest {

  private static final int INPUTS = Integer.getInteger("inflow.test.fuzz-inputs", 10_000);
  private static final int MAX_REPORTED_FAILURES = 20;
  private static final int MAX_PRINTED_FAILURES = Integer.getInteger("inflow.test.fuzz-print", 100);
  private static final int STOP_AFTER_FAILURES = 500;
  private static final int DEEP = 100_000;

  /** Limits small enough that random inputs reach them; max line bytes ample for the samples. */
  private static final CodecLimits TIGHT = new CodecLimits(12, 40, 60, 6, 3, 8, 2, 2, 700);

  private static final Set<String> ERROR_CODES = errorCodes();
  private static final String RAW = "@@raw-fragment@@";

  /** Counter fields of the samples, by type (paths as {@link Samples#with} takes them). */
  private static final Map<String, List<String>> COUNTERS = Map.of(
      "post.metrics", List.of("views", "likes", "comments", "impressions", "reach", "shares", "saves"),
      "followers.observed", List.of("followers", "following"),
      "audience.sample", List.of("accounts[0].followers", "accounts[1].posts",
          "accounts[0].usernameLength", "accounts[1].biographyLength"),
      "conversion", List.of("items[0].quantity", "items[1].quantity"));

  /** The counters above that are Java ints (at most 2^31 - 1). */
  private static final Set<String> INT_COUNTERS = Set.of("accounts[0].usernameLength",
      "accounts[1].biographyLength", "items[0].quantity", "items[1].quantity");

  /** Decimal (money) fields of the samples, by type. */
  private static final Map<String, List<String>> DECIMALS = Map.of(
      "conversion", List.of("amount", "items[0].price", "items[1].price"),
      "spend", List.of("amount"));

  /** String fields with their default limit, by type. */
  private static final Map<String, Map<String, Integer>> LIMITED_STRINGS = Map.of(
      "comment.posted", Map.of("eventId", 128, "text", 5000, "authorId", 128),
      "post.published", Map.of("caption", 10_000, "format", 32, "postId", 128),
      "click", Map.of("eventId", 128, "campaignId", 128, "visitorId", 128),
      "conversion",
      Map.of("orderId", 128, "attribution.value", CodecLimits.MAX_ATTRIBUTION_VALUE_LENGTH));

  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
    {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFE}, {(byte) 0xFF},
    {(byte) 0xC3, (byte) 0x28}, {(byte) 0xE2, (byte) 0x28, (byte) 0xA1},
  };

  private static final String[] HUGE_NUMBERS = {
    "1e999999", "-1e999999", "1E-999999", "1e2147483648", "1e-2147483649", "1e99999999999999999999",
    "9".repeat(40), "-" + "9".repeat(40), "1" + "0".repeat(39), "9".repeat(1001),
    "0." + "0".repeat(500) + "1", "123456789012345678901234567890.5", "9223372036854775808",
    "18446744073709551616", "-9223372036854775809", "2147483648", "4294967296",
    "1.7976931348623157e309", "4.9e-325",
  };

  private static final String[] ODD_VALUES = {
    "0", "-0", "00", "01", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "1_000", "NaN", "-Infinity",
    "Infinity", "1.0", "1e3", "1E+3", "12.50", "-1", "9223372036854775807", "true", "false", "null",
    "[]", "{}", "[1,2]", "{\"a\":1}", "[\"x\"]", "[null]", "[{}]", "\"\"", "\" \"", "\"\\u0000\"",
    "\"\\ud800\"", "\"x\\udc00\"", "\"\\udbff\\udfff\"", "\"\\ud83d\\ude0d\"", "\"x\\u2028y\"",
    "\"\\t\"", "\"\\\"\"", "\"12\"", "\"-5\"", "\"1e3\"", "\"12,50\"", "\"59.90\"",
    "\"2026-11-28T10:00:00Z\"", "\"2026-02-29T10:00:00Z\"", "\"2028-02-29T10:00:00Z\"",
    "\"9999-12-31T23:59:59.999999999+18:00\"", "\"0000-01-01T00:00:00-18:00\"",
    "\"2026-11-28T24:00:00Z\"", "\"2026-11-28T10:00:00.1234567890Z\"",
    "\"2026-11-28T10:00:00+18:01\"", "\"2026-11-28T10:00:00\"", "\"2026-11-28 10:00:00Z\"",
    "\"EUR\"", "\"eur\"", "\"XXX\"", "\"click\"", "\"instagram\"", "\"paid\"", "\"fee\"",
    "\"link\"", "'single'", "tru", "nul", "[1,]", "{\"a\":}", "[[[", "\"unterminated", "\"\\x41\"",
    "\"\\u12\"",
  };

  private static final byte[] INTERESTING_BYTES = {
    '"', '{', '}', '[', ']', ',', ':', '\\', 0, 0x7f, (byte) 0x80, (byte) 0xff, '\n', '\r', ' ',
    '\t', '0', '9', '-', '+', 'e', '.', 'u', '/', (byte) 0xc3, (byte) 0xe2, (byte) 0xf0,
  };

  private static final String[] VALID_CHARS = {
    "é", "日本", "😍", "\u2028", "\u2029", "\uFEFF", "\u00A0", "\u200B", "\\u0000", "\\u001f",
    "\\ud83d\\ude0d", "\\\\", "\\\"", "\\/", "\\n", "\\r\\n", "\u007f",
  };

  private final long seed = Long.getLong("inflow.test.seed", System.nanoTime());
  private final EventCodec defaults = new EventCodec(CodecLimits.defaults());
  private final EventCodec tight = new EventCodec(TIGHT);
  private final EventCodec defaultsRoundTrip = new EventCodec(withoutLineLimit(CodecLimits.defaults()));
  private final EventCodec tightRoundTrip = new EventCodec(withoutLineLimit(TIGHT));
  private final List<String> validLines = new ArrayList<>(Samples.BY_TYPE.values());
  private final List<String> failures = new ArrayList<>();
  private int failureCount;

  /** What a line must turn into, when the generator knows. */
  private record Expect(Kind kind, IngestEvent event, String code) {
    enum Kind { ANY, ACCEPT, REJECT }

    static final Expect ANY = new Expect(Kind.ANY, null, null);

    static Expect accept(IngestEvent event) {
      return new Expect(Kind.ACCEPT, event, null);
    }

    /** Rejected; with {@code code} null any code will do. */
    static Expect reject(String code) {
      return new Expect(Kind.REJECT, null, code);
    }
  }

  /** One generated line (no terminator) and what it must become under default limits. */
  private record Line(String kind, byte[] bytes, Expect expect) {}

  /** One body to parse, the expectations by physical line, and what made it. */
  private record Input(int index, String kind, byte[] body, boolean ndjson, boolean tightLimits,
      Map<Integer, Expect> expected) {}

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void mutatedAndRandomBodiesKeepTheCodecContract() {
    System.out.println("EventCodecFuzzTest seed=" + seed + " inputs=" + INPUTS
        + " (rerun with -Dinflow.test.seed=" + seed + ")");
    var generated = new RandomEvents(seed);
    for (int i = 0; i < 200; i++) {
      validLines.add(Json.write(generated.next()));
    }
    Integer only = Integer.getInteger("inflow.test.fuzz-input");
    Map<String, int[]> kinds = new TreeMap<>(); // kind -> inputs, accepted, rejected lines, ms
    long started = System.nanoTime();
    for (int i = 0; i < INPUTS; i++) {
      if (only != null && only != i) {
        continue;
      }
      Input input = generate(i);
      int[] counts = kinds.computeIfAbsent(input.kind(), k -> new int[4]);
      counts[0]++;
      long checkStarted = System.nanoTime();
      try {
        check(input, counts);
      } catch (Throwable t) {
        failure(input, "checking threw " + t + "\n" + stackTop(t));
      }
      counts[3] += (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - checkStarted);
      if (failureCount >= STOP_AFTER_FAILURES) {
        break;
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    int inputs = kinds.values().stream().mapToInt(c -> c[0]).sum();
    System.out.println("EventCodecFuzzTest " + inputs + " inputs in " + millis
        + " ms; per kind [inputs, accepted lines, rejected lines, ms checking]:");
    kinds.forEach((kind, c) -> System.out.println("  " + kind + " " + Arrays.toString(c)));
    if (failureCount > 0) {
      fail(failureCount + " contract violation(s), seed " + seed + " (rerun with -Dinflow.test.seed="
          + seed + ", one input with -Dinflow.test.fuzz-input=I):\n" + String.join("\n", failures));
    }
  }

  /** Inputs this fuzzer found that the codec once mishandled, kept as fixed examples. */
  static Stream<Arguments> foundByFuzzing() {
    String spend = Samples.SPEND.replace("\"amount\":1500", "\"amount\":%s");
    String click = Samples.CLICK.replace("\"e-6\"", "\"%s\"");
    return Stream.of(
        // Jackson throws a bare NumberFormatException for exponents beyond an int
        Arguments.of("exponent overflow", utf8(spend.formatted("1e2147483648")), "malformed_json", null),
        Arguments.of("negative exponent overflow", utf8(spend.formatted("1e-2147483649")),
            "malformed_json", null),
        Arguments.of("exponent of 20 digits", utf8(spend.formatted("1e99999999999999999999")),
            "malformed_json", null),
        // Jackson decodes these invalid UTF-8 forms instead of failing
        Arguments.of("overlong '/'", bytesIn(click, 0xC0, 0xAF), "malformed_json", null),
        Arguments.of("overlong 3-byte '/'", bytesIn(click, 0xE0, 0x80, 0xAF), "malformed_json", null),
        Arguments.of("UTF-8-encoded surrogate", bytesIn(click, 0xED, 0xA0, 0x80), "malformed_json", null),
        Arguments.of("above U+10FFFF", bytesIn(click, 0xF4, 0x90, 0x80, 0x80), "malformed_json", null),
        // JSON escapes may name a lone surrogate: no Unicode text, and no UTF-8 form to store
        Arguments.of("escaped lone low surrogate", utf8(click.formatted("x\\udc00")), "invalid_value",
            "eventId"),
        Arguments.of("escaped lone high surrogate", utf8(Samples.COMMENT_POSTED.replace("\\ude0d", "")),
            "invalid_value", "text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("foundByFuzzing")
  void inputsFoundByFuzzingAreRejectedNotThrown(String name, byte[] line, String code, String field) {
    for (ParsedBatch batch : List.of(defaults.parseSingle(line), defaults.parseNdjson(line))) {
      assertEquals(List.of(), batch.events(), name);
      assertEquals(code, batch.rejected().get(0).code(), () -> name + ": " + batch.rejected());
      assertEquals(field, batch.rejected().get(0).field(), () -> name + ": " + batch.rejected());
    }
  }

  @Test
  void wellFormedUnicodeAtTheEdgesIsStillAccepted() {
    String click = Samples.CLICK.replace("\"e-6\"", "\"%s\"");
    for (String id : List.of("\u00e9", "\uffff", "\ud83d\ude0d", "\udbff\udfff", "\\ud83d\\ude0d")) {
      IngestEvent event = defaults.parseEvent(click.formatted(id));
      assertEquals(1, event.eventId().codePointCount(0, event.eventId().length()), id);
    }
  }

  @Test
  void aCampaignWithAnUnreadableNumberIsAValidationProblem() {
    String campaign = """
        {"brandId":"b","name":"C","budget":1e2147483648,"currency":"EUR",\
        "startsAt":"2026-11-01T00:00:00Z","endsAt":"2026-12-31T00:00:00Z"}""";
    var e = assertThrows(ValidationException.class, () -> CampaignCodec.parse(utf8(campaign)));
    assertEquals("malformed_json", e.details().get(0).code());
  }

  /** The click template with {@code bytes} at the start of its eventId. */
  private static byte[] bytesIn(String clickTemplate, int... bytes) {
    byte[] line = utf8(clickTemplate.formatted("Xb"));
    int at = new String(line, StandardCharsets.ISO_8859_1).indexOf("Xb");
    byte[] sequence = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      sequence[i] = (byte) bytes[i];
    }
    return insert(line, at, sequence);
  }

  // ---- checking ---------------------------------------------------------------------------------

  private void check(Input input, int[] counts) {
    EventCodec codec = input.tightLimits() ? tight : defaults;
    byte[] original = input.body().clone();
    ParsedBatch batch;
    try {
      batch = input.ndjson() ? codec.parseNdjson(input.body()) : codec.parseSingle(input.body());
    } catch (Throwable t) {
      failure(input, "threw " + t + "\n" + stackTop(t));
      return;
    }
    counts[1] += batch.events().size();
    counts[2] += batch.rejected().size();
    if (!Arrays.equals(original, input.body())) {
      failure(input, "the codec changed its input array");
    }
    ParsedBatch again = input.ndjson()
        ? codec.parseNdjson(original.clone()) : codec.parseSingle(original.clone());
    if (!batch.equals(again)) {
      failure(input, "not deterministic: " + batch + " then " + again);
    }
    List<byte[]> lines = input.ndjson() ? physicalLines(input.body()) : List.of(input.body());
    checkLineAccounting(input, codec, batch, lines);
    for (NumberedEvent accepted : batch.events()) {
      checkAcceptedEvent(input, codec, accepted);
    }
    if (!input.tightLimits()) {
      checkExpectations(input, batch);
    }
    if (input.ndjson()) {
      checkLinesAreIndependent(input, codec, batch, lines);
    } else {
      checkParseEventAgrees(input, codec, batch);
    }
  }

  private void checkLineAccounting(Input input, EventCodec codec, ParsedBatch batch,
      List<byte[]> lines) {
    List<Integer> expectedLines = new ArrayList<>();
    for (int n = 1; n <= lines.size(); n++) {
      if (!isBlank(lines.get(n - 1)) || (!input.ndjson() && n == 1)) {
        expectedLines.add(n);
      }
    }
    List<Integer> eventLines = batch.events().stream().map(NumberedEvent::line).toList();
    List<Integer> rejectedLines = batch.rejected().stream().map(ErrorDetail::line).toList();
    if (!isAscending(eventLines) || !isAscending(rejectedLines)) {
      failure(input, "lines out of order: events " + eventLines + ", rejected " + rejectedLines);
    }
    List<Integer> all = new ArrayList<>(eventLines);
    all.addAll(rejectedLines);
    all.sort(null);
    if (!all.equals(expectedLines)) {
      failure(input, "accepted lines " + eventLines + " + rejected lines " + rejectedLines
          + " are not the non-blank lines " + expectedLines);
    }
    for (ErrorDetail d : batch.rejected()) {
      if (d.line() == null || !ERROR_CODES.contains(d.code()) || d.message() == null
          || d.message().isBlank()) {
        failure(input, "rejection without line, known code or message: " + d);
      } else if (d.eventId() != null
          && (d.eventId().isBlank() || d.eventId().length() > codec.limits().maxIdLength())) {
        failure(input, "rejection names an implausible eventId: " + d);
      }
      if (d.line() != null && d.line() >= 1 && d.line() <= lines.size()) {
        byte[] physical = lines.get(d.line() - 1);
        int length = (input.ndjson() ? stripCr(physical) : physical).length;
        boolean overLimit = length > codec.limits().maxLineBytes();
        boolean lineTooLong = ErrorCodes.TOO_LONG.equals(d.code()) && d.field() == null;
        if (overLimit != lineTooLong) {
          failure(input, "line " + d.line() + " is " + length + " bytes (limit "
              + codec.limits().maxLineBytes() + ") but was rejected with " + d);
        }
      }
    }
    for (NumberedEvent e : batch.events()) {
      if (e.line() >= 1 && e.line() <= lines.size() && (input.ndjson() ? stripCr(lines.get(e.line() - 1))
          : lines.get(e.line() - 1)).length > codec.limits().maxLineBytes()) {
        failure(input, "line " + e.line() + " over the byte limit was accepted");
      }
    }
  }

  private void checkAcceptedEvent(Input input, EventCodec codec, NumberedEvent accepted) {
    IngestEvent event = accepted.event();
    String malformed = firstIllFormedString(event, "");
    if (malformed != null) {
      failure(input, "line " + accepted.line() + " accepted with a lone surrogate in " + malformed
          + ": no Unicode text, it cannot be stored as UTF-8; event " + escape(event.toString()));
    }
    if (event.eventId() == null || event.eventId().isBlank()
        || event.eventId().length() > codec.limits().maxIdLength()) {
      failure(input, "line " + accepted.line() + " accepted with eventId " + escape(event.eventId()));
    }
    // The product's encodings: bytes from the shared mapper, and a String encoded as UTF-8 (HTTP).
    EventCodec roundTrip = codec == tight ? tightRoundTrip : defaultsRoundTrip;
    for (byte[] encoded : List.of(Json.writeBytes(event),
        Json.write(event).getBytes(StandardCharsets.UTF_8))) {
      ParsedBatch reparsed = roundTrip.parseSingle(encoded);
      if (reparsed.events().size() != 1 || !reparsed.events().get(0).event().equals(event)) {
        failure(input, "line " + accepted.line() + ": " + escape(event.toString()) + " written as "
            + escape(new String(encoded, StandardCharsets.UTF_8)) + " parses as " + reparsed);
        return;
      }
    }
  }

  private void checkExpectations(Input input, ParsedBatch batch) {
    Map<Integer, IngestEvent> events = new TreeMap<>();
    batch.events().forEach(e -> events.put(e.line(), e.event()));
    Map<Integer, ErrorDetail> rejected = new TreeMap<>();
    batch.rejected().forEach(d -> rejected.put(d.line(), d));
    input.expected().forEach((line, expect) -> {
      switch (expect.kind()) {
        case ACCEPT -> {
          if (!expect.event().equals(events.get(line))) {
            failure(input, "line " + line + " should be accepted as " + escape(expect.event().toString())
                + ", got " + (events.containsKey(line) ? events.get(line) : rejected.get(line)));
          }
        }
        case REJECT -> {
          ErrorDetail d = rejected.get(line);
          if (d == null || (expect.code() != null && !expect.code().equals(d.code()))) {
            Object got = d != null ? d : escape(String.valueOf(events.get(line)));
            failure(input, "line " + line + " should be rejected"
                + (expect.code() == null ? "" : " with " + expect.code()) + ", got " + got);
          }
        }
        default -> { }
      }
    });
  }

  /** Each non-blank line parsed on its own gives the outcome it got inside the batch. */
  private void checkLinesAreIndependent(Input input, EventCodec codec, ParsedBatch batch,
      List<byte[]> lines) {
    Map<Integer, Object> outcomes = new TreeMap<>();
    batch.events().forEach(e -> outcomes.put(e.line(), e.event()));
    batch.rejected().forEach(d -> outcomes.put(d.line(), d));
    for (var entry : outcomes.entrySet()) {
      int line = entry.getKey();
      if (line < 1 || line > lines.size()) {
        continue; // reported by the accounting check
      }
      ParsedBatch alone = codec.parseSingle(stripCr(lines.get(line - 1)));
      Object aloneOutcome = alone.events().isEmpty()
          ? renumber(alone.rejected().get(0), line) : alone.events().get(0).event();
      if (!Objects.equals(entry.getValue(), aloneOutcome)) {
        failure(input, "line " + line + " gives " + entry.getValue() + " in the batch but "
            + aloneOutcome + " on its own");
      }
    }
  }

  /** {@code parseEvent} (String) agrees with {@code parseSingle} and throws only ValidationException. */
  private void checkParseEventAgrees(Input input, EventCodec codec, ParsedBatch batch) {
    String text = strictUtf8(input.body());
    if (text == null) {
      return;
    }
    try {
      IngestEvent event = codec.parseEvent(text);
      if (batch.events().size() != 1 || !batch.events().get(0).event().equals(event)) {
        failure(input, "parseEvent accepted " + event + " but parseSingle gave " + batch);
      }
    } catch (ValidationException e) {
      if (!e.details().equals(batch.rejected())) {
        failure(input, "parseEvent rejected with " + e.details() + " but parseSingle gave " + batch);
      }
    } catch (Throwable t) {
      failure(input, "parseEvent threw " + t + "\n" + stackTop(t));
    }
  }

  private void failure(Input input, String problem) {
    failureCount++;
    String report = "- seed " + seed + " input #" + input.index() + " (" + input.kind()
        + (input.ndjson() ? ", ndjson" : ", single") + (input.tightLimits() ? ", tight limits" : "")
        + ", " + input.body().length + " bytes): " + problem + "\n    body: " + preview(input.body());
    if (failureCount <= MAX_PRINTED_FAILURES) {
      System.out.println(report);
    }
    if (failures.size() < MAX_REPORTED_FAILURES) {
      failures.add(report);
    }
  }

  // ---- generation -------------------------------------------------------------------------------

  private Input generate(int index) {
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
    boolean tightLimits = random.nextInt(10) == 0;
    int shape = random.nextInt(20);
    if (shape < 6) {
      // a single event body (application/json)
      Line line = line(random);
      Map<Integer, Expect> expected = new TreeMap<>();
      expected.put(1, isBlank(line.bytes()) ? Expect.reject(ErrorCodes.MALFORMED_JSON) : line.expect());
      return new Input(index, line.kind(), line.bytes(), false, tightLimits, expected);
    }
    if (shape < 8) {
      return new Input(index, "raw-body", rawBody(random), random.nextBoolean(), tightLimits, Map.of());
    }
    return ndjsonBody(index, random, tightLimits);
  }

  /** 1–12 lines joined by LF or CRLF, blank lines between, the last terminator optional. */
  private Input ndjsonBody(int index, Random random, boolean tightLimits) {
    var body = new ByteArrayOutputStream();
    Map<Integer, Expect> expected = new TreeMap<>();
    List<String> kinds = new ArrayList<>();
    int parts = 1 + random.nextInt(random.nextInt(4) == 0 ? 12 : 4);
    int physicalLine = 1;
    for (int p = 0; p < parts; p++) {
      if (random.nextInt(6) == 0) {
        body.writeBytes(utf8(pick(random, new String[] {"", " ", "\t", "  \t ", "\r"})));
        body.writeBytes(random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
        physicalLine++;
      }
      Line line = line(random);
      kinds.add(line.kind());
      body.writeBytes(line.bytes());
      if (indexOf(line.bytes(), (byte) '\n') < 0 && !isBlank(line.bytes())) {
        expected.put(physicalLine, line.expect());
      }
      physicalLine += count(line.bytes(), (byte) '\n');
      boolean last = p == parts - 1;
      if (!last || random.nextBoolean()) {
        body.writeBytes(random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
        physicalLine++;
      }
    }
    String kind = kinds.size() == 1 ? kinds.get(0) : "batch";
    return new Input(index, kind, body.toByteArray(), true, tightLimits, expected);
  }

  private Line line(Random random) {
    int choice = random.nextInt(100);
    if (choice < 8) {
      String valid = pick(random, validLines);
      IngestEvent event = defaults.parseEvent(valid);
      return new Line("valid", utf8(valid), Expect.accept(event));
    }
    if (choice < 30) {
      return byteMutation(random);
    }
    if (choice < 36) {
      byte[] valid = utf8(pick(random, validLines));
      int length = 1 + random.nextInt(valid.length - 1);
      return new Line("truncated", Arrays.copyOf(valid, length),
          Expect.reject(ErrorCodes.MALFORMED_JSON));
    }
    if (choice < 44) {
      return invalidUtf8(random);
    }
    if (choice < 48) {
      return validUnicode(random);
    }
    if (choice < 54) {
      return deepNesting(random);
    }
    if (choice < 62) {
      return hugeNumber(random);
    }
    if (choice < 76) {
      return wrongType(random);
    }
    if (choice < 80) {
      return duplicateKey(random);
    }
    if (choice < 86) {
      return longString(random);
    }
    if (choice < 92) {
      return randomJsonObject(random);
    }
    return new Line("random-bytes", randomBytes(random, random.nextInt(200)), Expect.ANY);
  }

  private Line byteMutation(Random random) {
    byte[] bytes = utf8(pick(random, validLines));
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      bytes = mutate(random, bytes);
    }
    return new Line("byte-mutation", bytes, Expect.ANY);
  }

  private static byte[] mutate(Random random, byte[] bytes) {
    if (bytes.length == 0) {
      return new byte[] {INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]};
    }
    int at = random.nextInt(bytes.length);
    return switch (random.nextInt(7)) {
      case 0 -> {
        byte[] copy = bytes.clone();
        copy[at] ^= (byte) (1 << random.nextInt(8));
        yield copy;
      }
      case 1 -> {
        byte[] copy = bytes.clone();
        copy[at] = random.nextBoolean() ? (byte) random.nextInt(256)
            : INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
        yield copy;
      }
      case 2 -> {
        byte[] inserted = new byte[1 + random.nextInt(8)];
        for (int i = 0; i < inserted.length; i++) {
          inserted[i] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
        }
        yield insert(bytes, at, inserted);
      }
      case 3 -> {
        int end = Math.min(bytes.length, at + 1 + random.nextInt(16));
        yield concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, end, bytes.length));
      }
      case 4 -> Arrays.copyOf(bytes, at);
      case 5 -> {
        int end = Math.min(bytes.length, at + 1 + random.nextInt(32));
        yield insert(bytes, random.nextInt(bytes.length + 1), Arrays.copyOfRange(bytes, at, end));
      }
      default -> {
        byte[] copy = bytes.clone();
        int other = random.nextInt(bytes.length);
        byte swap = copy[at];
        copy[at] = copy[other];
        copy[other] = swap;
        yield copy;
      }
    };
  }

  /** An invalid UTF-8 sequence inserted right after a quote, i.e. into a string or between tokens. */
  private Line invalidUtf8(Random random) {
    byte[] valid = utf8(pick(random, validLines));
    List<Integer> quotes = new ArrayList<>();
    for (int i = 0; i < valid.length; i++) {
      if (valid[i] == '"') {
        quotes.add(i);
      }
    }
    byte[] sequence = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
    byte[] bytes = insert(valid, quotes.get(random.nextInt(quotes.size())) + 1, sequence);
    return new Line("invalid-utf8", bytes, Expect.reject(ErrorCodes.MALFORMED_JSON));
  }

  /** Valid but unusual characters (raw or escaped) inserted into a string value. */
  private Line validUnicode(Random random) {
    String valid = pick(random, validLines);
    int quote = valid.indexOf(":\"", random.nextInt(valid.length()));
    if (quote < 0) {
      quote = valid.indexOf(":\"");
    }
    String line = valid.substring(0, quote + 2) + pick(random, VALID_CHARS) + valid.substring(quote + 2);
    return new Line("valid-unicode", utf8(line), Expect.ANY);
  }

  private Line deepNesting(Random random) {
    Line line = nested(random);
    if (line.bytes().length > CodecLimits.defaults().maxLineBytes()) {
      return new Line(line.kind(), line.bytes(), Expect.reject(ErrorCodes.TOO_LONG));
    }
    return line;
  }

  private Line nested(Random random) {
    int depth = random.nextBoolean() ? 1001 + random.nextInt(DEEP) : 2 + random.nextInt(1200);
    // Jackson refuses more than 1000 levels; fewer are still no event (wrong type, unknown field)
    Expect rejected = Expect.reject(depth > 1000 ? ErrorCodes.MALFORMED_JSON : null);
    return switch (random.nextInt(5)) {
      case 0 -> new Line("deep-nesting", utf8("[".repeat(depth)), Expect.reject(ErrorCodes.MALFORMED_JSON));
      case 1 -> new Line("deep-nesting", utf8("[".repeat(depth) + "]".repeat(depth)), rejected);
      case 2 -> new Line("deep-nesting", utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)), rejected);
      case 3 -> withRawValue(random, "deep-nesting", "[".repeat(depth) + "\"x\"" + "]".repeat(depth),
          rejected);
      default -> {
        String valid = pick(random, validLines);
        String line = valid.substring(0, valid.length() - 1) + ",\"extra\":"
            + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
        yield new Line("deep-nesting", utf8(line), rejected);
      }
    };
  }

  private Line hugeNumber(Random random) {
    String number = pick(random, HUGE_NUMBERS);
    List<String> counterTypes = List.copyOf(COUNTERS.keySet());
    if (random.nextBoolean()) {
      String type = pick(random, counterTypes);
      String path = pick(random, COUNTERS.get(type));
      Expect expect = counterExpectation(number, INT_COUNTERS.contains(path));
      return new Line("huge-number", utf8(rawAt(Samples.BY_TYPE.get(type), path, number)), expect);
    }
    if (random.nextBoolean()) {
      String type = pick(random, List.copyOf(DECIMALS.keySet()));
      String path = pick(random, DECIMALS.get(type));
      Expect expect = decimalExpectation(number);
      return new Line("huge-number", utf8(rawAt(Samples.BY_TYPE.get(type), path, number)), expect);
    }
    return withRawValue(random, "huge-number", number, Expect.ANY);
  }

  /** What a counter field must do with one of {@link #HUGE_NUMBERS}. */
  private static Expect counterExpectation(String number, boolean intCounter) {
    if (number.length() > 1000) {
      return Expect.reject(ErrorCodes.MALFORMED_JSON); // over Jackson's number length limit
    }
    if (number.contains(".") || number.contains("e") || number.contains("E")) {
      return Expect.reject(null); // a float where an integer belongs (or unreadable): never accepted
    }
    if (number.startsWith("-")) {
      return Expect.reject(ErrorCodes.NEGATIVE_VALUE);
    }
    boolean fitsLong = number.length() < 19 || number.equals("9223372036854775807");
    if (fitsLong && !intCounter) {
      return Expect.ANY;
    }
    return Expect.reject(ErrorCodes.INVALID_VALUE); // too big for the counter
  }

  /** What a money field must do with one of {@link #HUGE_NUMBERS}: out of range unless ≤ 18 digits. */
  private static Expect decimalExpectation(String number) {
    if (number.length() > 1000) {
      return Expect.reject(ErrorCodes.MALFORMED_JSON);
    }
    return number.matches("[0-9]{1,18}") ? Expect.ANY : Expect.reject(null);
  }

  private Line wrongType(Random random) {
    if (random.nextInt(3) == 0) {
      String type = pick(random, List.copyOf(COUNTERS.keySet()));
      String path = pick(random, COUNTERS.get(type));
      String value = pick(random, new String[] {"\"12\"", "12.5", "1.0", "true", "[1]", "{}", "\"\""});
      return new Line("wrong-type", utf8(rawAt(Samples.BY_TYPE.get(type), path, value)),
          Expect.reject(ErrorCodes.WRONG_TYPE));
    }
    return withRawValue(random, "wrong-type", pick(random, ODD_VALUES), Expect.ANY);
  }

  private Line duplicateKey(Random random) {
    String valid = pick(random, validLines);
    ObjectNode tree = (ObjectNode) Samples.tree(valid);
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    String name = pick(random, names);
    String value = random.nextBoolean() ? tree.get(name).toString() : pick(random, ODD_VALUES);
    String duplicate = "\"" + name + "\":" + value;
    String line = random.nextBoolean()
        ? valid.substring(0, valid.length() - 1) + "," + duplicate + "}"
        : "{" + duplicate + "," + valid.substring(1);
    return new Line("duplicate-key", utf8(line), Expect.reject(ErrorCodes.MALFORMED_JSON));
  }

  private Line longString(Random random) {
    int mode = random.nextInt(3);
    if (mode == 0) {
      String type = pick(random, List.copyOf(LIMITED_STRINGS.keySet()));
      var fields = LIMITED_STRINGS.get(type);
      String path = pick(random, List.copyOf(fields.keySet()));
      int limit = fields.get(path);
      String value = "x".repeat(limit + 1 + random.nextInt(limit));
      return new Line("long-string", utf8(Samples.with(type, path, TextNode.valueOf(value).toString())),
          Expect.reject(ErrorCodes.TOO_LONG));
    }
    if (mode == 1) {
      // a line over the byte limit
      String caption = "ü".repeat(CodecLimits.defaults().maxLineBytes() / 2 + random.nextInt(20_000));
      return new Line("long-line", utf8(Samples.with("post.published", "caption",
          TextNode.valueOf(caption).toString())), Expect.reject(ErrorCodes.TOO_LONG));
    }
    String value = "\"" + "a\\u00e9😍 ".repeat(random.nextInt(20_000)) + "\"";
    return withRawValue(random, "long-string", value, Expect.ANY);
  }

  /** A random JSON object: sometimes a real type and field names with random values. */
  private Line randomJsonObject(Random random) {
    var json = new StringBuilder("{");
    int fields = random.nextInt(10);
    List<String> names = new ArrayList<>(List.of("type", "eventId", "influencerId", "campaignId",
        "platform", "occurredAt", "views", "likes", "amount", "currency", "accounts", "items", "x", ""));
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        json.append(',');
      }
      String name = i == 0 && random.nextBoolean() ? "type" : pick(random, names);
      names.remove(name); // no accidental duplicate keys here
      names.add(name + i);
      String value = name.equals("type") && random.nextBoolean()
          ? TextNode.valueOf(pick(random, List.copyOf(Samples.BY_TYPE.keySet()))).toString()
          : randomJsonValue(random, 0);
      json.append(TextNode.valueOf(name)).append(':').append(value);
    }
    return new Line("random-json", utf8(json.append('}').toString()), Expect.ANY);
  }

  private static String randomJsonValue(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 5 : 7);
    return switch (kind) {
      case 0 -> String.valueOf(random.nextLong() >> random.nextInt(64));
      case 1 -> TextNode.valueOf(randomText(random)).toString();
      case 2 -> pick(random, ODD_VALUES);
      case 3 -> pick(random, HUGE_NUMBERS);
      case 4 -> random.nextBoolean() ? "true" : "null";
      case 5 -> {
        var array = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          array.append(i > 0 ? "," : "").append(randomJsonValue(random, depth + 1));
        }
        yield array.append(']').toString();
      }
      default -> {
        var object = new StringBuilder("{");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          object.append(i > 0 ? "," : "").append("\"k").append(i).append("\":")
              .append(randomJsonValue(random, depth + 1));
        }
        yield object.append('}').toString();
      }
    };
  }

  /** A whole body of noise: random bytes, random ASCII, or a lone huge structure. */
  private static byte[] rawBody(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> randomBytes(random, random.nextInt(2000));
      case 1 -> {
        byte[] ascii = new byte[random.nextInt(500)];
        for (int i = 0; i < ascii.length; i++) {
          ascii[i] = (byte) (0x09 + random.nextInt(0x7f - 0x09));
        }
        yield ascii;
      }
      case 2 -> utf8("[".repeat(1 + random.nextInt(DEEP)));
      case 3 -> utf8(pick(random,
          new String[] {"", " ", "\n", "\r\n", "\n\n\n", " \t\r\n ", "\r", "\u000c"}));
      case 4 -> {
        byte[] bytes = new byte[random.nextInt(300)];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
        }
        yield bytes;
      }
      default -> utf8(pick(random, HUGE_NUMBERS));
    };
  }

  /** A valid line with the value at a random path replaced by a raw JSON fragment. */
  private Line withRawValue(Random random, String kind, String fragment, Expect expect) {
    String valid = pick(random, validLines);
    JsonNode root = Samples.tree(valid);
    List<JsonNode[]> slots = new ArrayList<>(); // {container, index-or-name as TextNode}
    collectSlots(root, slots);
    JsonNode[] slot = slots.get(random.nextInt(slots.size()));
    if (slot[0] instanceof ObjectNode object) {
      object.put(slot[1].textValue(), RAW);
    } else {
      ((ArrayNode) slot[0]).set(Integer.parseInt(slot[1].textValue()), TextNode.valueOf(RAW));
    }
    return new Line(kind, utf8(root.toString().replace("\"" + RAW + "\"", fragment)), expect);
  }

  private static String rawAt(String sample, String path, String fragment) {
    String type = Samples.tree(sample).get("type").textValue();
    return Samples.with(type, path, TextNode.valueOf(RAW).toString())
        .replace("\"" + RAW + "\"", fragment);
  }

  private static void collectSlots(JsonNode node, List<JsonNode[]> slots) {
    if (node instanceof ObjectNode object) {
      object.fieldNames().forEachRemaining(name -> {
        slots.add(new JsonNode[] {object, TextNode.valueOf(name)});
        collectSlots(object.get(name), slots);
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new JsonNode[] {array, TextNode.valueOf(String.valueOf(i))});
        collectSlots(array.get(i), slots);
      }
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** The body's physical lines as the NDJSON contract defines them (terminators removed). */
  private static List<byte[]> physicalLines(byte[] body) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        if (i > start || i < body.length) {
          lines.add(Arrays.copyOfRange(body, start, i));
        }
        start = i + 1;
      }
    }
    return lines;
  }

  private static byte[] stripCr(byte[] line) {
    boolean cr = line.length > 0 && line[line.length - 1] == '\r';
    return cr ? Arrays.copyOf(line, line.length - 1) : line;
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscending(List<Integer> lines) {
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i - 1) == null || lines.get(i) == null || lines.get(i - 1) >= lines.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static ErrorDetail renumber(ErrorDetail d, int line) {
    return new ErrorDetail(line, d.eventId(), d.field(), d.code(), d.message());
  }

  private static CodecLimits withoutLineLimit(CodecLimits l) {
    return new CodecLimits(l.maxIdLength(), l.maxTextLength(), l.maxCaptionLength(),
        l.maxFormatLength(), l.maxHashtags(), l.maxHashtagLength(), l.maxAccountsPerSample(),
        l.maxItems(), Integer.MAX_VALUE);
  }

  /** The path of the first string in {@code value} (records, lists, strings) with a lone surrogate. */
  private static String firstIllFormedString(Object value, String path) {
    if (value instanceof String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1));
        if (pair) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return path.isEmpty() ? "(root)" : path;
        }
      }
      return null;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String found = firstIllFormedString(list.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          Object field = component.getAccessor().invoke(record);
          String name = (path.isEmpty() ? "" : path + ".") + component.getName();
          String found = firstIllFormedString(field, name);
          if (found != null) {
            return found;
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return null;
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Set<String> errorCodes() {
    Set<String> codes = new HashSet<>();
    for (var field : ErrorCodes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          codes.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Set.copyOf(codes);
  }

  private static String stackTop(Throwable t) {
    var text = new StringBuilder();
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < Math.min(12, trace.length); i++) {
      text.append("      at ").append(trace[i]).append('\n');
    }
    return text.toString();
  }

  /** The start of a body, printable: non-ASCII and control bytes as \xNN. */
  private static String preview(byte[] body) {
    var text = new StringBuilder();
    int shown = Math.min(body.length, 400);
    for (int i = 0; i < shown; i++) {
      int b = body[i] & 0xff;
      if (b >= 0x20 && b < 0x7f && b != '\\') {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02x", b));
      }
    }
    return text + (body.length > shown ? "… (" + (body.length - shown) + " more bytes)" : "");
  }

  private static String escape(String s) {
    if (s == null) {
      return "null";
    }
    var text = new StringBuilder();
    for (int i = 0; i < Math.min(s.length(), 400); i++) {
      char c = s.charAt(i);
      text.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return text + (s.length() > 400 ? "…" : "");
  }

  private static String randomText(Random random) {
    var text = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(8) == 0 ? random.nextInt(0x10000) : 0x20 + random.nextInt(0x5f);
      text.append((char) c);
    }
    return text.toString();
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
    byte[] head = Arrays.copyOfRange(bytes, 0, at);
    return concat(concat(head, inserted), Arrays.copyOfRange(bytes, at, bytes.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int count(byte[] bytes, byte b) {
    int n = 0;
    for (byte x : bytes) {
      n += x == b ? 1 : 0;
    }
    return n;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
