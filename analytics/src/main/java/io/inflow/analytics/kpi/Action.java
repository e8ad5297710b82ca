package io.inflow.analytics.kpi;

import java.util.Locale;
import java.util.Optional;

/**
 * The audience actions Inflow counts and prices. The first four can be counted as engagements
 * ({@link KpiSettings#engagementActions()}); all seven can carry an EMV rate.
 */
public enum Action {
  VIEWS(false),
  IMPRESSIONS(false),
  LIKES(true),
  COMMENTS(true),
  SHARES(true),
  SAVES(true),
  CLICKS(false);

  private final boolean engagement;

  Action(boolean engagement) {
    this.engagement = engagement;
  }

  /** Whether this action may be counted as an engagement. */
  public boolean canBeEngagement() {
    return engagement;
  }

  /** The name used in configuration and on the wire, e.g. {@code likes}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Action> fromWire(String name) {
    if (name == null) return Optional.empty();
    for (Action a : values()) {
      if (a.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) return Optional.of(a);
    }
    return Optional.empty();
  }
}
