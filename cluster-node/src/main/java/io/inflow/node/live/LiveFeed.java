package io.inflow.node.live;

import io.inflow.node.campaign.CampaignCommand;
import io.inflow.node.campaign.CampaignEntity;
import io.inflow.protocol.api.CampaignView;
import java.util.HashSet;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * One campaign's live feed on one node: owns the node's instance of the campaign's cluster topic,
 * publishes the local entity's change notices to it, and, while this node has WebSocket sessions of
 * the campaign, reads the entity's view when a newer version is announced and fans it out to them.
 * The feed is the topic's only local subscriber, and only while it has sessions, so nodes without
 * viewers of a campaign receive nothing for it, and a campaign nobody watches never computes a view
 * for live use: the entity only publishes {@link CampaignChanged}.
 *
 * <p>When the entity lives on this node and knew the campaign is watched here ({@link LiveWatchers}),
 * its change notice carries its new view and the feed forwards that without a read.
 *
 * <p>Reads are coalesced: at most one is in flight; notices arriving meanwhile only raise the wanted
 * version, and one more read follows if the answer is older than that. So under any write rate the
 * entity computes at most one view per read round trip per node with viewers.
 *
 * <p>Guarantees: a session is only ever told a version newer than the last one the feed forwarded
 * (never an older state after a newer one), and telling never waits for the session. Cluster pub-sub
 * delivers at most once (a notice published before the publishing node has learned of this node's
 * subscription is dropped), so while it has sessions the feed also re-reads the entity every
 * {@code resync-interval} and forwards what is newer. Created and stopped by {@link LiveRegistry}.
 */
final class LiveFeed extends AbstractBehavior<LiveFeed.Command> {

  sealed interface Command {}

  /**
   * A change of the campaign entity living on this node, for every node's subscribers; {@code view}
   * is the entity's new view when it knew the campaign is watched here, else null (then it is read).
   */
  record Publish(CampaignChanged change, CampaignView view) implements Command {}

  record Attach(ActorRef<CampaignUpdate> session) implements Command {}

  record Detach(ActorRef<CampaignUpdate> session) implements Command {}

  record ReportStats(int feedsOnNode, ActorRef<LiveRegistry.Stats> replyTo) implements Command {}

  private record Changed(CampaignChanged change) implements Command {}

  private record Fetched(CampaignUpdate update) implements Command {}

  private record FetchFailed(String reason) implements Command {}

  private record TopicStatsReady(int feedsOnNode, int topicInstances, ActorRef<LiveRegistry.Stats> replyTo)
      implements Command {}

  private enum Resync implements Command { INSTANCE }

  static String topicName(String campaignId) {
    return "inflow-campaign-live:" + campaignId;
  }

