package io.inflow.protocol.codec;

import static io.inflow.protocol.codec.ErrorCodes.INVALID_VALUE;
import static io.inflow.protocol.codec.ErrorCodes.MALFORMED_JSON;
import static io.inflow.protocol.codec.ErrorCodes.MISSING_FIELD;
import static io.inflow.protocol.codec.ErrorCodes.TOO_LONG;
import static io.inflow.protocol.codec.ErrorCodes.UNKNOWN_TYPE;
import static io.inflow.protocol.codec.ErrorCodes.WRONG_TYPE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.event.Attribution;
import io.inflow.protocol.event.AudienceAccount;
import io.inflow.protocol.event.AudienceSample;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.OrderItem;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import io.inflow.protocol.event.Spend;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads ingest events from JSON with strict validation and normalisation (timestamps to {@code
 * Instant}, money to exact {@code BigDecimal}). Every non-blank input line ends up either accepted
 * or rejected with exactly one {@link ErrorDetail}: the first problem in the contract's field
 * order, after the {@code type} and any field the contract does not define for that type.
 *
 * <p>Thread-safe and reusable; create one per node. The happy path throws no exceptions.
 */
public final class EventCodec {

  private static final String TYPE = "type";

  private static final Set<String> POST_PUBLISHED_FIELDS = eventFields(PostPublished.class);
  private static final Set<String> POST_METRICS_FIELDS = eventFields(PostMetrics.class);
  /** {@code sentiment} is the node's own classification, never taken from a client. */
  private static final Set<String> COMMENT_POSTED_FIELDS = without(eventFields(CommentPosted.class), "sentiment");
  private static final Set<String> FOLLOWERS_OBSERVED_FIELDS = eventFields(FollowersObserved.class);
  private static final Set<String> AUDIENCE_SAMPLE_FIELDS = eventFields(AudienceSample.class);
  private static final Set<String> CLICK_FIELDS = eventFields(Click.class);
  private static final Set<String> CONVERSION_FIELDS = eventFields(Conversion.class);
  private static final Set<String> SPEND_FIELDS = eventFields(Spend.class);
  private static final Set<String> ITEM_FIELDS = FieldReader.fieldsOf(OrderItem.class);
  private static final Set<String> ATTRIBUTION_FIELDS = FieldReader.fieldsOf(Attribution.class);

  private static final String TYPE_NAMES = String.join(", ", PostPublished.TYPE,
      PostMetrics.TYPE, CommentPosted.TYPE, FollowersObserved.TYPE, AudienceSample.TYPE,
      Click.TYPE, Conversion.TYPE, Spend.TYPE);

  private static final FieldReader.WireNames<ConversionStatus> STATUSES = FieldReader.WireNames.of(
      Map.entry("paid", ConversionStatus.PAID),
      Map.entry("refunded", ConversionStatus.REFUNDED),
      Map.entry("canceled", ConversionStatus.CANCELED));
  private static final FieldReader.WireNames<Attribution.Kind> ATTRIBUTION_KINDS =
      FieldReader.WireNames.of(
          Map.entry("discount_code", Attribution.Kind.DISCOUNT_CODE),
          Map.entry("link", Attribution.Kind.LINK),
          Map.entry("utm", Attribution.Kind.UTM));
  private static final FieldReader.WireNames<Spend.Kind> SPEND_KINDS = FieldReader.WireNames.of(
      Map.entry("fee", Spend.Kind.FEE),
      Map.entry("product", Spend.Kind.PRODUCT),
      Map.entry("ads", Spend.Kind.ADS),
      Map.entry("other", Spend.Kind.OTHER));

  private static final long MAX_LONG_COUNTER = Long.MAX_VALUE;
  private static final long MAX_INT_COUNTER = Integer.MAX_VALUE;

  private final CodecLimits limits;
  private final FieldReader fields;
  private final ObjectReader json = Json.strictTreeReader();
  /** The same, reading one value of a stream: the values after it are the next lines'. */
  private final ObjectReader oneOfMany = json.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public EventCodec(CodecLimits limits) {
    this.limits = limits;
    this.fields = FieldReader.failFast(limits);
  }

  /** A codec with {@link CodecLimits#defaults()}. */
  public EventCodec() {
    this(CodecLimits.defaults());
  }

  public CodecLimits limits() {
    return limits;
  }

