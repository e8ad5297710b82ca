package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/influencers/{id}/fraud}: a score from 0 (nothing unusual) to 100, its level
 * ({@code low}, {@code medium}, {@code high}) and every signal that makes it up; the score is the sum
 * of the signals' contributions, capped at 100.
 *
 * <p>The components after {@code audience} came later; replies from nodes without them read as empty.
 *
 * @param followerHistory the daily follower counts of the influencer's main platform (the platform
 *     with the most followers, the one the follower-growth signal judges; platforms are not summed, as
 *     accounts observed on different days would make steps that never happened), one point per UTC
 *     day observed, oldest first, as many days as the tracker keeps (120); empty without follower
 *     counts
 * @param partners the influencers whose posts drew the same commenters in lockstep with this one's
 *     (the latest coordination finding, at most five, most shared commenters first); empty when
 *     there is none or it was withdrawn
 */
public record FraudReport(
    String influencerId,
    String tier,
    String platform,
    double score,
    String level,
    Instant computedAt,
    List<FraudSignal> signals,
    AudienceQuality audience,
    List<FollowerPoint> followerHistory,
    List<String> partners)
    implements JournalSerializable {

  public FraudReport {
    followerHistory = followerHistory == null ? List.of() : List.copyOf(followerHistory);
    partners = partners == null ? List.of() : List.copyOf(partners);
  }

  /**
   * One day of {@link #followerHistory}.
   *
   * @param day the UTC day's start
   * @param followers the day's last observed count
   * @param change followers gained since the previous point (negative when lost); null for the first
   * @param anomalyScore the robust z-score the follower-growth signal gives this day's growth rate
   *     ((rate − median) ÷ (1.4826 × median absolute deviation, at least 0.002), over the days it
   *     judges: the last 60, once there are 8); null for days it does not judge
   * @param anomaly whether the signal finds this day's growth unusual: a gain, a score of 5 or more and
   *     a rate above the tier's 99th-percentile daily growth. A jump that engagement followed (a viral
   *     moment) stays marked here although the signal does not count it (its explanation says so)
   */
  public record FollowerPoint(Instant day, long followers, Long change, Double anomalyScore, boolean anomaly)
      implements JournalSerializable {}
}
