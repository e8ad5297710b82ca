package io.inflow.node.live;

import io.inflow.protocol.api.CampaignView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The node's index of live campaign feeds, one {@link LiveFeed} (with its cluster topic) per campaign
 * that has local WebSocket sessions or whose entity on this node published recently. Feeds are
 * spawned on first use and stopped once they have had no session and no update for
 * {@code inflow.live.idle-timeout}, so actors stay bounded by the campaigns actually active here.
 *
 * <p>The registry watches every session it attaches: when a socket closes, its stream stops, the
 * session's actor terminates and the registry detaches it from its feed. Everything here is local
 * to the node; only {@link CampaignChanged} notices (through the topics) and the feeds' reads of
 * the entity cross nodes.
 */
public final class LiveRegistry extends AbstractBehavior<LiveRegistry.Command> {

  public sealed interface Command {}

  /**
   * The campaign entity on this node changed; sent by the entity after each persist, never awaited.
   * {@code view} is its new view when the campaign is watched here (see {@link LiveWatchers}), else null.
   */
  public record Publish(CampaignChanged change, CampaignView view) implements Command {}

  /** A WebSocket session wants the campaign's updates until its actor terminates. */
  public record Attach(String campaignId, ActorRef<CampaignUpdate> session) implements Command {}

  public record GetStats(String campaignId, ActorRef<Stats> replyTo) implements Command {}

  /**
   * What this node holds for one campaign: WebSocket sessions, whether a feed (and topic) runs, the
   * feeds running on the node in all, and how many nodes' topic instances with subscribers this node
   * knows of (-1 if the topic did not answer).
   */
  public record Stats(String campaignId, int localSubscribers, boolean feedRunning, int feedsOnNode,
      int topicInstances) {}

  private record SessionEnded(String campaignId, ActorRef<CampaignUpdate> session) implements Command {}

  private record FeedTerminated(String campaignId, ActorRef<LiveFeed.Command> feed) implements Command {}

  /** A feed's stats, or none when it stopped (idle) before answering. */
  private record StatsReady(GetStats request, Stats stats) implements Command {}

  private enum Sweep implements Command { INSTANCE }

  /** {@code watchers}: kept up to date here, read by the node's campaign entities. */
  public static Behavior<Command> create(LiveSettings settings, LiveWatchers watchers) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Sweep.INSTANCE, settings.sweepInterval());
      return new LiveRegistry(ctx, settings, watchers);
    }));
  }

  private static final class Entry {
    ActorRef<LiveFeed.Command> feed;
    final Set<ActorRef<CampaignUpdate>> sessions = new HashSet<>();
    long lastActivityNanos;
  }

  private final LiveSettings settings;
  private final LiveWatchers watchers;
  private final Map<String, Entry> entries = new HashMap<>();
  private long feedsSpawned;

  private LiveRegistry(ActorContext<Command> context, LiveSettings settings, LiveWatchers watchers) {
    super(context);
    this.settings = settings;
    this.watchers = watchers;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Publish.class, this::onPublish)
        .onMessage(Attach.class, this::onAttach)
        .onMessage(SessionEnded.class, this::onSessionEnded)
        .onMessage(GetStats.class, this::onGetStats)
        .onMessage(StatsReady.class, ready -> {
          ready.request().replyTo().tell(ready.stats() != null ? ready.stats()
              : new Stats(ready.request().campaignId(), 0, false, entries.size(), 0));
          return this;
        })
        .onMessage(FeedTerminated.class, this::onFeedTerminated)
        .onMessageEquals(Sweep.INSTANCE, this::onSweep)
        .build();
  }

  private Behavior<Command> onPublish(Publish publish) {
    Entry entry = active(publish.change().campaignId());
    entry.feed.tell(new LiveFeed.Publish(publish.change(), publish.view()));
    return this;
  }

  private Behavior<Command> onAttach(Attach attach) {
    Entry entry = active(attach.campaignId());
    if (entry.sessions.add(attach.session())) {
      var metrics = io.inflow.node.metrics.NodeMetrics.get();
      if (metrics != null) metrics.subscriberJoined();
      getContext().watchWith(attach.session(), new SessionEnded(attach.campaignId(), attach.session()));
      watchers.watch(attach.campaignId());
      entry.feed.tell(new LiveFeed.Attach(attach.session()));
    }
    return this;
  }

  private Behavior<Command> onSessionEnded(SessionEnded ended) {
    Entry entry = entries.get(ended.campaignId());
    if (entry != null && entry.sessions.remove(ended.session())) {
      var metrics = io.inflow.node.metrics.NodeMetrics.get();
      if (metrics != null) metrics.subscriberLeft();
      entry.feed.tell(new LiveFeed.Detach(ended.session()));
      entry.lastActivityNanos = System.nanoTime();
      if (entry.sessions.isEmpty()) watchers.unwatch(ended.campaignId());
    }
    return this;
  }

  private Behavior<Command> onGetStats(GetStats get) {
    Entry entry = entries.get(get.campaignId());
    if (entry == null) {
      get.replyTo().tell(new Stats(get.campaignId(), 0, false, entries.size(), 0));
    } else {
      // the feed may stop (idle) before it answers: ask it, and report a stopped feed if it does not
      getContext().ask(Stats.class, entry.feed, java.time.Duration.ofSeconds(2),
          reply -> new LiveFeed.ReportStats(entries.size(), reply),
          (stats, failure) -> new StatsReady(get, stats));
    }
    return this;
  }

  /** A feed stopped without the registry asking (it failed): start a new one for its sessions. */
  private Behavior<Command> onFeedTerminated(FeedTerminated terminated) {
    Entry entry = entries.get(terminated.campaignId());
    if (entry == null || !entry.feed.equals(terminated.feed())) return this;
    getContext().getLog().warn("live feed of campaign {} stopped unexpectedly; starting a new one for {} session(s)",
        terminated.campaignId(), entry.sessions.size());
    entry.feed = spawnFeed(terminated.campaignId());
    for (ActorRef<CampaignUpdate> session : entry.sessions) entry.feed.tell(new LiveFeed.Attach(session));
    return this;
  }

  private Behavior<Command> onSweep() {
    long idleNanos = settings.idleTimeout().toNanos();
    long now = System.nanoTime();
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.sessions.isEmpty() && now - entry.lastActivityNanos >= idleNanos) {
        it.remove();
        getContext().stop(entry.feed);
      }
    }
    return this;
  }

  /** The campaign's entry, with a running feed, marked active now. */
  private Entry active(String campaignId) {
    Entry entry = entries.get(campaignId);
    if (entry == null) {
      entry = new Entry();
      entry.feed = spawnFeed(campaignId);
      entries.put(campaignId, entry);
    }
    entry.lastActivityNanos = System.nanoTime();
    return entry;
  }

  private ActorRef<LiveFeed.Command> spawnFeed(String campaignId) {
    String name = "feed-" + URLEncoder.encode(campaignId, StandardCharsets.UTF_8) + "-" + (++feedsSpawned);
    ActorRef<LiveFeed.Command> feed = getContext().spawn(LiveFeed.create(campaignId, settings), name,
        org.apache.pekko.actor.typed.DispatcherSelector.sameAsParent());
    getContext().watchWith(feed, new FeedTerminated(campaignId, feed));
    return feed;
  }
}
