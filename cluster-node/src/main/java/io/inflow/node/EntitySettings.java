package io.inflow.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import io.inflow.analytics.kpi.KpiSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tunables shared by Inflow's event-sourced entities ({@code inflow.entity.*}).
 *
 * @param snapshotEveryEvents persisted events between snapshots
 * @param snapshotsKept snapshots retained per entity
 * @param dedupWindow event ids remembered per entity for duplicate detection (×1 to ×1¼)
 * @param tagBuckets number of projection tags per entity type ({@code influencer-0..N-1})
 * @param kpi KPI variants and the EMV rate table ({@code inflow.kpi.*})
 * @param fraud the fraud scorer with {@code inflow.fraud.*}; null when {@code inflow.fraud.enabled} is
 *     false (no fraud material is kept)
 * @param accounts classifies sampled follower accounts; null leaves audience samples unjudged
 * @param crisis when a campaign's comments turn into a crisis ({@code inflow.sentiment.crisis.*})
 */
public record EntitySettings(
    int snapshotEveryEvents,
    int snapshotsKept,
    int dedupWindow,
    int tagBuckets,
    Duration backoffMin,
    Duration backoffMax,
    KpiSettings kpi,
    io.inflow.analytics.fraud.FraudScorer fraud,
    io.inflow.analytics.fraud.accounts.AccountScorer accounts,
    io.inflow.analytics.sentiment.CrisisSettings crisis) {

  /** Whether influencer entities score fraud. */
  public boolean fraudScoring() {
    return fraud != null;
  }

  /** These settings with another account classifier. */
  public EntitySettings withAccounts(io.inflow.analytics.fraud.accounts.AccountScorer scorer) {
    return new EntitySettings(snapshotEveryEvents, snapshotsKept, dedupWindow, tagBuckets, backoffMin,
        backoffMax, kpi, fraud, scorer, crisis);
  }

  public static EntitySettings fromConfig(Config inflow) {
    Config c = inflow.getConfig("entity");
    return new EntitySettings(
        c.getInt("snapshot-every-events"),
        c.getInt("snapshots-kept"),
        c.getInt("dedup-window"),
        c.getInt("tag-buckets"),
        c.getDuration("restart-backoff-min"),
        c.getDuration("restart-backoff-max"),
        kpiSettings(inflow.getConfig("kpi")),
        inflow.getBoolean("fraud.enabled")
            ? new io.inflow.analytics.fraud.FraudScorer(FraudConfig.fromConfig(inflow.getConfig("fraud"))) : null,
        null,
        crisisSettings(inflow.getConfig("sentiment.crisis")));
  }

  /** {@code inflow.sentiment.crisis}; a bad value is named with its key. */
  public static io.inflow.analytics.sentiment.CrisisSettings crisisSettings(Config c) {
    try {
      return new io.inflow.analytics.sentiment.CrisisSettings(c.getInt("min-comments"),
          c.getDouble("min-negative-share"), c.getDouble("share-ratio"), c.getDouble("share-margin"),
          c.getDouble("volume-spike"), c.getDouble("baseline-prior"), c.getDouble("baseline-prior-weight"),
          c.getDouble("recovery-share"), c.getInt("top-terms"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("inflow.sentiment.crisis: " + e.getMessage(), e);
    }
  }

  /**
   * {@code inflow.kpi}: engagement actions, EMV currency, the audience-quality discount and the EMV
   * rate table (row → action → rate; an empty table means the built-in one, see {@link KpiSettings}).
   *
   * @throws IllegalArgumentException naming the key at fault
   */
  public static KpiSettings kpiSettings(Config kpi) {
    Map<String, Map<String, BigDecimal>> rates = new LinkedHashMap<>();
    Config table = kpi.getConfig("emv-rates");
    for (String row : table.root().keySet()) {
      Map<String, BigDecimal> actions = new LinkedHashMap<>();
      Config rowConfig = table.getConfig(ConfigUtil.joinPath(row));
      for (String action : rowConfig.root().keySet()) {
        String raw = rowConfig.getString(ConfigUtil.joinPath(action));
        try {
          BigDecimal rate = new BigDecimal(raw);
          if (rate.signum() < 0) throw new NumberFormatException();
          actions.put(action, rate);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("inflow.kpi.emv-rates." + row + "." + action
              + " must be a non-negative decimal, got '" + raw + "'");
        }
      }
      rates.put(row, actions);
    }
    return KpiSettings.fromConfig(kpi.getStringList("engagement-actions"), kpi.getString("emv-currency"),
        rates.isEmpty() ? KpiSettings.defaultRateTable() : rates, kpi.getBoolean("emv-audience-quality-discount"));
  }

  /** The projection tags of an entity: {@code prefix-(hash mod tagBuckets)}, none when tagBuckets is 0. */
  public java.util.Set<String> tagsFor(String prefix, String entityId) {
    return tagBuckets == 0 ? java.util.Set.of() : java.util.Set.of(prefix + "-" + Math.floorMod(entityId.hashCode(), tagBuckets));
  }
}
