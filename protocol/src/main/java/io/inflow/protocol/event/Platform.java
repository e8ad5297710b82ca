package io.inflow.protocol.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
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

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Platform> fromWire(String value) {
    return Arrays.stream(values()).filter(p -> p.wireName().equals(value)).findFirst();
  }
}
