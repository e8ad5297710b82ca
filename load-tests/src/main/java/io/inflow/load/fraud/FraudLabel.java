package io.inflow.load.fraud;

import java.util.Arrays;
import java.util.Locale;

/**
 * The one primary label of a generated influencer: organic (with or without a natural viral spike)
 * or the fraud scheme injected into its traffic. The wire name (lower case) is what the labels file
 * and the evaluation report use.
 */
public enum FraudLabel {
  ORGANIC,
  ORGANIC_VIRAL,
  BOUGHT_FOLLOWERS,
  BOUGHT_LIKES,
  BOUGHT_VIEWS,
  ENGAGEMENT_POD,
  COMMENT_BOTS,
  FOLLOW_CHURN;

  /** True for every injected scheme, false for organic and organic_viral. */
  public boolean isFraud() {
    return this != ORGANIC && this != ORGANIC_VIRAL;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FraudLabel fromWire(String name) {
    return Arrays.stream(values()).filter(l -> l.wireName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown label: " + name));
  }
}
