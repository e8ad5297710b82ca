package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/campaigns/{id}}: the definition (null fields while only events are known) and
 * the running totals. Money totals are in the campaign's currency; amounts that arrived in another
 * currency are kept apart in {@code spendByCurrency}/{@code revenueByCurrency} and never mixed in.
 * {@code revenue} = paid − refunded (canceled orders count zero); {@code conversions} counts orders
 * whose paid value is not fully refunded or canceled. {@code analytics} holds every KPI, pacing,
 * target progress, attribution and per-influencer contributions. {@code alerts} lists the latest alerts
 * (at most 50, newest first).
 */
public record CampaignView(
    String campaignId,
    boolean defined,
    String brandId,
    String name,
    BigDecimal budget,
    String currency,
    Instant startsAt,
    Instant endsAt,
    List<Enrolment> influencers,
    Map<String, BigDecimal> targets,
    BigDecimal spend,
    BigDecimal revenue,
    Map<String, BigDecimal> spendByCurrency,
    Map<String, BigDecimal> revenueByCurrency,
    long conversions,
    long clicks,
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
    long eventsRecorded,
    Instant updatedAt,
    CampaignKpis analytics,
    List<CampaignAlert> alerts,
    SentimentView sentiment)
    implements JournalSerializable {}