  /**
   * Parses an {@code application/x-ndjson} body: one event per {@code \n}-terminated line, a
   * trailing {@code \r} ignored, blank lines skipped but counted (line numbers are 1-based
   * physical lines).
   *
   * <p>A body whose every line is one well-formed JSON object is read by a single parser; any other
   * body is read line by line, each line by a parser of its own, which is what names the line and
   * column of malformed JSON. Both give the same events and rejections; the single parser saves a
   * parser and its buffers per line (a quarter of the parse's allocation).
   */
  public ParsedBatch parseNdjson(byte[] body) {
    Lines lines = Lines.of(body);
    ParsedBatch batch = allReadable(body, lines) ? parseInOnePass(body, lines) : null;
    return batch != null ? batch : parseLineByLine(body, lines);
  }

  /** True when no line is refused before parsing ({@link #unreadable}). */
  private boolean allReadable(byte[] body, Lines lines) {
    for (int i = 0; i < lines.count; i++) {
      int from = lines.start[i];
      if (unreadable(body, from, lines.stop[i] - from, lines.number[i]) != null) return false;
    }
    return true;
  }

  private ParsedBatch parseLineByLine(byte[] body, Lines lines) {
    List<NumberedEvent> events = new ArrayList<>(lines.count);
    List<ErrorDetail> rejected = new ArrayList<>();
    for (int i = 0; i < lines.count; i++) {
      parseLine(body, lines.start[i], lines.stop[i] - lines.start[i], lines.number[i], events, rejected);
    }
    return new ParsedBatch(events, rejected);
  }

