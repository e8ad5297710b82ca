package io.inflow.node;

import io.inflow.analytics.common.BatchSplit;
import io.inflow.node.ingest.BatchAck;
import io.inflow.node.metrics.NodeMetrics;
import io.inflow.protocol.event.IngestEvent;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import io.inflow.node.readmodel.SummaryWriter;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * What Inflow's sharded, event-sourced entities share: persistence id from the entity key, restart
 * with backoff after a failed write (never acknowledging it), one projection tag per entity,
 * periodic snapshots of an immutable copy of the state, and the ingest rule — one persisted event
 * per batch of new events, acknowledged only after the write.
 */
public abstract class InflowEntity<C, E, S> extends EventSourcedBehaviorWithEnforcedReplies<C, E, S> {
  protected final String entityId;
  protected final EntitySettings settings;
  private final Set<String> tags;
  private final ActorRef<SummaryWriter.Command> summaries;
  /** Whether this incarnation counts in {@code inflow_entities_alive} (from recovery to stop). */
  private boolean counted;

  /** {@code summaries} (nullable in unit tests) is told after each persist that this entity changed. */
  protected InflowEntity(EntityTypeKey<C> key, String tagPrefix, String entityId, EntitySettings settings,
      ActorRef<SummaryWriter.Command> summaries) {
    super(PersistenceId.of(key.name(), entityId),
        SupervisorStrategy.restartWithBackoff(settings.backoffMin(), settings.backoffMax(), 0.1));
    this.entityId = entityId;
    this.settings = settings;
    this.tags = settings.tagsFor(tagPrefix, entityId);
    this.summaries = summaries;
  }

  /** The immutable snapshot of a state (taken synchronously, so the live state may change afterwards). */
  protected abstract Object toSnapshot(S state);

  protected abstract S fromSnapshot(Object snapshot);

  /** Whether this is a campaign (for the read model's bookkeeping). */
  protected abstract boolean isCampaign();

  /** Tells the node's read-model writer that this entity changed (a tiny message; never blocks). */
  protected void publishSummary(S state) {
    SummaryWriter.tell(summaries, isCampaign(), entityId);
  }

  /** After a recovery the summary is written again, so a read row lost with a crashed node heals. */
  @Override
  public SignalHandler<S> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          publishSummary(state);
          var metrics = NodeMetrics.get();
          if (metrics != null && !counted) {
            counted = true;
            metrics.entityStarted(isCampaign());
          }
          onRecovered(state);
        })
        .onSignal(PostStop.instance(), state -> {
          var metrics = NodeMetrics.get();
          if (metrics != null && counted) {
            counted = false;
            metrics.entityStopped(isCampaign());
          }
        })
        .build();
  }

  /** Runs once the entity recovered its state, before any command. Does nothing unless a subclass needs it. */
  protected void onRecovered(S state) {}

  /**
   * Runs after a batch of new ingest events was persisted (after {@link #afterPersist}), on the
   * entity's thread: it must not block. Does nothing unless a subclass needs it.
   */
  protected void afterBatch(S next, List<IngestEvent> fresh) {
  }

  @Override
  public Set<String> tagsFor(E event) {
    return tags;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEveryEvents(), settings.snapshotsKept());
  }

  @Override
  public SnapshotAdapter<S> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(S state) {
        return toSnapshot(state);
      }

      @Override
      public S fromJournal(Object from) {
        return fromSnapshot(from);
      }
    };
  }

  /**
   * Runs after every successful persist of this incarnation (never during recovery), before the
   * reply, on the entity's thread: it must not block. Does nothing unless a subclass needs it.
   */
  protected void afterPersist(S next) {
    publishSummary(next);
  }

  /** Persists the batch's new events as one event and acknowledges after the write; acks at once if none is new. */
  protected ReplyEffect<E, S> recordBatch(BatchSplit split, Function<List<IngestEvent>, E> toEvent,
      ActorRef<StatusReply<BatchAck>> replyTo) {
    BatchAck ack = new BatchAck(split.fresh().size(), split.duplicateIds());
    if (split.fresh().isEmpty()) return Effect().reply(replyTo, StatusReply.success(ack));
    long started = System.nanoTime();
    return Effect().persist(toEvent.apply(split.fresh()))
        .thenRun(next -> {
          var metrics = NodeMetrics.get();
          if (metrics != null) metrics.persisted(isCampaign(), System.nanoTime() - started, split.fresh().size());
          afterPersist(next);
          afterBatch(next, split.fresh());
        })
        .thenReply(replyTo, next -> StatusReply.success(ack));
  }
}
