package io.inflow.node.campaign;

import io.inflow.analytics.campaign.CampaignEvent;
import io.inflow.analytics.campaign.CampaignSnapshot;
import io.inflow.analytics.campaign.CampaignState;
import io.inflow.node.EntitySettings;
import io.inflow.node.InflowEntity;
import io.inflow.node.live.CampaignChanged;
import io.inflow.node.live.LiveRegistry;
import io.inflow.node.live.LiveWatchers;
import java.time.Instant;
import io.inflow.node.readmodel.SummaryWriter;
import io.inflow.protocol.api.CampaignView;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * One campaign as a sharded, event-sourced actor: its definition and the running totals of every
 * event that names it. Same guarantees as the influencer entity: one persisted event per batch,
 * acknowledgement only after the write, duplicates by event id change nothing, restart with
 * backoff after a failed write. After every persist (never on recovery) it hands its new view, with
 * the journal sequence number as version, to the node's {@link LiveRegistry} for live subscribers
 * on any node; that is a fire-and-forget message, so subscribers never slow the entity.
 */
public final class CampaignEntity extends InflowEntity<CampaignCommand, CampaignEvent, CampaignState> {

  public static final EntityTypeKey<CampaignCommand> ENTITY_KEY =
      EntityTypeKey.create(CampaignCommand.class, "Campaign");
  public static final String TAG_PREFIX = "campaign";

  /** The node's Cassandra journal, and the instance of it that campaign entities write through. */
  static final String CASSANDRA_JOURNAL = "pekko.persistence.cassandra.journal";
  static final String CAMPAIGN_JOURNAL = "inflow.campaign-journal.journal";

