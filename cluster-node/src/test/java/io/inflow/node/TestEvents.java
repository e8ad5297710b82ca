package io.inflow.node;

import io.inflow.node.EntitySettings;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.Spend;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Factories shared by node tests. */
public final class TestEvents {
  public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  public static final EntitySettings SETTINGS =
      new EntitySettings(3, 2, 1024, 4, Duration.ofMillis(50), Duration.ofMillis(500),
          io.inflow.analytics.kpi.KpiSettings.defaults(),
          new io.inflow.analytics.fraud.FraudScorer(io.inflow.analytics.fraud.FraudSettings.defaults()), null,
          io.inflow.analytics.sentiment.CrisisSettings.defaults());

  private TestEvents() {}

  public static PostMetrics metrics(String id, String influencer, String post, String campaign, long minute,
      long views, long likes, long comments) {
    return new PostMetrics(id, influencer, Platform.TIKTOK, post, campaign, T0.plusSeconds(minute * 60), views,
        null, null, likes, comments, 0L, 0L);
  }

  public static FollowersObserved followers(String id, String influencer, long followers) {
    return new FollowersObserved(id, influencer, Platform.TIKTOK, T0, followers, 100);
  }

  public static Click click(String id, String campaign, String influencer) {
    return new Click(id, campaign, influencer, T0, "visitor");
  }

  public static Spend spend(String id, String campaign, String amount) {
    return new Spend(id, campaign, null, new BigDecimal(amount), "EUR", Spend.Kind.FEE, T0);
  }

  public static CampaignDefinition definition(String brand) {
    return new CampaignDefinition(brand, "Spring launch", new BigDecimal("10000"), "EUR", T0,
        T0.plus(Duration.ofDays(30)), List.of(new Enrolment("anna", new BigDecimal("500"), "ANNA10", null, null)),
        Map.of("views", new BigDecimal("100000")));
  }
}
