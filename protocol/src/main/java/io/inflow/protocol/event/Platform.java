package io.inflow.protocol.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Social platforms Inflow understands. The wire value is the lower-case name. */
public enum Platform {
  @JsonProperty("instagram") INSTAGRAM,
  @JsonProperty("tiktok") TIKTOK,
  @JsonProperty("youtube") YOUTUBE,
  @JsonProperty("facebook") FACEBOOK,
  @JsonProperty("x") X,
  @JsonProperty("twitch") TWITCH,
  @JsonProperty("snapchat") SNAPCHAT,
  @JsonProperty("pinterest") PINTEREST,
  @JsonProperty("linkedin") LINKEDIN;

  private static final Map<String, Platform> BY_WIRE_NAME = new HashMap<>();

  static {
    for (Platform p : values()) {
      BY_WIRE_NAME.put(p.wireName(), p);
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Platform> fromWire(String value) {
    return Optional.ofNullable(value == null ? null : BY_WIRE_NAME.get(value));
  }
}
