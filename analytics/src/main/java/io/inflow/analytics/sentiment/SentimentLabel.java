package io.inflow.analytics.sentiment;

import java.util.Locale;

/** The three classes a comment falls into. */
public enum SentimentLabel {
  NEGATIVE,
  NEUTRAL,
  POSITIVE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for anything but positive, neutral or negative */
  public static SentimentLabel fromWire(String name) {
    for (SentimentLabel l : values()) {
      if (l.wireName().equals(name)) return l;
    }
    throw new IllegalArgumentException("label must be positive, neutral or negative, got '" + name + "'");
  }
}
