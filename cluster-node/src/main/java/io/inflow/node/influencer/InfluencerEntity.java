package io.inflow.node.influencer;

import io.inflow.analytics.influencer.InfluencerEvent;
import io.inflow.analytics.influencer.InfluencerSnapshot;
import io.inflow.analytics.influencer.InfluencerState;
import io.inflow.node.EntitySettings;
import io.inflow.node.InflowEntity;
import io.inflow.node.readmodel.SummaryWriter;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * One influencer as a sharded, event-sourced actor. A {@code RecordBatch} becomes at most one
 * persisted {@code BatchRecorded} holding the events not seen before, and is acknowledged only
 * after that write is durable; retried event ids change nothing. A failed write is never
 * acknowledged: the entity stops and restarts with backoff, recovering from the journal.
 */
public final class InfluencerEntity extends InflowEntity<InfluencerCommand, InfluencerEvent, InfluencerState> {

  public static final EntityTypeKey<InfluencerCommand> ENTITY_KEY =
      EntityTypeKey.create(InfluencerCommand.class, "Influencer");
  public static final String TAG_PREFIX = "influencer";

  public static void init(ActorSystem<?> system, EntitySettings settings, ActorRef<SummaryWriter.Command> summaries) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), settings, summaries)));
  }

  /** {@code summaries} may be null (unit tests without a read model). */
  public static Behavior<InfluencerCommand> create(String influencerId, EntitySettings settings, ActorRef<SummaryWriter.Command> summaries) {
    return new InfluencerEntity(influencerId, settings, summaries);
  }

  private InfluencerEntity(String influencerId, EntitySettings settings, ActorRef<SummaryWriter.Command> summaries) {
    super(ENTITY_KEY, TAG_PREFIX, influencerId, settings, summaries);
  }

  @Override
  public InfluencerState emptyState() {
    return InfluencerState.empty(entityId, settings.dedupGenerationSize());
  }

  @Override
  protected Object toSnapshot(InfluencerState state) {
    return state.snapshot();
  }

  @Override
  protected boolean isCampaign() {
    return false;
  }

  @Override
  protected InfluencerState fromSnapshot(Object snapshot) {
    return InfluencerState.restore((InfluencerSnapshot) snapshot);
  }

  @Override
  public CommandHandlerWithReply<InfluencerCommand, InfluencerEvent, InfluencerState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(InfluencerCommand.RecordBatch.class, (state, cmd) ->
            recordBatch(state.split(cmd.events()), InfluencerEvent.BatchRecorded::new, cmd.replyTo()))
        .onCommand(InfluencerCommand.GetInfluencer.class, this::onGet)
        .onCommand(InfluencerCommand.GetSummary.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
            new InfluencerCommand.SummaryReply(state.isEmpty() ? null : state.summary(java.time.Instant.now(), settings.kpi()))))
        .build();
  }

  private ReplyEffect<InfluencerEvent, InfluencerState> onGet(
      InfluencerState state, InfluencerCommand.GetInfluencer cmd) {
    return Effect().reply(cmd.replyTo(),
        new InfluencerCommand.InfluencerReply(state.isEmpty() ? null : state.view(java.time.Instant.now(), settings.kpi())));
  }

  @Override
  public EventHandler<InfluencerState, InfluencerEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(InfluencerState::apply);
  }
}
