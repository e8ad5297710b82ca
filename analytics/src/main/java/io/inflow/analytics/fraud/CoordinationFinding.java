package io.inflow.analytics.fraud;

import io.inflow.protocol.JournalSerializable;
import java.time.Instant;
import java.util.List;

/**
 * One influencer's evidence of coordinated engagement (an engagement pod), as computed by the
 * {@link CoordinationIndex} over every influencer's comments. Persisted in the influencer's journal
 * and sent between nodes. A finding with {@code partnerInfluencers == 0} withdraws an earlier one
 * (its lockstep posts aged out or were outweighed by later organic comments).
 *
 * @param influencerId the influencer concerned
 * @param partnerInfluencers distinct other influencers with a post in lockstep with one of this
 *     influencer's posts, within the horizon
 * @param lockstepPosts this influencer's posts in lockstep with at least one other influencer's post
 * @param postsSeen this influencer's posts the index currently holds (the denominator of lockstepPosts)
 * @param sharedAuthorsMax the most authors one of its lockstep post pairs shared
 * @param partners up to five partner influencer ids, the most shared authors (summed over lockstep
 *     post pairs) first
 * @param lastSeenAt event time of the comment that last changed this evidence
 */
public record CoordinationFinding(
    String influencerId,
    int partnerInfluencers,
    int lockstepPosts,
    int postsSeen,
    int sharedAuthorsMax,
    List<String> partners,
    Instant lastSeenAt)
    implements JournalSerializable {

  /** Partner ids listed in a finding at most. */
  public static final int MAX_PARTNERS_LISTED = 5;

  public CoordinationFinding {
    partners = partners == null ? List.of() : List.copyOf(partners);
  }

  /** True when the finding shows lockstep with at least one other influencer. */
  public boolean hasEvidence() {
    return partnerInfluencers > 0;
  }
}
