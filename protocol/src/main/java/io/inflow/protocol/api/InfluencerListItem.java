package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code GET /api/v1/influencers}: an influencer's headline numbers as of {@code updatedAt}.
 *
 * <p>The components after {@code growthRate30d} came later; rows stored before them read as null, 0
 * or an empty list.
 *
 * @param fraudScore the fraud score 0–100 when the row was written (see {@link FraudReport}); null
 *     when fraud scoring is off
 * @param fraudLevel its level, {@code low}, {@code medium} or {@code high}; null when scoring is off
 * @param partners the influencers of the latest coordination finding (see {@link FraudReport#partners()});
 *     empty when there is none or it was withdrawn
 * @param sharedAuthorsMax the most commenters one lockstep post pair of that finding shared; 0 without one
 */
public record InfluencerListItem(
    String influencerId,
    String platform,
    String tier,
    long followers,
    BigDecimal engagementRateByFollowers,
    long posts,
    long views,
    long engagements,
    java.util.List<String> campaigns,
    Instant updatedAt,
    long followerGrowth30d,
    BigDecimal growthRate30d,
    Double fraudScore,
    String fraudLevel,
    List<String> partners,
    int sharedAuthorsMax)
    implements JournalSerializable {

  public InfluencerListItem {
    partners = partners == null ? List.of() : List.copyOf(partners);
  }
}