  /**
   * Every line's object read by one parser, or null as soon as the body is not one object per line
   * (JSON the parser refuses, a value that is not an object, two values on a line, one spanning
   * lines): the line-by-line reading then says what is wrong where.
   */
  private ParsedBatch parseInOnePass(byte[] body, Lines lines) {
    List<NumberedEvent> events = new ArrayList<>(lines.count);
    List<ErrorDetail> rejected = new ArrayList<>();
    try (JsonParser parser = json.createParser(body)) {
      for (int i = 0; i < lines.count; i++) {
        if (parser.nextToken() != JsonToken.START_OBJECT
            || parser.currentTokenLocation().getByteOffset() < lines.start[i]) {
          return null;
        }
        JsonNode tree = oneOfMany.readTree(parser);
        if (!(tree instanceof ObjectNode obj) || parser.currentLocation().getByteOffset() > lines.stop[i]) {
          return null;
        }
        accept(obj, lines.number[i], events, rejected);
      }
      return parser.nextToken() == null ? new ParsedBatch(events, rejected) : null;
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  /** The non-blank lines of a body: their 1-based numbers and byte ranges (a trailing CR left out). */
  private static final class Lines {
    int count;
    int[] number = new int[64];
    int[] start = new int[64];
    int[] stop = new int[64];

    static Lines of(byte[] body) {
      Lines lines = new Lines();
      int line = 0;
      int start = 0;
      while (start < body.length) {
        int newline = indexOf(body, (byte) '\n', start, body.length);
        int end = newline < 0 ? body.length : newline;
        line++;
        int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
        if (!isBlank(body, start, stop)) {
          lines.add(line, start, stop);
        }
        start = end + 1;
      }
      return lines;
    }

    private void add(int line, int from, int to) {
      if (count == number.length) {
        number = Arrays.copyOf(number, count * 2);
        start = Arrays.copyOf(start, count * 2);
        stop = Arrays.copyOf(stop, count * 2);
      }
      number[count] = line;
      start[count] = from;
      stop[count] = to;
      count++;
    }
  }

  /** Parses an {@code application/json} body holding one event object; it counts as line 1. */
  public ParsedBatch parseSingle(byte[] body) {
    List<NumberedEvent> events = new ArrayList<>(1);
    List<ErrorDetail> rejected = new ArrayList<>(1);
    if (isBlank(body, 0, body.length)) {
      rejected.add(new ErrorDetail(1, null, null, MALFORMED_JSON,
          "the body is empty; expected one JSON event object"));
    } else {
      parseLine(body, 0, body.length, 1, events, rejected);
    }
    return new ParsedBatch(events, rejected);
  }

  /** Parses one event, throwing {@link ValidationException} with its single problem. */
  public IngestEvent parseEvent(String json) {
    ParsedBatch batch = parseSingle(json.getBytes(StandardCharsets.UTF_8));
    if (!batch.rejected().isEmpty()) {
      throw new ValidationException(batch.rejected());
    }
    return batch.events().get(0).event();
  }

  /**
   * Why a line is refused before any JSON parser sees it (too long, not UTF-8, a NUL byte), or null
   * when it may be parsed.
   */
  private ErrorDetail unreadable(byte[] body, int offset, int length, int line) {
    if (length > limits.maxLineBytes()) {
      return new ErrorDetail(line, null, null, TOO_LONG, "the line is " + length
          + " bytes long; an event may be at most " + limits.maxLineBytes() + " bytes");
    }
    int invalid = firstInvalidUtf8(body, offset, offset + length);
    if (invalid >= 0) {
      // Jackson decodes overlong forms, encoded surrogates and code points above U+10FFFF
      return new ErrorDetail(line, null, null, MALFORMED_JSON,
          "the line is not valid UTF-8 at byte " + (invalid - offset + 1)
              + String.format(" (0x%02X)", body[invalid] & 0xFF));
    }
    int nul = indexOf(body, (byte) 0, offset, offset + length);
    if (nul >= 0) {
      // Zero bytes among a text's first four make Jackson read it as UTF-16 or UTF-32, whose errors
      // count bytes from the start of the body; UTF-8 JSON never holds one (a NUL in a string is \u0000)
      return new ErrorDetail(line, null, null, MALFORMED_JSON,
          "the line is not valid JSON at byte " + (nul - offset + 1)
              + ": a NUL byte (0x00); JSON is UTF-8 text, and a NUL in a string is written \\u0000");
    }
    return null;
  }

  private void parseLine(byte[] body, int offset, int length, int line,
      List<NumberedEvent> events, List<ErrorDetail> rejected) {
    ErrorDetail unreadable = unreadable(body, offset, length, line);
    if (unreadable != null) {
      rejected.add(unreadable);
      return;
    }
    JsonNode tree;
    try {
      tree = json.readTree(body, offset, length);
    } catch (JsonProcessingException e) {
      rejected.add(new ErrorDetail(line, null, null, MALFORMED_JSON, malformedMessage(e)));
      return;
    } catch (IOException e) {
      rejected.add(new ErrorDetail(line, null, null, MALFORMED_JSON,
          "the line is not valid JSON: " + e.getMessage()));
      return;
    } catch (NumberFormatException e) {
      // Jackson throws this unwrapped for a decimal whose exponent overflows an int (1e2147483648)
      rejected.add(new ErrorDetail(line, null, null, MALFORMED_JSON,
          "the line holds a number that cannot be read: " + Messages.shorten(e.getMessage())));
      return;
    }
    if (!(tree instanceof ObjectNode obj)) {
      rejected.add(new ErrorDetail(line, null, null, MALFORMED_JSON,
          "an event must be a JSON object, got " + Messages.describe(tree)));
      return;
    }
    accept(obj, line, events, rejected);
  }

  private void accept(ObjectNode obj, int line, List<NumberedEvent> events, List<ErrorDetail> rejected) {
    try {
      events.add(new NumberedEvent(line, decode(obj)));
    } catch (FieldReader.Rejection rejection) {
      rejected.add(rejection.detail().atLine(line, readableEventId(obj)));
    }
  }

  private IngestEvent decode(ObjectNode obj) {
    JsonNode type = FieldReader.value(obj, TYPE);
    if (type == null) {
      throw reject(TYPE, MISSING_FIELD, "type is required, one of " + TYPE_NAMES);
    }
    if (!type.isTextual()) {
      throw reject(TYPE, WRONG_TYPE, "type must be a string, got " + Messages.describe(type));
    }
    return switch (type.textValue()) {
      case PostPublished.TYPE -> postPublished(obj);
      case PostMetrics.TYPE -> postMetrics(obj);
      case CommentPosted.TYPE -> commentPosted(obj);
      case FollowersObserved.TYPE -> followersObserved(obj);
      case AudienceSample.TYPE -> audienceSample(obj);
      case Click.TYPE -> click(obj);
      case Conversion.TYPE -> conversion(obj);
      case Spend.TYPE -> spend(obj);
      default -> throw reject(TYPE, UNKNOWN_TYPE,
          "type must be one of " + TYPE_NAMES + ", got " + Messages.describe(type));
    };
  }

  // Constructor arguments are evaluated left to right (JLS 15.7.4), so the first problem
  // reported is the first in the record's component order, which is the contract's order.

  private PostPublished postPublished(ObjectNode o) {
    fields.rejectUnknown(o, "", POST_PUBLISHED_FIELDS, PostPublished.TYPE);
    return new PostPublished(
        fields.requiredId(o, "", "eventId"),
        fields.requiredId(o, "", "influencerId"),
        fields.requiredPlatform(o, "", "platform"),
        fields.requiredId(o, "", "postId"),
        fields.optionalId(o, "", "campaignId"),
        fields.requiredTimestamp(o, "", "publishedAt"),
        fields.requiredToken(o, "", "format", limits.maxFormatLength()),
        fields.optionalText(o, "", "caption", limits.maxCaptionLength()),
        hashtags(o));
  }

  private List<String> hashtags(ObjectNode o) {
    ArrayNode array = fields.optionalArray(o, "", "hashtags", limits.maxHashtags());
    if (array == null || array.isEmpty()) {
      return List.of();
    }
    String[] tags = new String[array.size()];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = fields.token(array.get(i), "", "hashtags", i, limits.maxHashtagLength());
    }
    return List.of(tags);
  }

  private PostMetrics postMetrics(ObjectNode o) {
    fields.rejectUnknown(o, "", POST_METRICS_FIELDS, PostMetrics.TYPE);
    return new PostMetrics(
        fields.requiredId(o, "", "eventId"),
        fields.requiredId(o, "", "influencerId"),
        fields.requiredPlatform(o, "", "platform"),
        fields.requiredId(o, "", "postId"),
        fields.optionalId(o, "", "campaignId"),
        fields.requiredTimestamp(o, "", "observedAt"),
        fields.requiredCounter(o, "", "views", MAX_LONG_COUNTER),
        fields.optionalCounter(o, "", "impressions", MAX_LONG_COUNTER),
        fields.optionalCounter(o, "", "reach", MAX_LONG_COUNTER),
        fields.requiredCounter(o, "", "likes", MAX_LONG_COUNTER),
        fields.requiredCounter(o, "", "comments", MAX_LONG_COUNTER),
        fields.optionalCounter(o, "", "shares", MAX_LONG_COUNTER),
        fields.optionalCounter(o, "", "saves", MAX_LONG_COUNTER));
  }

  private CommentPosted commentPosted(ObjectNode o) {
    fields.rejectUnknown(o, "", COMMENT_POSTED_FIELDS, CommentPosted.TYPE);
    return new CommentPosted(
        fields.requiredId(o, "", "eventId"),
        fields.requiredId(o, "", "influencerId"),
        fields.requiredId(o, "", "postId"),
        fields.optionalId(o, "", "campaignId"),
        fields.requiredId(o, "", "commentId"),
        fields.requiredId(o, "", "authorId"),
        fields.requiredText(o, "", "text", limits.maxTextLength()),
        fields.requiredTimestamp(o, "", "postedAt"));
  }

  private FollowersObserved followersObserved(ObjectNode o) {
    fields.rejectUnknown(o, "", FOLLOWERS_OBSERVED_FIELDS, FollowersObserved.TYPE);
    return new FollowersObserved(
        fields.requiredId(o, "", "eventId"),
        fields.requiredId(o, "", "influencerId"),
        fields.requiredPlatform(o, "", "platform"),
        fields.requiredTimestamp(o, "", "observedAt"),
        fields.requiredCounter(o, "", "followers", MAX_LONG_COUNTER),
        fields.requiredCounter(o, "", "following", MAX_LONG_COUNTER));
  }

  private AudienceSample audienceSample(ObjectNode o) {
    fields.rejectUnknown(o, "", AUDIENCE_SAMPLE_FIELDS, AudienceSample.TYPE);
    return new AudienceSample(
        fields.requiredId(o, "", "eventId"),
        fields.requiredId(o, "", "influencerId"),
        fields.requiredPlatform(o, "", "platform"),
        fields.requiredTimestamp(o, "", "observedAt"),
        accounts(o));
  }

  private List<AudienceAccount> accounts(ObjectNode o) {
    ArrayNode array = fields.requiredArray(o, "", "accounts", limits.maxAccountsPerSample());
    AudienceAccount[] accounts = new AudienceAccount[array.size()];
    for (int i = 0; i < accounts.length; i++) {
      accounts[i] = AccountCodec.element(fields, array, i);
    }
    return List.of(accounts);
  }

  private Click click(ObjectNode o) {
    fields.rejectUnknown(o, "", CLICK_FIELDS, Click.TYPE);
    return new Click(
        fields.requiredId(o, "", "eventId"),
        fields.requiredId(o, "", "campaignId"),
        fields.requiredId(o, "", "influencerId"),
        fields.requiredTimestamp(o, "", "occurredAt"),
        fields.optionalId(o, "", "visitorId"));
  }

  private Conversion conversion(ObjectNode o) {
    fields.rejectUnknown(o, "", CONVERSION_FIELDS, Conversion.TYPE);
    return new Conversion(
        fields.requiredId(o, "", "eventId"),
        fields.requiredId(o, "", "campaignId"),
        fields.optionalId(o, "", "influencerId"),
        fields.requiredId(o, "", "orderId"),
        fields.optionalId(o, "", "customerId"),
        fields.requiredDecimal(o, "", "amount"),
        fields.requiredCurrency(o, "", "currency"),
        fields.requiredEnum(o, "", "status", STATUSES),
        attribution(o),
        items(o),
        fields.requiredTimestamp(o, "", "occurredAt"));
  }

  private Attribution attribution(ObjectNode o) {
    ObjectNode a = fields.optionalObject(o, "", "attribution");
    if (a == null) {
      return null;
    }
    String p = "attribution.";
    fields.rejectUnknown(a, p, ATTRIBUTION_FIELDS, "attribution");
    return new Attribution(
        fields.requiredEnum(a, p, "kind", ATTRIBUTION_KINDS),
        fields.requiredToken(a, p, "value", CodecLimits.MAX_ATTRIBUTION_VALUE_LENGTH));
  }

  private List<OrderItem> items(ObjectNode o) {
    ArrayNode array = fields.optionalArray(o, "", "items", limits.maxItems());
    if (array == null || array.isEmpty()) {
      return List.of();
    }
    OrderItem[] items = new OrderItem[array.size()];
    for (int i = 0; i < items.length; i++) {
      ObjectNode item = fields.object(array.get(i), "", "items", i);
      String p = "items[" + i + "].";
      fields.rejectUnknown(item, p, ITEM_FIELDS, "an order item");
      items[i] = new OrderItem(
          fields.requiredId(item, p, "sku"),
          (int) fields.requiredCounter(item, p, "quantity", MAX_INT_COUNTER),
          fields.requiredDecimal(item, p, "price"));
    }
    return List.of(items);
  }

  private Spend spend(ObjectNode o) {
    fields.rejectUnknown(o, "", SPEND_FIELDS, Spend.TYPE);
    return new Spend(
        fields.requiredId(o, "", "eventId"),
        fields.requiredId(o, "", "campaignId"),
        fields.optionalId(o, "", "influencerId"),
        fields.requiredDecimal(o, "", "amount"),
        fields.requiredCurrency(o, "", "currency"),
        fields.requiredEnum(o, "", "kind", SPEND_KINDS),
        fields.requiredTimestamp(o, "", "occurredAt"));
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static FieldReader.Rejection reject(String path, String code, String message) {
    return new FieldReader.Rejection(ErrorDetail.field(path, code, message));
  }

  /** The line's eventId for a rejection, when it is a plausible id; else null. */
  private String readableEventId(ObjectNode obj) {
    JsonNode id = obj.get("eventId");
    if (id == null || !id.isTextual()) {
      return null;
    }
    String text = id.textValue();
    return text.isBlank() || text.length() > limits.maxIdLength() ? null : text;
  }

  private static String malformedMessage(JsonProcessingException e) {
    var location = e.getLocation();
    String where = location == null ? "" : " at column " + location.getColumnNr();
    return "the line is not valid JSON" + where + ": " + Json.problem(e);
  }

  private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() ->
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT));