  public static void init(ActorSystem<?> system, EntitySettings settings,
      ActorRef<SummaryWriter.Command> summaries, ActorRef<LiveRegistry.Command> live, LiveWatchers watchers) {
    String journal = journalPluginId(system.settings().config());
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), settings, summaries, live, watchers, journal))
            .withEntityProps(io.inflow.node.live.LiveSettings.DISPATCHER));
  }

  /**
   * Campaign entities write through a Cassandra journal instance of their own
   * ({@code inflow.campaign-journal}: same keyspace and tables, its own journal actor, driver session
   * and connections, on the live dispatcher) when the node journals to Cassandra; with any other
   * journal ("" here) they use the node's default one. A campaign's persist gates its live update, and
   * through the shared instance it queued behind influencer writes in the journal actor, on the default
   * dispatcher and on the driver's connections (load-tests/README.md, "Ninth session").
   */
  static String journalPluginId(com.typesafe.config.Config config) {
    return CASSANDRA_JOURNAL.equals(config.getString("pekko.persistence.journal.plugin"))
        && config.hasPath(CAMPAIGN_JOURNAL) ? CAMPAIGN_JOURNAL : "";
  }

  /**
   * {@code live} is this node's live registry; the entity tells it every change after persisting,
   * with its new view while {@code watchers} says the campaign is watched on this node.
   * {@code summaries} may be null (unit tests without a read model). It journals through the node's
   * default journal plugin; sharded entities ({@link #init}) may use the campaigns' own instance.
   */
  public static Behavior<CampaignCommand> create(String campaignId, EntitySettings settings,
      ActorRef<SummaryWriter.Command> summaries, ActorRef<LiveRegistry.Command> live, LiveWatchers watchers) {
    return create(campaignId, settings, summaries, live, watchers, "");
  }

  private static Behavior<CampaignCommand> create(String campaignId, EntitySettings settings,
      ActorRef<SummaryWriter.Command> summaries, ActorRef<LiveRegistry.Command> live, LiveWatchers watchers,
      String journalPluginId) {
    return Behaviors.setup(ctx -> new CampaignEntity(ctx, campaignId, settings, summaries, live, watchers, journalPluginId));
  }

  private final ActorContext<CampaignCommand> context;
  private final ActorRef<LiveRegistry.Command> live;
  private final LiveWatchers watchers;
  private final String journalPluginId;
  /** When this incarnation last persisted; not state (the journal does not need it), only reported. */
  private Instant lastPersistedAt;

  private CampaignEntity(ActorContext<CampaignCommand> context, String campaignId, EntitySettings settings,
      ActorRef<SummaryWriter.Command> summaries, ActorRef<LiveRegistry.Command> live, LiveWatchers watchers,
      String journalPluginId) {
    super(ENTITY_KEY, TAG_PREFIX, campaignId, settings, summaries);
    this.context = context;
    this.live = live;
    this.watchers = watchers;
    this.journalPluginId = journalPluginId;
  }

  @Override
  public String journalPluginId() {
    return journalPluginId;
  }

  @Override
  public CampaignState emptyState() {
    return CampaignState.empty(entityId, settings.dedupWindow(), settings.crisis());
  }

  @Override
  protected Object toSnapshot(CampaignState state) {
    return state.snapshot();
  }

  @Override
  protected boolean isCampaign() {
    return true;
  }

  @Override
  protected CampaignState fromSnapshot(Object snapshot) {
    return CampaignState.restore((CampaignSnapshot) snapshot, settings.crisis());
  }

  @Override
  public CommandHandlerWithReply<CampaignCommand, CampaignEvent, CampaignState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(CampaignCommand.DefineCampaign.class, this::onDefine)
        .onCommand(CampaignCommand.RecordBatch.class, (state, cmd) ->
            recordBatch(state.split(cmd.events()), CampaignEvent.BatchRecorded::new, cmd.replyTo()))
        .onCommand(CampaignCommand.GetCampaign.class, this::onGet)
        .onCommand(CampaignCommand.GetSummary.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
            new CampaignCommand.SummaryReply(state.summary(Instant.now()))))
        .onCommand(CampaignCommand.RecordAlert.class, (state, cmd) -> state.hasAlert(cmd.alert().alertId())
            ? Effect().noReply()
            : Effect().persist(new CampaignEvent.AlertRaised(cmd.alert())).thenRun(this::afterPersist).thenNoReply())
        .build();
  }

  private ReplyEffect<CampaignEvent, CampaignState> onDefine(
      CampaignState state, CampaignCommand.DefineCampaign cmd) {
    if (cmd.definition().equals(state.definition())) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(state.view(Instant.now(), settings.kpi())));
    }
    return Effect()
        .persist(new CampaignEvent.CampaignDefined(cmd.definition(), Instant.now()))
        .thenRun(this::afterPersist)
        .thenReply(cmd.replyTo(), next -> StatusReply.success(next.view(Instant.now(), settings.kpi())));
  }

  private ReplyEffect<CampaignEvent, CampaignState> onGet(
      CampaignState state, CampaignCommand.GetCampaign cmd) {
    return Effect().reply(cmd.replyTo(), new CampaignCommand.CampaignReply(
        state.isEmpty() ? null : state.view(Instant.now(), settings.kpi()), lastSequenceNumber(context), lastPersistedAt));
  }

  @Override
  protected void afterPersist(CampaignState next) {
    super.afterPersist(next);
    lastPersistedAt = Instant.now();
    CampaignView view = watchers.watches(entityId) && !next.isEmpty()
        ? next.view(lastPersistedAt, settings.kpi()) : null;
    live.tell(new LiveRegistry.Publish(
        new CampaignChanged(entityId, lastSequenceNumber(context), lastPersistedAt), view));
    raisePendingCrisis(next);
  }

  @Override
  protected void onRecovered(CampaignState state) {
    raisePendingCrisis(state); // an episode opened just before a crash still gets its alert
  }

  /** A batch opened a crisis episode: persist its alert (a RecordAlert to self, after this persist). */
  private void raisePendingCrisis(CampaignState state) {
    var alert = state.pendingCrisisAlert();
    if (alert != null) context.getSelf().tell(new CampaignCommand.RecordAlert(alert));
  }

  @Override
  public EventHandler<CampaignState, CampaignEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(CampaignState::apply);
  }
}
