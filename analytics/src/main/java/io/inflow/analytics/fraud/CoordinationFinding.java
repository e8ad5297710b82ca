package io.inflow.analytics.fraud;

import io.inflow.protocol.JournalSerializable;
import java.time.Instant;
import java.util.List;

/** Placeholder until the coordination detector lands (same shape). */
public record CoordinationFinding(String influencerId, int partnerInfluencers, int lockstepPosts, int postsSeen,
    int sharedAuthorsMax, List<String> partners, Instant lastSeenAt) implements JournalSerializable {
  public CoordinationFinding {
    partners = List.copyOf(partners);
  }
}
