package io.inflow.node.live;

import io.inflow.node.campaign.CampaignCommand;
import io.inflow.node.campaign.CampaignEntity;
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
 * publishes the local entity's updates to it, and fans the newest state out to this node's WebSocket
 * sessions. The feed is the topic's only local subscriber, and only while it has sessions, so nodes
 * without viewers of a campaign receive nothing for it.
 *
 * <p>Guarantees: a session is only ever told a version newer than the last one the feed forwarded
 * (never an older state after a newer one), and telling never waits for the session. Cluster pub-sub
 * delivers at most once (an update published before the publishing node has learned of this node's
 * subscription is dropped), so while it has sessions the feed also re-reads the entity every
 * {@code resync-interval} and forwards what is newer. Created and stopped by {@link LiveRegistry}.
 */
final class LiveFeed extends AbstractBehavior<LiveFeed.Command> {

  sealed interface Command {}

  /** An update of the campaign entity living on this node, for every node's subscribers. */
  record Publish(CampaignUpdate update) implements Command {}

  record Attach(ActorRef<CampaignUpdate> session) implements Command {}

  record Detach(ActorRef<CampaignUpdate> session) implements Command {}

  record ReportStats(int feedsOnNode, ActorRef<LiveRegistry.Stats> replyTo) implements Command {}

  private record Received(CampaignUpdate update) implements Command {}

  private record ResyncFailed(String reason) implements Command {}

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
  private final ActorRef<Topic.Command<CampaignUpdate>> topic;
  private final ActorRef<CampaignUpdate> fromTopic;
  private final EntityRef<CampaignCommand> entity;
  private final Set<ActorRef<CampaignUpdate>> sessions = new HashSet<>();
  private CampaignUpdate latest;

  private LiveFeed(ActorContext<Command> context, TimerScheduler<Command> timers, String campaignId,
      LiveSettings settings) {
    super(context);
    this.campaignId = campaignId;
    this.settings = settings;
    this.timers = timers;
    this.topic = context.spawn(Topic.create(CampaignUpdate.class, topicName(campaignId)), "topic");
    this.fromTopic = context.messageAdapter(CampaignUpdate.class, Received::new);
    this.entity = ClusterSharding.get(context.getSystem()).entityRefFor(CampaignEntity.ENTITY_KEY, campaignId);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Publish.class, this::onPublish)
        .onMessage(Received.class, received -> offer(received.update()))
        .onMessage(Attach.class, this::onAttach)
        .onMessage(Detach.class, this::onDetach)
        .onMessageEquals(Resync.INSTANCE, this::onResync)
        .onMessage(ResyncFailed.class, failed -> {
          getContext().getLog().debug("live resync of campaign {} failed: {}", campaignId, failed.reason());
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
    topic.tell(Topic.publish(publish.update()));
    // Local sessions get it at once; the copy the topic delivers back is then no longer newer.
    if (!sessions.isEmpty()) offer(publish.update());
    return this;
  }

  private Behavior<Command> offer(CampaignUpdate update) {
    if (sessions.isEmpty() || !update.isNewerThan(latest)) return this;
    latest = update;
    for (ActorRef<CampaignUpdate> session : sessions) session.tell(update);
    return this;
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
    }
    return this;
  }

  private Behavior<Command> onResync() {
    getContext().ask(CampaignCommand.CampaignReply.class, entity, settings.askTimeout(),
        CampaignCommand.GetCampaign::new,
        (reply, failure) -> {
          if (failure != null) return new ResyncFailed(failure.toString());
          if (reply.view() == null) return new ResyncFailed("the campaign has no state");
          return new Received(new CampaignUpdate(campaignId, reply.version(), reply.persistedAt(), reply.view()));
        });
    return this;
  }

  private Behavior<Command> onReportStats(ReportStats report) {
    getContext().ask(Topic.TopicStats.class, topic, settings.askTimeout(),
        Topic::<CampaignUpdate>getTopicStats,
        (stats, failure) -> new TopicStatsReady(report.feedsOnNode(),
            stats == null ? -1 : stats.topicInstanceCount(), report.replyTo()));
    return this;
  }
}
