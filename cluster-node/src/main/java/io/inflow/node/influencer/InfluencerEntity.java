package io.inflow.node.influencer;

import io.inflow.analytics.influencer.InfluencerEvent;
import io.inflow.analytics.influencer.InfluencerSnapshot;
import io.inflow.analytics.influencer.InfluencerState;
import io.inflow.node.EntitySettings;
import io.inflow.node.InflowEntity;
import io.inflow.node.readmodel.SummaryWriter;
import io.inflow.protocol.api.CampaignAlert;
import io.inflow.protocol.api.FraudReport;
import io.inflow.protocol.api.FraudSignal;
import io.inflow.protocol.event.IngestEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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
 *
 * <p>Fraud: after a persist the entity re-judges its fraud level, at most once per
 * {@value #LEVEL_CHECK_MS} ms (a timer, so scoring costs the same whatever the ingest rate); when it
 * rises (low → medium, medium → high, low → high) every campaign the influencer is in gets an alert. The level before is
 * this incarnation's (after a restart, the recovered state's), so a replay raises nothing. New
 * comments go to the cluster's coordination detector, whose findings come back as
 * {@code RecordCoordination} and are persisted.
 */
public final class InfluencerEntity extends InflowEntity<InfluencerCommand, InfluencerEvent, InfluencerState> {

  public static final EntityTypeKey<InfluencerCommand> ENTITY_KEY =
      EntityTypeKey.create(InfluencerCommand.class, "Influencer");
  public static final String TAG_PREFIX = "influencer";
  private static final List<String> LEVELS = List.of("low", "medium", "high");
  static final long LEVEL_CHECK_MS = 1_000;

  public static void init(ActorSystem<?> system, EntitySettings settings, ActorRef<SummaryWriter.Command> summaries,
      FraudLinks links) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), settings, summaries, links)));
  }

  /** {@code summaries} may be null (unit tests without a read model). */
  public static Behavior<InfluencerCommand> create(String influencerId, EntitySettings settings,
      ActorRef<SummaryWriter.Command> summaries, FraudLinks links) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new InfluencerEntity(ctx, timers, influencerId, settings, summaries, links)));
  }

  private final ActorContext<InfluencerCommand> context;
  private final org.apache.pekko.actor.typed.javadsl.TimerScheduler<InfluencerCommand> timers;
  private final FraudLinks links;
  /** This incarnation's last judged fraud level (not state: derived, and a replay must not alert). */
  private String level = "low";

  private InfluencerEntity(ActorContext<InfluencerCommand> context,
      org.apache.pekko.actor.typed.javadsl.TimerScheduler<InfluencerCommand> timers, String influencerId,
      EntitySettings settings, ActorRef<SummaryWriter.Command> summaries, FraudLinks links) {
    super(ENTITY_KEY, TAG_PREFIX, influencerId, settings, summaries);
    this.context = context;
    this.timers = timers;
    this.links = links;
  }

  @Override
  public InfluencerState emptyState() {
    return InfluencerState.empty(entityId, settings.dedupWindow(), settings.accounts(),
        settings.fraudScoring());
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
    return InfluencerState.restore((InfluencerSnapshot) snapshot, settings.accounts(), settings.fraudScoring());
  }

  @Override
  public CommandHandlerWithReply<InfluencerCommand, InfluencerEvent, InfluencerState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(InfluencerCommand.RecordBatch.class, (state, cmd) ->
            recordBatch(state.split(cmd.events()), InfluencerEvent.BatchRecorded::new, cmd.replyTo()))
        .onCommand(InfluencerCommand.GetInfluencer.class, this::onGet)
        .onCommand(InfluencerCommand.GetSummary.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
            new InfluencerCommand.SummaryReply(state.isEmpty() ? null
                : state.summary(Instant.now(), settings.kpi(), settings.fraud()))))
        .onCommand(InfluencerCommand.GetFraud.class, (state, cmd) -> Effect().reply(cmd.replyTo(),
            new InfluencerCommand.FraudReply(state.isEmpty() || !state.fraudScoring() ? null
                : state.fraudReport(Instant.now(), settings.fraud()))))
        .onCommand(InfluencerCommand.CheckFraudLevel.class, (state, cmd) -> {
          checkLevel(state);
          return Effect().noReply();
        })
        .onCommand(InfluencerCommand.RecordCoordination.class, (state, cmd) ->
            Effect().persist(new InfluencerEvent.CoordinationObserved(cmd.finding()))
                .thenRun(this::afterPersist).thenNoReply())
        .build();
  }

  private ReplyEffect<InfluencerEvent, InfluencerState> onGet(
      InfluencerState state, InfluencerCommand.GetInfluencer cmd) {
    return Effect().reply(cmd.replyTo(),
        new InfluencerCommand.InfluencerReply(state.isEmpty() ? null : state.view(Instant.now(), settings.kpi())));
  }

  @Override
  protected void onRecovered(InfluencerState state) {
    level = state.isEmpty() || !state.fraudScoring() ? "low" : state.fraudLevel(settings.fraud());
  }

  @Override
  protected void afterPersist(InfluencerState next) {
    super.afterPersist(next);
    if (next.fraudScoring() && !timers.isTimerActive(InfluencerCommand.CheckFraudLevel.INSTANCE)) {
      timers.startSingleTimer(InfluencerCommand.CheckFraudLevel.INSTANCE, java.time.Duration.ofMillis(LEVEL_CHECK_MS));
    }
  }

  private void checkLevel(InfluencerState next) {
    if (next.isEmpty() || !next.fraudScoring()) return;
    String judged = next.fraudLevel(settings.fraud());
    String before = level;
    level = judged;
    var metrics = io.inflow.node.metrics.NodeMetrics.get();
    if (metrics != null) metrics.fraudLevelChecked(before, judged);
    if (LEVELS.indexOf(judged) <= LEVELS.indexOf(before) || next.campaigns().isEmpty()) return;
    FraudReport report = next.fraudReport(Instant.now(), settings.fraud());
    CampaignAlert alert = new CampaignAlert(entityId + "/fraud/" + judged + "/" + lastSequenceNumber(context),
        "fraud_level", judged, before, entityId, report.score(), message(report, before), report.computedAt());
    for (String campaign : next.campaigns()) links.alerts().accept(campaign, alert);
  }

  /** "Fraud level of X rose from low to high (score 72): <the heaviest signal's sentence>" */
  static String message(FraudReport report, String before) {
    String reasons = report.signals().stream()
        .filter(s -> s.contribution() > 0)
        .sorted(Comparator.comparingDouble(FraudSignal::contribution).reversed())
        .limit(2)
        .map(FraudSignal::explanation)
        .reduce((a, b) -> a + " " + b)
        .orElse("");
    return String.format(Locale.ROOT, "Fraud level of %s rose from %s to %s (score %.0f). %s",
        report.influencerId(), before, report.level(), report.score(), reasons).trim();
  }

  @Override
  protected void afterBatch(InfluencerState next, List<IngestEvent> fresh) {
    if (next.fraudScoring()) links.comments().accept(fresh);
  }

  @Override
  public EventHandler<InfluencerState, InfluencerEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(InfluencerState::apply);
  }
}
