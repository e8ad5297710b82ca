package io.inflow.node.fraud;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.inflow.analytics.fraud.CoordinationSettings;
import java.time.Duration;
import java.util.function.Function;

/**
 * The coordination detector's settings ({@code inflow.fraud.coordination.*}).
 *
 * @param index thresholds and caps of the lockstep index
 * @param interval how often the detector reports changed findings
 */
public record CoordinationDetectorSettings(CoordinationSettings index, Duration interval) {
  private static final String PREFIX = "inflow.fraud.coordination.";

  public CoordinationDetectorSettings {
    if (index == null) throw new IllegalArgumentException("coordination settings are required");
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(PREFIX + "interval must be a positive duration, got " + interval);
    }
  }

  /** Reads {@code fraud.coordination} of the {@code inflow} block; a bad value fails naming its key. */
  public static CoordinationDetectorSettings fromConfig(Config inflow) {
    Config c = inflow.getConfig("fraud.coordination");
    CoordinationSettings index;
    try {
      index = new CoordinationSettings(
          read(c, "window", c::getDuration),
          read(c, "max-authors-per-post", c::getInt),
          read(c, "min-shared-authors", c::getInt),
          read(c, "min-shared-share", c::getDouble),
          read(c, "max-gap", c::getDuration),
          read(c, "horizon", c::getDuration),
          read(c, "max-posts", c::getInt));
    } catch (IllegalArgumentException e) { // a value of the right type that makes no sense
      throw new IllegalArgumentException(PREFIX + e.getMessage(), e);
    }
    return new CoordinationDetectorSettings(index, read(c, "interval", c::getDuration));
  }

  private static <T> T read(Config c, String key, Function<String, T> getter) {
    try {
      return getter.apply(key);
    } catch (ConfigException e) {
      throw new ConfigException.BadValue(PREFIX + key, e.getMessage(), e);
    }
  }
}