  /**
   * The index of the first byte in [from, to) where the JDK's strict UTF-8 decoder finds malformed
   * input (overlong forms, encoded surrogates, code points above U+10FFFF, truncated sequences), or
   * -1 when the range is well-formed. ASCII, the common case, is checked without decoding.
   */
  static int firstInvalidUtf8(byte[] body, int from, int to) {
    int i = from;
    while (i < to && body[i] >= 0) i++;
    if (i == to) return -1;
    CharsetDecoder decoder = UTF8.get().reset();
    ByteBuffer in = ByteBuffer.wrap(body, i, to - i);
    CharBuffer out = CharBuffer.allocate(Math.min(to - i, 4096));
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) return in.position();
      if (result.isUnderflow()) return -1;
      out.clear();
    }
  }


  /** The index of the first {@code b} in [from, to), or -1. */
  private static int indexOf(byte[] body, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (body[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** True when [from, to) holds only JSON whitespace (space, tab, CR, LF). */
  private static boolean isBlank(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static Set<String> without(Set<String> fields, String field) {
    Set<String> names = new HashSet<>(fields);
    names.remove(field);
    return Set.copyOf(names);
  }

  private static Set<String> eventFields(Class<? extends Record> type) {
    Set<String> names = new HashSet<>(FieldReader.fieldsOf(type));
    names.add(TYPE);
    return Set.copyOf(names);
  }
}