  static Behavior<Command> create(String campaignId, LiveSettings settings) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new LiveFeed(ctx, timers, campaignId, settings)));
  }

  private final String campaignId;
  private final LiveSettings settings;
  private final TimerScheduler<Command> timers;
  private final ActorRef<Topic.Command<CampaignChanged>> topic;
  private final ActorRef<CampaignChanged> fromTopic;
  private final EntityRef<CampaignCommand> entity;
  private final Set<ActorRef<CampaignUpdate>> sessions = new HashSet<>();
  private CampaignUpdate latest;
  /** The newest version announced; a read is due while it is above the latest forwarded. */
  private long wanted = Long.MIN_VALUE;
  private boolean fetching;

  private LiveFeed(ActorContext<Command> context, TimerScheduler<Command> timers, String campaignId,
      LiveSettings settings) {
    super(context);
    this.campaignId = campaignId;
    this.settings = settings;
    this.timers = timers;
    this.topic = context.spawn(Topic.create(CampaignChanged.class, topicName(campaignId)), "topic");
    this.fromTopic = context.messageAdapter(CampaignChanged.class, Changed::new);
    this.entity = ClusterSharding.get(context.getSystem()).entityRefFor(CampaignEntity.ENTITY_KEY, campaignId);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Publish.class, this::onPublish)
        .onMessage(Changed.class, changed -> onChanged(changed.change()))
        .onMessage(Fetched.class, this::onFetched)
        .onMessage(Attach.class, this::onAttach)
        .onMessage(Detach.class, this::onDetach)
        .onMessageEquals(Resync.INSTANCE, this::fetch)
        .onMessage(FetchFailed.class, failed -> {
          fetching = false;
          getContext().getLog().debug("live read of campaign {} failed: {}", campaignId, failed.reason());
          return this;
        })
        .onMessage(ReportStats.class, this::onReportStats)
        .onMessage(TopicStatsReady.class, ready -> {
          ready.replyTo().tell(new LiveRegistry.Stats(campaignId, sessions.size(), true, ready.feedsOnNode(),
              ready.topicInstances()));
          return this;
        })
        .build();
  }

  private Behavior<Command> onPublish(Publish publish) {
    CampaignChanged change = publish.change();
    topic.tell(Topic.publish(change));
    // Local sessions need not wait for the topic's copy, which is then no longer newer.
    if (publish.view() == null || sessions.isEmpty()) return onChanged(change);
    // The entity sent its view: forward it without reading it back (a read in flight then answers
    // an older or equal version, which offer() drops).
    wanted = Math.max(wanted, change.version());
    offer(new CampaignUpdate(campaignId, change.version(), change.persistedAt(), publish.view()));
    return this;
  }

  private Behavior<Command> onChanged(CampaignChanged change) {
    if (sessions.isEmpty() || change.version() <= wanted) return this;
    wanted = change.version();
    return latest != null && latest.version() >= wanted ? this : fetch();
  }

  /** Reads the entity's view unless a read is already in flight (its answer triggers the next). */
  private Behavior<Command> fetch() {
    if (fetching || sessions.isEmpty()) return this;
    fetching = true;
    getContext().ask(CampaignCommand.CampaignReply.class, entity, settings.askTimeout(),
        CampaignCommand.GetCampaign::new,
        (reply, failure) -> {
          if (failure != null) return new FetchFailed(failure.toString());
          if (reply.view() == null) return new FetchFailed("the campaign has no state");
          return new Fetched(new CampaignUpdate(campaignId, reply.version(), reply.persistedAt(), reply.view()));
        });
    return this;
  }

  private Behavior<Command> onFetched(Fetched fetched) {
    fetching = false;
    // read again while a newer version was announced, as long as reads make progress (else the
    // resync timer retries later)
    return offer(fetched.update()) && latest.version() < wanted ? fetch() : this;
  }

  /** Forwards {@code update} to the sessions if it is newer than the last forwarded; returns whether it was. */
  private boolean offer(CampaignUpdate update) {
    if (sessions.isEmpty() || !update.isNewerThan(latest)) return false;
    latest = update;
    for (ActorRef<CampaignUpdate> session : sessions) session.tell(update);
    return true;
  }

  private Behavior<Command> onAttach(Attach attach) {
    if (!sessions.add(attach.session())) return this;
    if (sessions.size() == 1) {
      topic.tell(Topic.subscribe(fromTopic));
      if (!settings.resyncInterval().isZero()) {
        timers.startTimerWithFixedDelay(Resync.INSTANCE, settings.resyncInterval());
      }
    }
    if (latest != null) attach.session().tell(latest);
    return this;
  }

  private Behavior<Command> onDetach(Detach detach) {
    if (sessions.remove(detach.session()) && sessions.isEmpty()) {
      topic.tell(Topic.unsubscribe(fromTopic));
      timers.cancel(Resync.INSTANCE);
      latest = null;
      wanted = Long.MIN_VALUE;
    }
    return this;
  }

  private Behavior<Command> onReportStats(ReportStats report) {
    getContext().ask(Topic.TopicStats.class, topic, settings.askTimeout(),
        Topic::<CampaignChanged>getTopicStats,
        (stats, failure) -> new TopicStatsReady(report.feedsOnNode(),
            stats == null ? -1 : stats.topicInstanceCount(), report.replyTo()));
    return this;
  }
}
