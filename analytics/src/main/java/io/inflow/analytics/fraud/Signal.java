package io.inflow.analytics.fraud;

import java.util.Locale;

/** The signals of a fraud score, in the order they are reported; the wire name is lower case. */
public enum Signal {
  /** Largest daily follower gain against the tier's norm, unless engagement rose with it. */
  FOLLOWER_GROWTH,
  /** Follow/unfollow automation: total movement of {@code following} over 30 days ÷ its size. */
  FOLLOWING_CHURN,
  /** Median engagement rate by followers of recent posts against the tier's range (both sides). */
  ENGAGEMENT_RATE,
  /** Likes per comment over recent posts against the normal range (both sides). */
  LIKE_COMMENT_RATIO,
  /** Likes per view over recent posts against the normal range (both sides). */
  LIKE_VIEW_RATIO,
  /** Share of recent posts whose views jumped between two snapshots without matching likes. */
  VIEW_BURSTS,
  /**
   * Share of recent posts whose likes ran ahead of their views: a like/view ratio at the first
   * snapshot far above the post's latest, or likes jumping between snapshots without views.
   */
  LIKE_BURSTS,
  /** Share of recent comments that are generic, emoji-only, mention-only or repeated texts. */
  COMMENT_AUTHENTICITY,
  /** Share of commenter pairs that repeat in the same order on other recent posts. */
  COMMENTER_ORDER,
  /** Share of sampled followers that are suspicious or mass followers (lower 95% bound). */
  AUDIENCE_QUALITY,
  /** Other influencers whose posts the same group of commenters hit in lockstep. */
  COORDINATED_ENGAGEMENT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Name in configuration: lower case with dashes. */
  public String configName() {
    return wireName().replace('_', '-');
  }
}
