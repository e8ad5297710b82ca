package io.inflow.load;

import io.inflow.protocol.event.Platform;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * What the generated traffic says, kept by the generator's own model and never by Inflow code, so
 * a test can hold the node's answers against it. A snapshot: it covers exactly the events emitted
 * before {@link TrafficGenerator#truth()} was called.
 *
 * <p>Conventions (the node is expected to agree; where it may not, the choice is spelled out):
 *
 * <ul>
 *   <li>"Latest" means the observation with the greatest {@code observedAt}. The generator's clock
 *       is strictly increasing, so this is also the last one emitted, and it does not depend on the
 *       order in which concurrent requests reach the node.
 *   <li>An influencer may have accounts on two platforms. {@code followers}/{@code following} are
 *       the sums of the latest observation per platform; {@code followersByPlatform} has the parts.
 *       Accounts never observed count nothing.
 *   <li>Post counters are the latest cumulative snapshot of each post, summed over posts (a post
 *       with no snapshot yet counts zero). {@code shares}/{@code saves} count only where the
 *       platform reports them.
 *   <li>Campaign money is in the campaign's currency. {@code revenue = paid − refunded};
 *       {@code paidOrders} counts distinct orders with a {@code paid} event, refunded or not.
 *   <li>Campaign views/likes/comments/shares/saves are over posts that carry the campaign's id.
 * </ul>
 */
public record GroundTruth(
    long events,
    Map<String, Long> eventsByType,
    Map<String, InfluencerTruth> influencers,
    Map<String, CampaignTruth> campaigns) {

  public GroundTruth {
    eventsByType = Map.copyOf(eventsByType);
    influencers = Map.copyOf(influencers);
    campaigns = Map.copyOf(campaigns);
  }

  /** Totals of one influencer. */
  public record InfluencerTruth(
      String influencerId,
      Map<Platform, Long> followersByPlatform,
      long followers,
      long following,
      int posts,
      long views,
      long likes,
      long comments,
      long shares,
      long saves) {
    public InfluencerTruth {
      followersByPlatform = Map.copyOf(followersByPlatform);
    }
  }

  /** Totals of one campaign. */
  public record CampaignTruth(
      String campaignId,
      String currency,
      BigDecimal spend,
      BigDecimal paid,
      BigDecimal refunded,
      BigDecimal revenue,
      int paidOrders,
      int refundedOrders,
      long clicks,
      int posts,
      long views,
      long likes,
      long comments,
      long shares,
      long saves) {}

  public InfluencerTruth influencer(String influencerId) {
    return Objects.requireNonNull(influencers.get(influencerId), () -> "unknown influencer " + influencerId);
  }

  public CampaignTruth campaign(String campaignId) {
    return Objects.requireNonNull(campaigns.get(campaignId), () -> "unknown campaign " + campaignId);
  }

  public long eventsOfType(String type) {
    return eventsByType.getOrDefault(type, 0L);
  }
}
