package io.inflow.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import io.inflow.protocol.event.Spend;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecHappyPathTest {

  private final EventCodec codec = new EventCodec(CodecLimits.defaults());

  private static final Instant AT_10 = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void postPublishedWithEveryField() {
    var event = (PostPublished) codec.parseEvent(Samples.POST_PUBLISHED);
    assertEquals(new PostPublished("e-1", "inf-1", Platform.INSTAGRAM, "p-1", "c-1", AT_10,
        "reel", "New drop! #summer", List.of("summer", "drop")), event);
  }

  @Test
  void postPublishedWithoutOptionalFieldsDefaultsHashtagsToEmpty() {
    String json = """
        {"type":"post.published","eventId":"e-1","influencerId":"inf-1","platform":"instagram",
         "postId":"p-1","publishedAt":"2026-11-28T10:00:00Z","format":"reel"}""";
    var event = (PostPublished) codec.parseEvent(json);
    assertNull(event.campaignId());
    assertNull(event.caption());
    assertEquals(List.of(), event.hashtags());
  }

  @Test
  void jsonNullOnOptionalFieldsMeansAbsent() {
    String json = """
        {"type":"post.published","eventId":"e-1","influencerId":"inf-1","platform":"instagram",
         "postId":"p-1","campaignId":null,"publishedAt":"2026-11-28T10:00:00Z","format":"reel",
         "caption":null,"hashtags":null}""";
    var event = (PostPublished) codec.parseEvent(json);
    assertNull(event.campaignId());
    assertNull(event.caption());
    assertEquals(List.of(), event.hashtags());
  }

  @Test
  void postMetricsNormalisesOffsetTimestampToUtc() {
    var event = (PostMetrics) codec.parseEvent(Samples.POST_METRICS);
    assertEquals(new PostMetrics("e-2", "inf-1", Platform.TIKTOK, "p-1", "c-1", AT_10, 12000L,
        15000L, 9000L, 800L, 45L, 12L, 30L), event);
  }

  @Test
  void postMetricsWithoutOptionalCounters() {
    String json = """
        {"type":"post.metrics","eventId":"e-2","influencerId":"inf-1","platform":"youtube",
         "postId":"p-1","observedAt":"2026-11-28T10:00:00Z","views":0,"likes":0,"comments":0}""";
    assertEquals(new PostMetrics("e-2", "inf-1", Platform.YOUTUBE, "p-1", null, AT_10, 0, null,
        null, 0, 0, null, null), codec.parseEvent(json));
  }

  @Test
  void commentPostedKeepsTextExactly() {
    var event = (CommentPosted) codec.parseEvent(Samples.COMMENT_POSTED);
    assertEquals(new CommentPosted("e-3", "inf-1", "p-1", "c-1", "cm-1", "u-9",
        "Love it 😍\nso good", Instant.parse("2026-11-28T10:05:00.250Z")), event);
  }

  @Test
  void commentPostedWithoutCampaign() {
    String json = Samples.with("comment.posted", "campaignId", Samples.ABSENT);
    assertNull(codec.parseEvent(json).campaignId());
  }

  @Test
  void followersObserved() {
    assertEquals(new FollowersObserved("e-4", "inf-1", Platform.YOUTUBE,
            Instant.parse("2026-11-28T00:00:00Z"), 120_000, 310),
        codec.parseEvent(Samples.FOLLOWERS_OBSERVED));
  }

  @Test
  void audienceSampleWithAndWithoutHasExternalUrl() {
    var event = (AudienceSample) codec.parseEvent(Samples.AUDIENCE_SAMPLE);
    assertEquals(List.of(
        new AudienceAccount("a-1", 150, 2300, 3, 0, false, false, 14, 8, false),
        new AudienceAccount("a-2", 900, 400, 120, 80, true, true, 9, 0, null)), event.accounts());
    assertEquals(Platform.INSTAGRAM, event.platform());
  }

  @Test
  void clickWithAndWithoutVisitor() {
    assertEquals(new Click("e-6", "c-1", "inf-1", Instant.parse("2026-11-28T10:10:00Z"), "v-77"),
        codec.parseEvent(Samples.CLICK));
    assertNull(((Click) codec.parseEvent(Samples.with("click", "visitorId", Samples.ABSENT)))
        .visitorId());
  }

  @Test
  void conversionWithEveryFieldKeepsDecimalsExact() {
    var event = (Conversion) codec.parseEvent(Samples.CONVERSION);
    assertEquals(new Conversion("e-7", "c-1", "inf-1", "o-1", "cu-1", new BigDecimal("59.90"),
        "EUR", ConversionStatus.PAID, new Attribution(Attribution.Kind.DISCOUNT_CODE, "ANNA10"),
        List.of(new OrderItem("sku-1", 2, new BigDecimal("19.95")),
            new OrderItem("sku-2", 1, new BigDecimal("20.00"))),
        Instant.parse("2026-11-28T10:20:00Z")), event);
    assertEquals(2, event.amount().scale());
    assertEquals(2, event.items().get(1).price().scale());
  }

  @Test
  void minimalConversionHasNoAttributionAndNoItems() {
    String json = """
        {"type":"conversion","eventId":"e-7","campaignId":"c-1","orderId":"o-1",
         "amount":0,"currency":"JPY","status":"refunded","occurredAt":"2026-11-28T10:00:00Z"}""";
    assertEquals(new Conversion("e-7", "c-1", null, "o-1", null, BigDecimal.ZERO, "JPY",
        ConversionStatus.REFUNDED, null, List.of(), AT_10), codec.parseEvent(json));
  }

  @Test
  void conversionStatusesAndAttributionKinds() {
    assertEquals(ConversionStatus.CANCELED, ((Conversion) codec.parseEvent(
        Samples.with("conversion", "status", "\"canceled\""))).status());
    assertEquals(Attribution.Kind.LINK, ((Conversion) codec.parseEvent(
        Samples.with("conversion", "attribution.kind", "\"link\""))).attribution().kind());
    assertEquals(Attribution.Kind.UTM, ((Conversion) codec.parseEvent(
        Samples.with("conversion", "attribution.kind", "\"utm\""))).attribution().kind());
  }

  @Test
  void spendWithAndWithoutInfluencer() {
    assertEquals(new Spend("e-8", "c-1", "inf-1", new BigDecimal("1500"), "USD", Spend.Kind.FEE,
        Instant.parse("2026-11-01T00:00:00Z")), codec.parseEvent(Samples.SPEND));
    var ads = (Spend) codec.parseEvent(Samples.with("spend", "influencerId", Samples.ABSENT)
        .replace("\"fee\"", "\"ads\""));
    assertNull(ads.influencerId());
    assertEquals(Spend.Kind.ADS, ads.kind());
  }

  @Test
  void moneyAsNumberOrDecimalStringIsExact() {
    assertEquals(new BigDecimal("0.10"), amountOf("0.10"));
    assertEquals(new BigDecimal("0.10"), amountOf("\"0.10\""));
    assertEquals(new BigDecimal("12345678901234567.123456789"),
        amountOf("12345678901234567.123456789"));
    assertEquals(new BigDecimal("1000"), amountOf("1e3"));
    assertEquals(0, amountOf("1e3").scale());
  }

  @Test
  void timestampsWithOffsetsAndFractionsBecomeInstants() {
    assertEquals(Instant.parse("2026-11-28T10:00:00Z"), observedAt("2026-11-28T10:00:00Z"));
    assertEquals(Instant.parse("2026-11-28T10:00:00Z"), observedAt("2026-11-28T11:00:00+01:00"));
    assertEquals(Instant.parse("2026-11-28T15:30:00Z"), observedAt("2026-11-28T10:00:00-05:30"));
    assertEquals(Instant.parse("2026-11-28T10:00:00.5Z"), observedAt("2026-11-28T10:00:00.5Z"));
    assertEquals(Instant.parse("2026-11-28T10:00:00.123456789Z"),
        observedAt("2026-11-28T10:00:00.123456789Z"));
    assertEquals(Instant.parse("2024-02-29T00:00:00Z"), observedAt("2024-02-29t00:00:00z"));
    assertEquals(Instant.parse("2026-12-31T23:00:00Z"), observedAt("2027-01-01T00:00:00+01:00"));
  }

  @Test
  void everyPlatformWireNameIsAccepted() {
    for (Platform platform : Platform.values()) {
      var event = (FollowersObserved) codec.parseEvent(Samples.with("followers.observed",
          "platform", '"' + platform.wireName() + '"'));
      assertEquals(platform, event.platform());
    }
  }

  @Test
  void ndjsonSkipsBlankLinesAndStripsCarriageReturnsButCountsPhysicalLines() {
    String body = Samples.CLICK + "\r\n"
        + "\r\n"
        + "   \t \n"
        + Samples.SPEND + "\r\n"
        + "\n"
        + Samples.POST_METRICS; // no trailing newline
    ParsedBatch batch = codec.parseNdjson(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), batch.rejected());
    assertEquals(List.of(1, 4, 6), batch.events().stream().map(NumberedEvent::line).toList());
    assertInstanceOf(Click.class, batch.events().get(0).event());
    assertInstanceOf(Spend.class, batch.events().get(1).event());
    assertInstanceOf(PostMetrics.class, batch.events().get(2).event());
  }

  @Test
  void emptyAndBlankNdjsonBodiesHoldNoLines() {
    assertEquals(0, codec.parseNdjson(new byte[0]).lineCount());
    assertEquals(0, codec.parseNdjson("\n\r\n  \n".getBytes(StandardCharsets.UTF_8)).lineCount());
  }

  @Test
  void singleBodyMayBePrettyPrintedAndIsLineOne() {
    String pretty = Samples.tree(Samples.CONVERSION).toPrettyString();
    assertTrue(pretty.contains("\n"));
    ParsedBatch batch = codec.parseSingle(pretty.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), batch.rejected());
    assertEquals(1, batch.events().get(0).line());
    assertEquals(codec.parseEvent(Samples.CONVERSION), batch.events().get(0).event());
  }

  @Test
  void everySampleParsesInOneBatch() {
    String body = String.join("\n", Samples.BY_TYPE.values());
    ParsedBatch batch = codec.parseNdjson(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), batch.rejected());
    assertEquals(Samples.BY_TYPE.keySet(), batch.events().stream()
        .map(NumberedEvent::event).map(IngestEvent::typeName)
        .collect(java.util.stream.Collectors.toSet()));
  }

  private BigDecimal amountOf(String jsonValue) {
    return ((Spend) codec.parseEvent(Samples.with("spend", "amount", jsonValue))).amount();
  }

  private Instant observedAt(String timestamp) {
    return codec.parseEvent(Samples.with("followers.observed", "observedAt", '"' + timestamp + '"'))
        .occurredTime();
  }
}
