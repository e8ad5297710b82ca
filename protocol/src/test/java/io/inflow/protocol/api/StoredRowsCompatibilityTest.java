package io.inflow.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.inflow.protocol.codec.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Records that are stored (read-model documents in Cassandra) or sent between nodes gain components
 * at their end; documents written before read back with the new components at 0, null or empty, and
 * today's documents read back equal.
 */
class StoredRowsCompatibilityTest {

  /** A campaign_summary document as the read model wrote it before reach, sentiment and alerts. */
  private static final String CAMPAIGN_ROW_BEFORE_ALERTS = """
      {"campaignId":"spring","brandId":"acme","name":"Spring","currency":"EUR","budget":1000,"spend":10.50,
       "revenue":99,"views":500,"engagements":40,"clicks":3,"conversions":1,"startsAt":"2026-11-01T00:00:00Z",
       "endsAt":"2026-12-01T00:00:00Z","updatedAt":"2026-11-02T10:00:00Z",
       "daily":[{"day":"2026-11-02T00:00:00Z","views":500,"engagements":40,"clicks":3,"conversions":1,"spend":10.50}],
       "enrolled":["anna"]}""";

  @Test
  void campaignRowsWrittenBeforeReachSentimentAndAlertsStillRead() throws IOException {
    CampaignListItem row = Json.mapper().readValue(CAMPAIGN_ROW_BEFORE_ALERTS, CampaignListItem.class);
    assertEquals("acme", row.brandId());
    assertEquals(0, new BigDecimal("10.50").compareTo(row.spend()));
    assertEquals(java.util.List.of("anna"), row.enrolled());
    assertEquals(0, row.reach());
    assertEquals(0, row.comments());
    assertNull(row.netSentiment());
    assertEquals(0, row.alertCount());
    assertNull(row.alertLevel());
  }

  @Test
  void influencerRowsWrittenBeforeFraudFieldsStillRead() throws IOException {
    InfluencerListItem row = Json.mapper().readValue("""
        {"influencerId":"anna","platform":"instagram","tier":"micro","followers":20000,
         "engagementRateByFollowers":0.0054,"posts":2,"views":2500,"engagements":216,"campaigns":["spring"],
         "updatedAt":"2026-11-02T10:00:00Z","followerGrowth30d":120,"growthRate30d":0.006}""",
        InfluencerListItem.class);
    assertEquals(20_000, row.followers());
    assertEquals(java.util.List.of("spring"), row.campaigns());
    assertNull(row.fraudScore());
    assertNull(row.fraudLevel());
    assertEquals(java.util.List.of(), row.partners());
    assertEquals(0, row.sharedAuthorsMax());
    InfluencerListItem now = new InfluencerListItem("anna", "instagram", "micro", 20_000, new BigDecimal("0.0054"), 2,
        2500, 216, java.util.List.of("spring"), Instant.parse("2026-11-02T10:00:00Z"), 120, null, 61.5, "high",
        java.util.List.of("kuba", "ola"), 14);
    assertEquals(now, Json.mapper().readValue(Json.write(now), InfluencerListItem.class));
  }

  @Test
  void fraudReportsWithoutHistoryAndPartnersReadWithEmptyLists() throws IOException {
    FraudReport report = Json.mapper().readValue("""
        {"influencerId":"anna","tier":"micro","platform":"instagram","score":12.5,"level":"low",
         "computedAt":"2026-11-02T10:00:00Z","signals":[],"audience":{"sampled":0,"real":0,"massFollowers":0,"suspicious":0}}""",
        FraudReport.class);
    assertEquals(12.5, report.score());
    assertEquals(java.util.List.of(), report.followerHistory());
    assertEquals(java.util.List.of(), report.partners());
    FraudReport now = new FraudReport("anna", "micro", "instagram", 12.5, "low", Instant.parse("2026-11-02T10:00:00Z"),
        java.util.List.of(), null, java.util.List.of(
            new FraudReport.FollowerPoint(Instant.parse("2026-11-01T00:00:00Z"), 1000, null, null, false),
            new FraudReport.FollowerPoint(Instant.parse("2026-11-02T00:00:00Z"), 1500, 500L, 7.25, true)),
        java.util.List.of("kuba"));
    assertEquals(now, Json.mapper().readValue(Json.write(now), FraudReport.class));
  }

  @Test
  void campaignRowsRoundTrip() throws IOException {
    CampaignListItem row = new CampaignListItem("spring", "acme", "Spring", "EUR", new BigDecimal("1000"),
        new BigDecimal("10.50"), null, 500, 40, 3, 1, Instant.parse("2026-11-01T00:00:00Z"), null,
        Instant.parse("2026-11-02T10:00:00Z"), java.util.List.of(), java.util.List.of("anna"), 250, 12,
        new BigDecimal("0.25"), 2, "high");
    assertEquals(row, Json.mapper().readValue(Json.write(row), CampaignListItem.class));
  }
}
