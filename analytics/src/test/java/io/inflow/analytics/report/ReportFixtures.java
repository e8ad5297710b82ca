package io.inflow.analytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inflow.analytics.campaign.CampaignEvent;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.CampaignReport.Row;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.event.Attribution;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import io.inflow.protocol.event.Spend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Event factories with explicit instants, and the additive-field law, for report tests. */
final class ReportFixtures {
  /** A Sunday: weeks start on the next day. */
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  static final String CAMPAIGN = "spring";

  /** Every additive field of a row, by name. */
  static final Map<String, Function<Row, Object>> ADDITIVE = Map.ofEntries(
      Map.entry("posts", Row::posts), Map.entry("views", Row::views), Map.entry("impressions", Row::impressions),
      Map.entry("reach", Row::reach), Map.entry("likes", Row::likes), Map.entry("comments", Row::comments),
      Map.entry("shares", Row::shares), Map.entry("saves", Row::saves), Map.entry("engagements", Row::engagements),
      Map.entry("commentsReceived", Row::commentsReceived), Map.entry("clicks", Row::clicks),
      Map.entry("conversions", Row::conversions), Map.entry("revenue", Row::revenue), Map.entry("spend", Row::spend));

  private static final AtomicLong IDS = new AtomicLong();

  private ReportFixtures() {}

  static Instant day(int day, int hour) {
    return T0.plusSeconds((day - 1) * 86_400L + hour * 3_600L);
  }

  private static String id() {
    return "e" + IDS.incrementAndGet();
  }

  static CampaignDefinition definition(String currency, Enrolment... enrolments) {
    return new CampaignDefinition("acme", "Spring", new BigDecimal("10000"), currency, T0, day(31, 0),
        List.of(enrolments), Map.of());
  }

  static Enrolment enrolled(String influencer, String code) {
    return new Enrolment(influencer, new BigDecimal("100"), code, null, null);
  }

  static CampaignEvent defined(CampaignDefinition d) {
    return new CampaignEvent.CampaignDefined(d, T0);
  }

  static CampaignEvent batch(IngestEvent... events) {
    return new CampaignEvent.BatchRecorded(List.of(events));
  }

  static PostPublished published(String post, String influencer, Platform platform, Instant at) {
    return new PostPublished(id(), influencer, platform, post, CAMPAIGN, at, "reel", null, List.of());
  }

  /** Impressions are twice the views and reach half of them; no shares or saves. */
  static PostMetrics metrics(String post, String influencer, Platform platform, Instant at, long views, long likes,
      long comments) {
    return metrics(post, influencer, platform, at, views, views * 2, views / 2, likes, comments, 0, 0);
  }

  static PostMetrics metrics(String post, String influencer, Platform platform, Instant at, long views,
      long impressions, long reach, long likes, long comments, long shares, long saves) {
    return new PostMetrics(id(), influencer, platform, post, CAMPAIGN, at, views, impressions, reach, likes, comments,
        shares, saves);
  }

  static CommentPosted comment(String post, String influencer, Instant at) {
    return new CommentPosted(id(), influencer, post, CAMPAIGN, "c-" + IDS.get(), "author", "nice", at);
  }

  static Click click(String influencer, Instant at) {
    return new Click(id(), CAMPAIGN, influencer, at, null);
  }

  static Spend spend(String influencer, String amount, String currency, Instant at) {
    return new Spend(id(), CAMPAIGN, influencer, new BigDecimal(amount), currency, Spend.Kind.FEE, at);
  }

  /** An order event attributed by a discount code (null: none) and, optionally, its own influencer. */
  static Conversion order(String order, String influencer, String code, String amount, ConversionStatus status,
      Instant at) {
    return order(order, influencer, code, amount, "EUR", status, at);
  }

  static Conversion order(String order, String influencer, String code, String amount, String currency,
      ConversionStatus status, Instant at) {
    return new Conversion(id(), CAMPAIGN, influencer, order, null, new BigDecimal(amount), currency, status,
        code == null ? null : new Attribution(Attribution.Kind.DISCOUNT_CODE, code), List.of(), at);
  }

  static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  /** Whether two field values are the same number (BigDecimal compared by value; null only equals null). */
  static boolean sameNumber(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
    return Objects.equals(a, b);
  }

  /** Asserts that {@code parts} sum to {@code total} in every additive field. */
  static void assertSumsTo(Row total, List<Row> parts, String what) {
    ADDITIVE.forEach((name, field) -> {
      Object sum = null;
      for (Row part : parts) sum = plus(sum, field.apply(part));
      if (sum == null && field.apply(total) != null) sum = field.apply(total) instanceof Long ? (Object) 0L : BigDecimal.ZERO;
      if (!sameNumber(field.apply(total), sum)) {
        assertEquals(field.apply(total), sum, what + ": " + name);
      }
    });
  }

  private static Object plus(Object sum, Object v) {
    if (sum == null) return v;
    if (v instanceof Long l) return (Long) sum + l;
    if (v == null) return sum; // a null money field only ever comes with null everywhere
    return ((BigDecimal) sum).add((BigDecimal) v);
  }
}
