package io.inflow.analytics.fraud.accounts;

import io.inflow.protocol.event.AudienceAccount;

/** Classifies sampled follower accounts. Implementations are immutable and thread-safe. */
public interface AccountScorer {
  AccountVerdict classify(AudienceAccount account);
}
