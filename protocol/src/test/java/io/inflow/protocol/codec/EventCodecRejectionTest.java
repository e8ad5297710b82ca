package io.inflow.protocol.codec;

import static io.inflow.protocol.codec.Samples.ABSENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.Spend;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecRejectionTest {

  private final EventCodec codec = new EventCodec(CodecLimits.defaults());

  /** type, path to change, new JSON value (or ABSENT), expected code, expected field. */
  static Stream<Arguments> badFields() {
    return Stream.of(
        // missing_field: absent or JSON null, top-level and nested
        bad("post.metrics", "eventId", ABSENT, "missing_field", "eventId"),
        bad("post.metrics", "views", ABSENT, "missing_field", "views"),
        bad("post.metrics", "likes", "null", "missing_field", "likes"),
        bad("post.published", "format", ABSENT, "missing_field", "format"),
        bad("comment.posted", "text", "null", "missing_field", "text"),
        bad("followers.observed", "following", ABSENT, "missing_field", "following"),
        bad("audience.sample", "accounts", ABSENT, "missing_field", "accounts"),
        bad("audience.sample", "accounts[1].isPrivate", ABSENT, "missing_field",
            "accounts[1].isPrivate"),
        bad("click", "campaignId", ABSENT, "missing_field", "campaignId"),
        bad("click", "influencerId", ABSENT, "missing_field", "influencerId"),
        bad("conversion", "currency", ABSENT, "missing_field", "currency"),
        bad("conversion", "items[1].price", ABSENT, "missing_field", "items[1].price"),
        bad("conversion", "attribution.value", "null", "missing_field", "attribution.value"),
        bad("spend", "kind", ABSENT, "missing_field", "kind"),
        bad("spend", "type", ABSENT, "missing_field", "type"),
        // unknown_type
        bad("post.metrics", "type", "\"post.deleted\"", "unknown_type", "type"),
        bad("click", "type", "\"Click\"", "unknown_type", "type"),
        // wrong_type
        bad("post.metrics", "views", "\"12\"", "wrong_type", "views"),
        bad("post.metrics", "views", "12.5", "wrong_type", "views"),
        bad("post.metrics", "comments", "12.0", "wrong_type", "comments"),
        bad("followers.observed", "followers", "1e3", "wrong_type", "followers"),
        bad("post.metrics", "eventId", "42", "wrong_type", "eventId"),
        bad("post.metrics", "type", "5", "wrong_type", "type"),
        bad("audience.sample", "accounts[1].isPrivate", "\"false\"", "wrong_type",
            "accounts[1].isPrivate"),
        bad("audience.sample", "accounts[0].hasExternalUrl", "1", "wrong_type",
            "accounts[0].hasExternalUrl"),
        bad("audience.sample", "accounts", "{}", "wrong_type", "accounts"),
        bad("audience.sample", "accounts[0]", "\"a-1\"", "wrong_type", "accounts[0]"),
        bad("post.published", "hashtags", "\"summer\"", "wrong_type", "hashtags"),
        bad("post.published", "hashtags[1]", "7", "wrong_type", "hashtags[1]"),
        bad("post.published", "publishedAt", "1764324000000", "wrong_type", "publishedAt"),
        bad("conversion", "items[0]", "\"sku-1\"", "wrong_type", "items[0]"),
        bad("conversion", "attribution", "\"ANNA10\"", "wrong_type", "attribution"),
        bad("conversion", "amount", "true", "wrong_type", "amount"),
        bad("conversion", "amount", "\"1e3\"", "wrong_type", "amount"),
        bad("conversion", "amount", "\"12,50\"", "wrong_type", "amount"),
        bad("conversion", "currency", "978", "wrong_type", "currency"),
        bad("conversion", "items[0].quantity", "\"2\"", "wrong_type", "items[0].quantity"),
        bad("spend", "amount", "\" 15\"", "wrong_type", "amount"),
        // negative_value
        bad("post.metrics", "views", "-5", "negative_value", "views"),
        bad("post.metrics", "shares", "-1", "negative_value", "shares"),
        bad("followers.observed", "followers", "-120", "negative_value", "followers"),
        bad("audience.sample", "accounts[0].followers", "-1", "negative_value",
            "accounts[0].followers"),
        bad("conversion", "amount", "\"-5\"", "negative_value", "amount"),
        bad("conversion", "items[0].price", "-1.00", "negative_value", "items[0].price"),
        bad("conversion", "items[1].quantity", "-1", "negative_value", "items[1].quantity"),
        bad("spend", "amount", "-0.01", "negative_value", "amount"),
        // invalid_timestamp
        bad("post.metrics", "observedAt", "\"2026-11-28T10:00:00\"", "invalid_timestamp",
            "observedAt"),
        bad("post.published", "publishedAt", "\"2026-11-28\"", "invalid_timestamp", "publishedAt"),
        bad("comment.posted", "postedAt", "\"28/11/2026 10:00\"", "invalid_timestamp", "postedAt"),
        bad("click", "occurredAt", "\"2026-02-30T10:00:00Z\"", "invalid_timestamp", "occurredAt"),
        bad("spend", "occurredAt", "\"2026-11-28T24:00:00Z\"", "invalid_timestamp", "occurredAt"),
        bad("conversion", "occurredAt", "\"2026-11-28T10:00:00+0100\"", "invalid_timestamp",
            "occurredAt"),
        bad("followers.observed", "observedAt", "\"2026-11-28T10:00:00.1234567891Z\"",
            "invalid_timestamp", "observedAt"),
        bad("followers.observed", "observedAt", "\"2026-11-28T10:00:00Z[Europe/Paris]\"",
            "invalid_timestamp", "observedAt"),
        bad("audience.sample", "observedAt", "\"\"", "invalid_timestamp", "observedAt"),
        bad("click", "occurredAt", "\"2026-11-28T10:00:00+19:00\"", "invalid_timestamp",
            "occurredAt"),
        bad("click", "occurredAt", "\"2026-11-28T10:00Z\"", "invalid_timestamp", "occurredAt"),
        // unknown_currency
        bad("conversion", "currency", "\"eur\"", "unknown_currency", "currency"),
        bad("conversion", "currency", "\"EURO\"", "unknown_currency", "currency"),
        bad("spend", "currency", "\"ABC\"", "unknown_currency", "currency"),
        bad("spend", "currency", "\"€\"", "unknown_currency", "currency"),
        // unknown_platform
        bad("post.published", "platform", "\"Instagram\"", "unknown_platform", "platform"),
        bad("followers.observed", "platform", "\"myspace\"", "unknown_platform", "platform"),
        bad("audience.sample", "platform", "\"\"", "unknown_platform", "platform"),
        // invalid_value
        bad("conversion", "status", "\"PAID\"", "invalid_value", "status"),
        bad("conversion", "status", "\"shipped\"", "invalid_value", "status"),
        bad("conversion", "attribution.kind", "\"coupon\"", "invalid_value", "attribution.kind"),
        bad("spend", "kind", "\"bribe\"", "invalid_value", "kind"),
        bad("post.metrics", "eventId", "\"   \"", "invalid_value", "eventId"),
        bad("click", "influencerId", "\"\"", "invalid_value", "influencerId"),
        bad("click", "visitorId", "\"v\\u0001x\"", "invalid_value", "visitorId"),
        bad("comment.posted", "authorId", "\"u\\n9\"", "invalid_value", "authorId"),
        bad("post.published", "hashtags[0]", "\" \"", "invalid_value", "hashtags[0]"),
        bad("post.published", "format", "\"\"", "invalid_value", "format"),
        bad("audience.sample", "accounts[0].usernameDigitCount", "15", "invalid_value",
            "accounts[0].usernameDigitCount"),
        bad("post.metrics", "views", "9223372036854775808", "invalid_value", "views"),
        bad("conversion", "items[0].quantity", "3000000000", "invalid_value", "items[0].quantity"),
        bad("spend", "amount", "1e30", "invalid_value", "amount"),
        bad("spend", "amount", "0.0000000000000000001", "invalid_value", "amount"),
        // unknown_field
        bad("post.metrics", "viewz", "12", "unknown_field", "viewz"),
        bad("followers.observed", "campaignId", "\"c-1\"", "unknown_field", "campaignId"),
        bad("audience.sample", "accounts[0].bio", "\"hi\"", "unknown_field", "accounts[0].bio"),
        bad("conversion", "items[0].name", "\"Shoe\"", "unknown_field", "items[0].name"),
        bad("conversion", "attribution.code", "\"X\"", "unknown_field", "attribution.code"),
        bad("click", "amount", "1", "unknown_field", "amount"),
        // too_long: strings and arrays over their limits name the field
        bad("post.metrics", "eventId", quoted("e".repeat(129)), "too_long", "eventId"),
        bad("post.published", "caption", quoted("c".repeat(10_001)), "too_long", "caption"),
        bad("post.published", "format", quoted("f".repeat(33)), "too_long", "format"),
        bad("post.published", "hashtags", array("\"t\"", 101), "too_long", "hashtags"),
        bad("post.published", "hashtags[1]", quoted("t".repeat(101)), "too_long", "hashtags[1]"),
        bad("comment.posted", "text", quoted("x".repeat(5001)), "too_long", "text"),
        bad("audience.sample", "accounts", array("{}", 1001), "too_long", "accounts"),
        bad("conversion", "items", array("{}", 501), "too_long", "items"),
        bad("conversion", "attribution.value", quoted("v".repeat(257)), "too_long",
            "attribution.value"));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1} -> {3} on {4}")
  @MethodSource("badFields")
  void badFieldIsRejectedWithCodeFieldAndLine(
      String type, String path, String value, String code, String field) {
    String bad = Samples.with(type, path, value);
    String body = Samples.CLICK + "\n\n" + bad + "\n" + Samples.SPEND + "\n";

    ParsedBatch batch = codec.parseNdjson(body.getBytes(StandardCharsets.UTF_8));

    assertEquals(1, batch.rejected().size(), () -> batch.rejected().toString());
    ErrorDetail detail = batch.rejected().get(0);
    assertEquals(code, detail.code(), detail::message);
    assertEquals(field, detail.field(), detail::message);
    assertEquals(3, detail.line());
    assertTrue(detail.message().contains(field), detail::message);
    assertEquals(List.of(1, 4), batch.events().stream().map(NumberedEvent::line).toList());

    var thrown = assertThrows(ValidationException.class, () -> codec.parseEvent(bad));
    assertEquals(List.of(detail.atLine(1, detail.eventId())), thrown.details());
  }

  static Stream<Arguments> malformedLines() {
    return Stream.of(
        Arguments.of("{\"type\":"),
        Arguments.of("{\"type\":\"click\",}"),
        Arguments.of("[1,2]"),
        Arguments.of("\"click\""),
        Arguments.of("42"),
        Arguments.of("null"),
        Arguments.of("{'type':'click'}"),
        Arguments.of(Samples.CLICK + " {\"b\":2}"),
        Arguments.of(Samples.CLICK + " x"),
        Arguments.of(Samples.CLICK.replace("\"visitorId\"", "\"eventId\"")),
        Arguments.of("{\"type\":\"click\"} // comment"),
        Arguments.of("\u00ff\u00fe"));
  }

  @ParameterizedTest
  @MethodSource("malformedLines")
  void malformedLineIsRejectedWithoutField(String line) {
    String body = Samples.CLICK + "\n" + line + "\n" + Samples.SPEND;
    ParsedBatch batch = codec.parseNdjson(body.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(1, batch.rejected().size(), () -> batch.rejected().toString());
    ErrorDetail detail = batch.rejected().get(0);
    assertEquals("malformed_json", detail.code(), detail::message);
    assertNull(detail.field());
    assertEquals(2, detail.line());
    assertEquals(List.of(1, 3), batch.events().stream().map(NumberedEvent::line).toList());
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] line = Samples.CLICK.replace("\"e-6\"", "\"ab\"").getBytes(StandardCharsets.UTF_8);
    int a = new String(line, StandardCharsets.UTF_8).indexOf("\"ab\"") + 1;
    line[a] = (byte) 0xC3; // a UTF-8 lead byte followed by 'b', which is no continuation byte
    ParsedBatch batch = codec.parseNdjson(line);
    assertEquals("malformed_json", batch.rejected().get(0).code());
  }

  @Test
  void aNulByteIsMalformedWithTheSameMessageInABatchAsAlone() {
    // zero bytes first would make Jackson decode UTF-32 and count error bytes from the body's start
    byte[] line = "\u0000\u0000\u00000{0:1}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = (Samples.CLICK + "\n" + new String(line, StandardCharsets.ISO_8859_1) + "\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    ErrorDetail alone = codec.parseNdjson(line).rejected().get(0);
    ErrorDetail inBatch = codec.parseNdjson(body).rejected().get(0);
    assertEquals("malformed_json", alone.code());
    assertEquals(alone.message(), inBatch.message());
    assertEquals(2, inBatch.line());
    assertTrue(alone.message().contains("at byte 1") && alone.message().contains("NUL"), alone::message);
  }

  @Test
  void lineOverTheByteLimitIsTooLongWithoutField() {
    String huge = Samples.with("post.published", "caption", quoted("c".repeat(270_000)));
    String body = huge + "\n" + Samples.CLICK;
    ParsedBatch batch = codec.parseNdjson(body.getBytes(StandardCharsets.UTF_8));
    ErrorDetail detail = batch.rejected().get(0);
    assertEquals(new ErrorDetail(1, null, null, "too_long", detail.message()), detail);
    assertTrue(detail.message().contains("262144"), detail::message);
    assertEquals(List.of(2), batch.events().stream().map(NumberedEvent::line).toList());
  }

  @Test
  void configuredLimitsApply() {
    var strict = new EventCodec(new CodecLimits(8, 10, 10, 4, 1, 5, 1, 1, 2000));
    assertEquals("eventId", reject(strict, Samples.with("click", "eventId", "\"e-123456789\"")));
    assertEquals("accounts", reject(strict, Samples.AUDIENCE_SAMPLE));
    assertEquals("items", reject(strict, Samples.CONVERSION));
    assertEquals(null, reject(strict, Samples.with("spend", "campaignId", quoted("c".repeat(2100)))));
  }

  @Test
  void messagesAreSentencesNamingTheField() {
    assertEquals("views must be a non-negative integer, got -5",
        single(Samples.with("post.metrics", "views", "-5")).message());
    assertEquals("views must be a non-negative integer, got 12.5",
        single(Samples.with("post.metrics", "views", "12.5")).message());
    assertEquals("viewz is not a field of post.metrics (did you mean views?)",
        single(Samples.with("post.metrics", "viewz", "12")).message());
    assertEquals("accounts[1].isPrivate is required",
        single(Samples.with("audience.sample", "accounts[1].isPrivate", ABSENT)).message());
    assertTrue(single(Samples.with("conversion", "status", "\"PAID\"")).message()
        .contains("paid, refunded, canceled"));
  }

  @Test
  void firstProblemInContractOrderIsReported() {
    // eventId comes before views in the contract, whatever the document order
    String twoProblems = Samples.with("post.metrics", "views", "-5").replace("\"e-2\"", "\"\"");
    assertEquals("eventId", single(twoProblems).field());
    // a misspelt field is reported before the required field it was meant to be
    String typo = Samples.with("post.metrics", "views", ABSENT).replace("\"likes\"", "\"likez\"");
    assertEquals("likez", single(typo).field());
    // unknown type before anything else
    assertEquals("type", single("{\"type\":\"nope\",\"viewz\":1}").field());
  }

  @Test
  void rejectionCarriesTheEventIdWhenReadable() {
    assertEquals("e-2", single(Samples.with("post.metrics", "views", "-5")).eventId());
    assertNull(single(Samples.with("post.metrics", "eventId", "42")).eventId());
    assertNull(single(Samples.with("post.metrics", "eventId", ABSENT)).eventId());
  }

  @Test
  void goodLinesKeepTheirOrderAndNumbersAroundBadOnes() {
    String body = String.join("\r\n",
        Samples.CLICK,                                      // 1 ok
        "not json",                                         // 2 malformed
        "",                                                 // 3 blank
        Samples.with("spend", "amount", "-1"),              // 4 negative
        Samples.SPEND,                                      // 5 ok
        "  ",                                               // 6 blank
        Samples.with("click", "eventId", "\"e-9\""),        // 7 ok
        Samples.with("click", "platform", "\"x\""));        // 8 unknown field
    ParsedBatch batch = codec.parseNdjson(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(1, 5, 7), batch.events().stream().map(NumberedEvent::line).toList());
    assertEquals(List.of("e-6", "e-8", "e-9"),
        batch.events().stream().map(e -> e.event().eventId()).toList());
    assertEquals(List.of(Click.class, Spend.class, Click.class),
        batch.events().stream().map(e -> e.event().getClass()).toList());
    assertEquals(List.of(2, 4, 8), batch.rejected().stream().map(ErrorDetail::line).toList());
    assertEquals(List.of("malformed_json", "negative_value", "unknown_field"),
        batch.rejected().stream().map(ErrorDetail::code).toList());
    assertEquals(6, batch.lineCount());
  }

  @Test
  void anObjectSpanningTwoLinesIsTwoMalformedLines() {
    String click = Samples.CLICK;
    int comma = click.indexOf(',');
    String body = String.join("\n", Samples.SPEND, click.substring(0, comma + 1),
        click.substring(comma + 1), Samples.SPEND);
    ParsedBatch batch = codec.parseNdjson(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(1, 4), batch.events().stream().map(NumberedEvent::line).toList());
    assertEquals(List.of(2, 3), batch.rejected().stream().map(ErrorDetail::line).toList());
    assertEquals(List.of("malformed_json", "malformed_json"),
        batch.rejected().stream().map(ErrorDetail::code).toList());
  }

  @Test
  void aDuplicateKeyIsNamedWithoutJacksonsAdvice() {
    String line = Samples.CLICK.replace("{", "{\"campaignId\":\"c-0\",");
    ParsedBatch batch = codec.parseNdjson((Samples.SPEND + "\n" + line).getBytes(StandardCharsets.UTF_8));
    ErrorDetail detail = batch.rejected().get(0);
    assertEquals(2, detail.line());
    assertEquals("malformed_json", detail.code());
    assertTrue(detail.message().endsWith(": Duplicate field 'campaignId'"), detail::message);
  }

  @Test
  void emptySingleBodyIsMalformed() {
    ParsedBatch batch = codec.parseSingle(" \n".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, batch.rejected().get(0).line());
    assertEquals("malformed_json", batch.rejected().get(0).code());
  }

  @Test
  void singleBodyRejectsASecondObject() {
    String body = Samples.CLICK + "\n" + Samples.SPEND;
    ParsedBatch batch = codec.parseSingle(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), batch.events());
    assertEquals("malformed_json", batch.rejected().get(0).code());
  }

  private ErrorDetail single(String json) {
    var thrown = assertThrows(ValidationException.class, () -> codec.parseEvent(json));
    assertEquals(1, thrown.details().size());
    return thrown.details().get(0);
  }

  private static String reject(EventCodec codec, String json) {
    var thrown = assertThrows(ValidationException.class, () -> codec.parseEvent(json));
    return thrown.details().get(0).field();
  }

  private static Arguments bad(String type, String path, String value, String code, String field) {
    return Arguments.of(type, path, value, code, field);
  }

  private static String quoted(String s) {
    return '"' + s + '"';
  }

  private static String array(String element, int count) {
    return "[" + String.join(",", java.util.Collections.nCopies(count, element)) + "]";
  }
}
