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
 * @param minAsksInFlight entity asks (persists) running at once on this node while parts wait briefly
 * @param maxAsksInFlight the most entity asks running at once on this node, reached while parts wait long
 * @param askWaitTarget how long an influencer part may wait for its ask before the node allows one more
 *     ask in flight (up to {@code maxAsksInFlight}); below half of it, one fewer (down to {@code minAsksInFlight})
 * @param asksPerEntity asks (persists) one entity may have in flight; parts arriving while all are
 *     busy are merged into its next ask
 * @param queueCapacity parts waiting for their entity's ask; beyond it requests get 503
 */
public record IngestSettings(
    boolean groupPerEntity,
    int maxEventsPerPersist,
    Duration askTimeout,
    int maxConcurrentRequests,
    long maxBodyBytes,
    int retryAfterSeconds,
    int minAsksInFlight,
    int maxAsksInFlight,
    Duration askWaitTarget,
    int asksPerEntity,
    int queueCapacity) {

  public IngestSettings {
    if (minAsksInFlight < 1 || minAsksInFlight > maxAsksInFlight) {
      throw new IllegalArgumentException("inflow.ingest.min-asks-in-flight must be between 1 and max-asks-in-flight ("
          + maxAsksInFlight + "), got " + minAsksInFlight);
    }
    if (askWaitTarget.isNegative() || askWaitTarget.isZero()) {
      throw new IllegalArgumentException("inflow.ingest.ask-wait-target must be positive, got " + askWaitTarget);
    }
  }

  public static IngestSettings fromConfig(Config inflow) {
    Config c = inflow.getConfig("ingest");
    return new IngestSettings(
        c.getBoolean("group-per-entity"),
        c.getInt("max-events-per-persist"),
        c.getDuration("ask-timeout"),
        c.getInt("max-concurrent-requests"),
        c.getBytes("max-body-bytes"),
        c.getInt("retry-after-seconds"),
        c.getInt("min-asks-in-flight"),
        c.getInt("max-asks-in-flight"),
        c.getDuration("ask-wait-target"),
        c.getInt("asks-per-entity"),
        c.getInt("queue-capacity"));
  }
}
