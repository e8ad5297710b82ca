package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** One row of {@code GET /api/v1/influencers}: an influencer's headline numbers as of {@code updatedAt}. */
public record InfluencerListItem(
    String influencerId,
    String platform,
    String tier,
    long followers,
    BigDecimal engagementRateByFollowers,
    long posts,
    long views,
    long engagements,
    Set<String> campaigns,
    Instant updatedAt)
    implements JournalSerializable {

  public static InfluencerListItem of(InfluencerView v, Set<String> campaigns) {
    return new InfluencerListItem(v.influencerId(), v.platform(), v.tier(), v.followers(),
        v.engagementRateByFollowers(), v.posts(), v.views(), v.engagements(), campaigns, v.updatedAt());
  }
}
