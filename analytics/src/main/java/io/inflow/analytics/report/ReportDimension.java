package io.inflow.analytics.report;

import java.util.Optional;

/** What a campaign report's breakdown is by. The wire name is the lower-case name ({@code by=post}). */
public enum ReportDimension {
  /** The influencer of a post, comment, click or spend, or the one an order is attributed to. */
  INFLUENCER,
  /** The post; clicks, spend and orders carry none and fall under the null key. */
  POST,
  /** The post's platform; clicks, spend and orders carry none and fall under the null key. */
  PLATFORM;

  public String wireName() {
    return WireNames.of(this);
  }

  /** The dimension named {@code name} (trimmed, any case), or empty. */
  public static Optional<ReportDimension> fromWire(String name) {
    return WireNames.parse(ReportDimension.class, name);
  }
}
