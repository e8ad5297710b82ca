package io.inflow.node.live;

import io.inflow.node.campaign.CampaignService;
import io.inflow.protocol.api.LiveMessage;
import io.inflow.protocol.codec.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.ThrottleMode;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSource;

/**
 * Live campaign subscriptions for the HTTP layer: one WebSocket flow per subscriber that sends a
 * snapshot of the campaign, then its updates.
 *
 * <p>Per subscriber, updates pass through a drop-older filter (a version not above the last one seen
 * is dropped), then a conflating stage that keeps only the newest state while the subscriber cannot
 * take more, then a throttle of one message per {@code min-interval}. So a subscriber gets at most one
 * message per interval, always the latest state, never an older version after a newer one; a slow or
 * stalled socket holds one pending state (plus the socket's own small buffers) and slows nobody: the
 * feed only ever {@code tell}s it. The first message stays a {@code snapshot} even when an update is
 * merged into it before it leaves.
 *
 * <p>Cleanup: the session's actor (the stream's source) is attached to the node's
 * {@link LiveRegistry}, which watches it. When the socket closes either way, the stream stops, the
 * actor terminates and the registry detaches it; its feed stops after the idle timeout.
 */
public final class LiveUpdates {
  private final ActorSystem<?> system;
  private final ActorRef<LiveRegistry.Command> registry;
  private final CampaignService campaigns;
  private final LiveSettings settings;
  private final Executor executor;

  public LiveUpdates(ActorSystem<?> system, ActorRef<LiveRegistry.Command> registry, CampaignService campaigns,
      LiveSettings settings) {
    this.system = system;
    this.registry = registry;
    this.campaigns = campaigns;
    this.settings = settings;
    this.executor = system.executionContext();
  }

  public LiveSettings settings() {
    return settings;
  }

  /** The node's registry (tests attach probes to it). */
  ActorRef<LiveRegistry.Command> registry() {
    return registry;
  }

  /**
   * The WebSocket flow for one subscriber of {@code campaignId}, or empty when the campaign is unknown
   * (never defined, no event recorded). Client messages are read and ignored.
   */
  public CompletionStage<Optional<Flow<Message, Message, NotUsed>>> open(String campaignId) {
    return campaigns.current(campaignId).thenApplyAsync(reply -> {
      if (reply.view() == null) return Optional.empty();
      LiveMessage snapshot = LiveMessage.snapshot(reply.view(), reply.version(), reply.persistedAt());
      Source<CampaignUpdate, NotUsed> updates = ActorSource.<CampaignUpdate>actorRef(
              update -> false, update -> Optional.empty(), settings.sessionBuffer(), OverflowStrategy.dropHead())
          .mapMaterializedValue(session -> {
            registry.tell(new LiveRegistry.Attach(campaignId, session));
            return NotUsed.getInstance();
          });
      Source<Message, NotUsed> outgoing = conflated(snapshot, updates, settings.minInterval())
          .map(frame -> (Message) TextMessage.create(frame.json()));
      return Optional.of(Flow.fromSinkAndSourceCoupled(ignoreIncoming(settings.maxIncomingMessageBytes()), outgoing));
    }, executor);
  }

  /** This node's live state for one campaign (sessions, feed, known topic instances). */
  public CompletionStage<LiveRegistry.Stats> stats(String campaignId) {
    return AskPattern.ask(registry, replyTo -> new LiveRegistry.GetStats(campaignId, replyTo),
        settings.askTimeout(), system.scheduler());
  }

  /**
   * One outgoing message and its JSON: {@code shared} is the update's JSON the feed wrote once for
   * every session (null for snapshots, alerts and an update merged into the snapshot, written here).
   */
  record Frame(LiveMessage message, String shared) {
    static Frame of(LiveMessage message) {
      return new Frame(message, null);
    }

    String json() {
      return shared != null ? shared : Json.write(message);
    }
  }

  /**
   * {@code snapshot} first, then {@code updates}, with older-than-seen versions dropped, the newest
   * state kept while downstream is busy, and at most one element per {@code minInterval}.
   */
  static <M> Source<Frame, M> conflated(LiveMessage snapshot, Source<CampaignUpdate, M> updates,
      Duration minInterval) {
    return Source.single(Frame.of(snapshot))
        .concatMat(updates.map(u -> new Frame(u.message(), u.json())), Keep.right())
        .statefulMapConcat(() -> {
          long[] newest = {Long.MIN_VALUE};
          return frame -> {
            if (frame.message().version() <= newest[0]) return List.of();
            newest[0] = frame.message().version();
            return List.of(frame);
          };
        })
        .conflate((held, newer) -> held.message().type() == LiveMessage.Type.SNAPSHOT
            ? Frame.of(newer.message().withType(LiveMessage.Type.SNAPSHOT)) : newer)
        .throttle(1, minInterval, 1, ThrottleMode.shaping())
        .statefulMapConcat(LiveUpdates::alertsFirst);
  }

  /**
   * Before each update, one {@code alert} message per alert its view lists that the previous message
   * did not (the snapshot's alerts are the starting point and are not repeated).
   */
  private static org.apache.pekko.japi.function.Function<Frame, Iterable<Frame>> alertsFirst() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return frame -> {
      LiveMessage message = frame.message();
      List<io.inflow.protocol.api.CampaignAlert> alerts =
          message.campaign() == null || message.campaign().alerts() == null ? List.of() : message.campaign().alerts();
      if (message.type() == LiveMessage.Type.SNAPSHOT) {
        alerts.forEach(a -> seen.add(a.alertId()));
        return List.of(frame);
      }
      List<Frame> out = new java.util.ArrayList<>();
      for (int i = alerts.size() - 1; i >= 0; i--) { // oldest first
        var a = alerts.get(i);
        if (seen.add(a.alertId())) out.add(Frame.of(LiveMessage.alert(a, message.version(), message.persistedAt())));
      }
      out.add(frame);
      java.util.Set<String> listed = new java.util.HashSet<>();
      alerts.forEach(a -> listed.add(a.alertId()));
      seen.retainAll(listed); // an alert that left the view's list never comes back
      return out;
    };
  }

  /**
   * Reads and discards what the client sends; a message longer than {@code maxBytes} fails the sink,
   * which (the flow being coupled) closes the socket.
   */
  static Sink<Message, NotUsed> ignoreIncoming(int maxBytes) {
    return Flow.<Message>create().flatMapConcat(message -> drain(message, maxBytes)).to(Sink.ignore());
  }

  private static Source<Long, NotUsed> drain(Message message, int maxBytes) {
    Source<Long, ?> sizes = message.isText()
        ? message.asTextMessage().getStreamedText().map(part -> (long) part.length())
        : message.asBinaryMessage().getStreamedData().map(part -> (long) part.size());
    return sizes.scan(0L, Long::sum).map(total -> {
      if (total > maxBytes) {
        throw new IllegalStateException("live socket: client message over " + maxBytes + " bytes");
      }
      return total;
    }).mapMaterializedValue(m -> NotUsed.getInstance());
  }
}
