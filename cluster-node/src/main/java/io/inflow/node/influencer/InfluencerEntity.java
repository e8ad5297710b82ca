package io.inflow.node.influencer;

import io.inflow.analytics.common.BatchSplit;
import io.inflow.analytics.influencer.InfluencerEvent;
import io.inflow.analytics.influencer.InfluencerSnapshot;
import io.inflow.analytics.influencer.InfluencerState;
import io.inflow.node.EntitySettings;
import io.inflow.node.ingest.BatchAck;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One influencer as a sharded, event-sourced actor. A {@code RecordBatch} becomes at most one
 * persisted {@code BatchRecorded} holding the events not seen before, and is acknowledged only
 * after that write is durable; retried event ids change nothing. A failed write is never
 * acknowledged: the entity stops and restarts with backoff, recovering from the journal.
 */
public final class InfluencerEntity
    extends EventSourcedBehaviorWithEnforcedReplies<InfluencerCommand, InfluencerEvent, InfluencerState> {

  public static final EntityTypeKey<InfluencerCommand> ENTITY_KEY =
      EntityTypeKey.create(InfluencerCommand.class, "Influencer");
  public static final String TAG_PREFIX = "influencer";

  public static void init(ActorSystem<?> system, EntitySettings settings) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), settings)));
  }

  public static Behavior<InfluencerCommand> create(String influencerId, EntitySettings settings) {
    return new InfluencerEntity(influencerId, settings);
  }

  private final String influencerId;
  private final EntitySettings settings;

  private InfluencerEntity(String influencerId, EntitySettings settings) {
    super(PersistenceId.of(ENTITY_KEY.name(), influencerId),
        SupervisorStrategy.restartWithBackoff(settings.backoffMin(), settings.backoffMax(), 0.1));
    this.influencerId = influencerId;
    this.settings = settings;
  }

  @Override
  public Set<String> tagsFor(InfluencerEvent event) {
    return Set.of(settings.tagFor(TAG_PREFIX, influencerId));
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEveryEvents(), settings.snapshotsKept());
  }

  @Override
  public InfluencerState emptyState() {
    return InfluencerState.empty(influencerId, settings.dedupGenerationSize());
  }

  /** Snapshots store an immutable copy, so the live state may keep changing while one is written. */
  @Override
  public SnapshotAdapter<InfluencerState> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(InfluencerState state) {
        return state.snapshot();
      }

      @Override
      public InfluencerState fromJournal(Object from) {
        return InfluencerState.restore((InfluencerSnapshot) from);
      }
    };
  }

  @Override
  public CommandHandlerWithReply<InfluencerCommand, InfluencerEvent, InfluencerState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(InfluencerCommand.RecordBatch.class, this::onRecordBatch)
        .onCommand(InfluencerCommand.GetInfluencer.class, this::onGet)
        .build();
  }

  private ReplyEffect<InfluencerEvent, InfluencerState> onRecordBatch(
      InfluencerState state, InfluencerCommand.RecordBatch cmd) {
    BatchSplit split = state.split(cmd.events());
    BatchAck ack = new BatchAck(split.fresh().size(), split.duplicateIds());
    if (split.fresh().isEmpty()) return Effect().reply(cmd.replyTo(), StatusReply.success(ack));
    return Effect()
        .persist(new InfluencerEvent.BatchRecorded(split.fresh()))
        .thenReply(cmd.replyTo(), next -> StatusReply.success(ack));
  }

  private ReplyEffect<InfluencerEvent, InfluencerState> onGet(
      InfluencerState state, InfluencerCommand.GetInfluencer cmd) {
    return Effect().reply(cmd.replyTo(),
        new InfluencerCommand.InfluencerReply(state.isEmpty() ? null : state.view()));
  }

  @Override
  public EventHandler<InfluencerState, InfluencerEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onAnyEvent(InfluencerState::apply);
  }
}
