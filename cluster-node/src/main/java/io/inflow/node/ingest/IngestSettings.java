package io.inflow.node.ingest;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Ingest tunables ({@code inflow.ingest.*}).
 *
 * @param groupPerEntity group a request's events per entity so each entity persists one event per
 *     group (the main throughput lever); false persists every event on its own (the baseline)
 * @param maxEventsPerPersist cap on raw events in one persisted event (bounds journal row size)
 * @param askTimeout how long to wait for an entity's durable acknowledgement before answering 503
 * @param maxConcurrentRequests ingest requests in flight per node; more are refused with 503
 * @param maxBodyBytes request bodies above this get 413
 * @param maxAsksInFlight entity asks (persists) running at once on this node
 * @param mergeWindow how long concurrent requests' parts may wait to be merged per entity
 * @param maxPartsPerMerge parts merged in one window at most
 * @param queueCapacity parts waiting for an ask slot; beyond it requests get 503
 */
public record IngestSettings(
    boolean groupPerEntity,
    int maxEventsPerPersist,
    Duration askTimeout,
    int maxConcurrentRequests,
    long maxBodyBytes,
    int retryAfterSeconds,
    int maxAsksInFlight,
    Duration mergeWindow,
    int maxPartsPerMerge,
    int queueCapacity) {

  public static IngestSettings fromConfig(Config inflow) {
    Config c = inflow.getConfig("ingest");
    return new IngestSettings(
        c.getBoolean("group-per-entity"),
        c.getInt("max-events-per-persist"),
        c.getDuration("ask-timeout"),
        c.getInt("max-concurrent-requests"),
        c.getBytes("max-body-bytes"),
        c.getInt("retry-after-seconds"),
        c.getInt("max-asks-in-flight"),
        c.getDuration("merge-window"),
        c.getInt("max-parts-per-merge"),
        c.getInt("queue-capacity"));
  }
}
