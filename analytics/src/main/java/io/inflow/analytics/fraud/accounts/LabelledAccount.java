package io.inflow.analytics.fraud.accounts;

import io.inflow.protocol.event.AudienceAccount;
import java.util.Objects;

/** One account with its ground truth: {@code suspicious} true for a bot or bought account, false for a real person. */
public record LabelledAccount(AudienceAccount account, boolean suspicious) {
  public LabelledAccount {
    Objects.requireNonNull(account, "account");
  }
}
