package io.inflow.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.inflow.analytics.common.Tier;
import io.inflow.analytics.fraud.FraudSettings;
import io.inflow.analytics.fraud.Signal;
import io.inflow.protocol.event.Platform;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code inflow.fraud}: levels, each signal's weight/threshold/full, the tier norms, platform
 * engagement factors and the ratio ranges. Keys left out keep the built-in value
 * ({@link FraudSettings#defaults()}); a bad value fails the start naming the key.
 */
public final class FraudConfig {
  private FraudConfig() {}

  public static FraudSettings fromConfig(Config fraud) {
    FraudSettings d = FraudSettings.defaults();
    String at = "inflow.fraud";
    try {
      Map<Signal, FraudSettings.SignalSettings> signals = new EnumMap<>(Signal.class);
      for (Signal s : Signal.values()) {
        String key = "signals." + s.configName();
        at = "inflow.fraud." + key;
        FraudSettings.SignalSettings def = d.signal(s);
        signals.put(s, new FraudSettings.SignalSettings(number(fraud, key + ".weight", def.weight()),
            number(fraud, key + ".threshold", def.threshold()), number(fraud, key + ".full", def.full())));
      }
      Map<Tier, FraudSettings.TierNorms> norms = new EnumMap<>(Tier.class);
      for (Tier t : Tier.values()) {
        String key = "norms." + t.wireName();
        at = "inflow.fraud." + key;
        FraudSettings.TierNorms def = d.norms(t);
        norms.put(t, new FraudSettings.TierNorms(number(fraud, key + ".engagement-low", def.engagementLow()),
            number(fraud, key + ".engagement-typical", def.engagementTypical()),
            number(fraud, key + ".engagement-high", def.engagementHigh()),
            number(fraud, key + ".daily-growth", def.dailyGrowth()),
            number(fraud, key + ".suspicious-audience", def.suspiciousAudience())));
      }
      Map<Platform, Double> platforms = new EnumMap<>(Platform.class);
      for (Platform p : Platform.values()) {
        at = "inflow.fraud.platform-engagement." + p.wireName();
        double factor = number(fraud, "platform-engagement." + p.wireName(), d.engagementFactor(p));
        if (!(factor > 0)) throw new IllegalArgumentException("must be positive");
        platforms.put(p, factor);
      }
      at = "inflow.fraud.ratios";
      FraudSettings.Ratios r = d.ratios();
      FraudSettings.Ratios ratios = new FraudSettings.Ratios(
          number(fraud, "ratios.likes-per-comment-low", r.likesPerCommentLow()),
          number(fraud, "ratios.likes-per-comment-high", r.likesPerCommentHigh()),
          number(fraud, "ratios.likes-per-view-low", r.likesPerViewLow()),
          number(fraud, "ratios.likes-per-view-high", r.likesPerViewHigh()),
          (int) number(fraud, "ratios.min-comments", r.minComments()),
          (int) number(fraud, "ratios.min-audience-sample", r.minAudienceSample()),
          (int) number(fraud, "ratios.recent-posts", r.recentPosts()));
      at = "inflow.fraud.levels";
      return new FraudSettings(number(fraud, "levels.medium", d.medium()), number(fraud, "levels.high", d.high()),
          signals, norms, platforms, ratios);
    } catch (ConfigException | IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
    }
  }

  private static double number(Config c, String path, double fallback) {
    return c.hasPath(path) ? c.getDouble(path) : fallback;
  }
}
