package io.inflow.node;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tunables shared by Inflow's event-sourced entities ({@code inflow.entity.*}).
 *
 * @param snapshotEveryEvents persisted events between snapshots
 * @param snapshotsKept snapshots retained per entity
 * @param dedupGenerationSize event ids remembered per entity for duplicate detection (×1 to ×2)
 * @param tagBuckets number of projection tags per entity type ({@code influencer-0..N-1})
 */
public record EntitySettings(
    int snapshotEveryEvents,
    int snapshotsKept,
    int dedupGenerationSize,
    int tagBuckets,
    Duration backoffMin,
    Duration backoffMax) {

  public static EntitySettings fromConfig(Config inflow) {
    Config c = inflow.getConfig("entity");
    return new EntitySettings(
        c.getInt("snapshot-every-events"),
        c.getInt("snapshots-kept"),
        c.getInt("dedup-window"),
        c.getInt("tag-buckets"),
        c.getDuration("restart-backoff-min"),
        c.getDuration("restart-backoff-max"));
  }

  /** The projection tags of an entity: {@code prefix-(hash mod tagBuckets)}, none when tagBuckets is 0. */
  public java.util.Set<String> tagsFor(String prefix, String entityId) {
    return tagBuckets == 0 ? java.util.Set.of() : java.util.Set.of(prefix + "-" + Math.floorMod(entityId.hashCode(), tagBuckets));
  }
}
