package io.inflow.node.campaign;

import io.inflow.analytics.campaign.CampaignEvent;
import io.inflow.analytics.campaign.CampaignSnapshot;
import io.inflow.analytics.campaign.CampaignState;
import io.inflow.analytics.common.BatchSplit;
import io.inflow.node.EntitySettings;
import io.inflow.node.ingest.BatchAck;
import java.time.Instant;
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
 * One campaign as a sharded, event-sourced actor: its definition and the running totals of every
 * event that names it. Same guarantees as the influencer entity: one persisted event per batch,
 * acknowledgement only after the write, duplicates by event id change nothing, restart with
 * backoff after a failed write.
 */
public final class CampaignEntity
    extends EventSourcedBehaviorWithEnforcedReplies<CampaignCommand, CampaignEvent, CampaignState> {

  public static final EntityTypeKey<CampaignCommand> ENTITY_KEY =
      EntityTypeKey.create(CampaignCommand.class, "Campaign");
  public static final String TAG_PREFIX = "campaign";

  public static void init(ActorSystem<?> system, EntitySettings settings) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), settings)));
  }

  public static Behavior<CampaignCommand> create(String campaignId, EntitySettings settings) {
    return new CampaignEntity(campaignId, settings);
  }

  private final String campaignId;
  private final EntitySettings settings;

  private CampaignEntity(String campaignId, EntitySettings settings) {
    super(PersistenceId.of(ENTITY_KEY.name(), campaignId),
        SupervisorStrategy.restartWithBackoff(settings.backoffMin(), settings.backoffMax(), 0.1));
    this.campaignId = campaignId;
    this.settings = settings;
  }

  @Override
  public Set<String> tagsFor(CampaignEvent event) {
    return Set.of(settings.tagFor(TAG_PREFIX, campaignId));
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEveryEvents(), settings.snapshotsKept());
  }

  @Override
  public CampaignState emptyState() {
    return CampaignState.empty(campaignId, settings.dedupGenerationSize());
  }

  /** Snapshots store an immutable copy, so the live state may keep changing while one is written. */
  @Override
  public SnapshotAdapter<CampaignState> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(CampaignState state) {
        return state.snapshot();
      }

      @Override
      public CampaignState fromJournal(Object from) {
        return CampaignState.restore((CampaignSnapshot) from);
      }
    };
  }

  @Override
  public CommandHandlerWithReply<CampaignCommand, CampaignEvent, CampaignState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(CampaignCommand.DefineCampaign.class, this::onDefine)
        .onCommand(CampaignCommand.RecordBatch.class, this::onRecordBatch)
        .onCommand(CampaignCommand.GetCampaign.class, this::onGet)
        .build();
  }

  private ReplyEffect<CampaignEvent, CampaignState> onDefine(
      CampaignState state, CampaignCommand.DefineCampaign cmd) {
    if (cmd.definition().equals(state.definition())) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(state.view()));
    }
    return Effect()
        .persist(new CampaignEvent.CampaignDefined(cmd.definition(), Instant.now()))
        .thenReply(cmd.replyTo(), next -> StatusReply.success(next.view()));
  }

  private ReplyEffect<CampaignEvent, CampaignState> onRecordBatch(
      CampaignState state, CampaignCommand.RecordBatch cmd) {
    BatchSplit split = state.split(cmd.events());
    BatchAck ack = new BatchAck(split.fresh().size(), split.duplicateIds());
    if (split.fresh().isEmpty()) return Effect().reply(cmd.replyTo(), StatusReply.success(ack));
    return Effect()
        .persist(new CampaignEvent.BatchRecorded(split.fresh()))
        .thenReply(cmd.replyTo(), next -> StatusReply.success(ack));
  }

  private ReplyEffect<CampaignEvent, CampaignState> onGet(
      CampaignState state, CampaignCommand.GetCampaign cmd) {
    return Effect().reply(cmd.replyTo(),
        new CampaignCommand.CampaignReply(state.isEmpty() ? null : state.view()));
  }

  @Override
  public EventHandler<CampaignState, CampaignEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onAnyEvent(CampaignState::apply);
  }
}
