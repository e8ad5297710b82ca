package io.inflow.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/campaigns/{id}/report}: what a campaign achieved in [{@code from}, {@code to}),
 * as a total, a time series and a breakdown. Only amounts dated inside the range count anywhere, so
 * for every additive field of {@link Row} the series points and the breakdown rows each sum to the
 * total. Post counters count their growth within the range (a post's views are the views it gained
 * there), not its cumulative totals.
 *
 * @param campaignId the campaign
 * @param from inclusive start of the range
 * @param to exclusive end of the range
 * @param bucket width of the series points: {@code hour}, {@code day} or {@code week} (UTC, weeks
 *     start on Monday)
 * @param by what the breakdown is by: {@code influencer}, {@code post} or {@code platform}
 * @param currency ISO-4217 code of every money field; null when the campaign has no single currency
 *     (no definition and several or no currencies seen), in which case every money field is null
 * @param total the whole range
 * @param series one point per bucket, in time order, covering the range without gap or overlap
 * @param breakdown one row per key, revenue then views descending, ties by key (null key last)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CampaignReport(
    String campaignId,
    Instant from,
    Instant to,
    String bucket,
    String by,
    String currency,
    Row total,
    List<Point> series,
    List<Entry> breakdown)
    implements JournalSerializable {

  public CampaignReport {
    series = List.copyOf(series);
    breakdown = List.copyOf(breakdown);
  }

  /**
   * One bucket of the series. The first and last points are cut to the range where {@code from} or
   * {@code to} is not on a bucket boundary, so a point's sums are exactly those of [start, end).
   *
   * @param start inclusive start
   * @param end exclusive end
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Point(Instant start, Instant end, Row row) {}

  /**
   * One row of the breakdown.
   *
   * @param key the influencer id, post id or platform wire name ({@code instagram}, …); null gathers
   *     what has none: orders attributed to nobody, clicks and spend naming no influencer, and, by
   *     post or platform, clicks, spend and orders (they carry neither), comments on unknown posts
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Entry(String key, Row row) {}

  /**
   * The sums of one scope (the range, a bucket or a key) and the KPIs derived from them. Counts are
   * additive; post counters are growth and can be negative when a platform lowers a counter. Money
   * is in the report's currency, null when it has none. Ratios follow the campaign KPI formulas
   * (money ratios 4 decimal places, rates 6 significant digits, half-even) and are null when their
   * denominator is zero or negative, never NaN or infinity.
   *
   * @param posts posts published in scope (dated at publishedAt; a post never announced by {@code
   *     post.published} is dated at its first counter observation)
   * @param views growth of post views
   * @param impressions growth of post impressions
   * @param reach growth of post reach (summed per post, so a person reached by two posts counts twice)
   * @param likes growth of post likes
   * @param comments growth of the posts' comment counters (platform figures)
   * @param shares growth of post shares
   * @param saves growth of post saves
   * @param engagements the configured engagement actions summed (default likes + comments + shares +
   *     saves)
   * @param commentsReceived {@code comment.posted} events received, dated at postedAt
   * @param clicks {@code click} events, dated at occurredAt
   * @param conversions change in the number of orders whose paid value stands (a full refund or a
   *     cancellation in scope counts −1), dated at each conversion event's occurredAt
   * @param revenue change in paid − refunded, dated like conversions
   * @param spend money spent, dated at occurredAt
   * @param engagementRateByReach engagements ÷ reach
   * @param engagementRateByViews engagements ÷ views
   * @param cpm spend ÷ impressions × 1000
   * @param cpe spend ÷ engagements
   * @param cpc spend ÷ clicks
   * @param roas revenue ÷ spend
   * @param conversionRate conversions ÷ clicks
   * @param commentsPositive comments received that were classified positive at ingest
   * @param commentsNeutral … neutral
   * @param commentsNegative … negative
   * @param netSentiment (positive − negative) ÷ classified comments, null without any
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Row(
      long posts,
      long views,
      long impressions,
      long reach,
      long likes,
      long comments,
      long shares,
      long saves,
      long engagements,
      long commentsReceived,
      long clicks,
      long conversions,
      BigDecimal revenue,
      BigDecimal spend,
      BigDecimal engagementRateByReach,
      BigDecimal engagementRateByViews,
      BigDecimal cpm,
      BigDecimal cpe,
      BigDecimal cpc,
      BigDecimal roas,
      BigDecimal conversionRate,
      long commentsPositive,
      long commentsNeutral,
      long commentsNegative,
      BigDecimal netSentiment) {}
}
