package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /api/v1/campaigns/{id}}: who runs it, the budget in one ISO-4217 currency, the
 * flight dates, the enrolled influencers and optional KPI targets (name → target value).
 */
public record CampaignDefinition(
    String brandId,
    String name,
    BigDecimal budget,
    String currency,
    Instant startsAt,
    Instant endsAt,
    List<Enrolment> influencers,
    Map<String, BigDecimal> targets)
    implements JournalSerializable {}
