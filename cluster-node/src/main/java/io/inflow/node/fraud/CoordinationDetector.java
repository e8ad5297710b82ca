package io.inflow.node.fraud;

import io.inflow.analytics.fraud.CoordinationFinding;
import io.inflow.analytics.fraud.CoordinationIndex;
import io.inflow.analytics.fraud.CoordinationSettings;
import io.inflow.protocol.JournalSerializable;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.IngestEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * Coordinated engagement across influencers (engagement pods), computed in one place per cluster: a
 * cluster singleton holding a {@link CoordinationIndex} over every influencer's comments. Influencer
 * entities each see only their own comments, so they send them here ({@link Comments}, built with
 * {@link #from}); every {@code interval} the singleton hands each influencer whose lockstep evidence
 * changed to the {@code deliver} callback given at {@link #init}, which passes it on to the
 * influencer's entity, where it is persisted.
 *
 * <p><b>Not persisted.</b> The singleton's index lives in memory only. After a failover (its node
 * leaves or crashes) the new instance starts empty and rebuilds from the comments that arrive next.
 * That is deliberate: persisting every comment a second time would double the journal writes of the
 * busiest event type; the evidence is bounded in time anyway (a post's first window of comments,
 * posts up to the horizon), so the index is whole again one horizon later and catches new pod
 * activity from the first post after the failover; and the findings already delivered are durable in
 * the influencer entities' journals. What a failover costs is the pairing of posts seen before it
 * with posts seen after it. Comments sent while no singleton is reachable are buffered by the proxy
 * up to its limit and dropped beyond (at most once; findings are evidence, not accounting).
 *
 * <p>The index is bounded (see {@link CoordinationIndex} for the memory bound), and each comment
 * costs a bounded amount of work, so one actor keeps up with the cluster's comment stream.
 */
public final class CoordinationDetector {
  /** Name of the singleton (and of its proxy) in the cluster. */
  public static final String SINGLETON_NAME = "coordination-detector";

  private CoordinationDetector() {}

  /** What the detector accepts. */
  public sealed interface Command permits Comments, Tick {}

  /** One comment as the detector needs it: who (a 64-bit key of the pseudonym), on which post, when. */
  public record CommentSeen(long authorKey, String influencerId, String postId, Instant at)
      implements JournalSerializable {}

  /** Comments to count, in any order; a comment sent twice counts once. */
  public record Comments(List<CommentSeen> comments) implements Command, JournalSerializable {
    public Comments {
      comments = comments == null ? List.of() : List.copyOf(comments);
    }
  }

  /** The timer's message: report changed findings. Local to the singleton, never sent between nodes. */
  enum Tick implements Command { INSTANCE }

  /**
   * Starts the singleton on the cluster (on the oldest node, and moves with it) and returns the proxy
   * to send {@link Comments} to. Call once per node, with the same settings on every node.
   */
  public static ActorRef<Command> init(ActorSystem<?> system, CoordinationSettings settings, Duration interval,
      Consumer<CoordinationFinding> deliver) {
    return ClusterSingleton.get(system).init(SingletonActor.of(create(settings, interval, deliver), SINGLETON_NAME));
  }

  /** {@link #init(ActorSystem, CoordinationSettings, Duration, Consumer)} with settings from configuration. */
  public static ActorRef<Command> init(ActorSystem<?> system, CoordinationDetectorSettings settings,
      Consumer<CoordinationFinding> deliver) {
    return init(system, settings.index(), settings.interval(), deliver);
  }

  /** The detector's behaviour (what {@link #init} runs as the singleton). */
  public static Behavior<Command> create(CoordinationSettings settings, Duration interval,
      Consumer<CoordinationFinding> deliver) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(deliver, "deliver");
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
    Behavior<Command> detector = Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Tick.INSTANCE, interval);
      CoordinationIndex index = new CoordinationIndex(settings);
      return Behaviors.receive(Command.class)
          .onMessage(Comments.class, msg -> {
            for (CommentSeen c : msg.comments()) index.add(c.authorKey(), c.influencerId(), c.postId(), c.at());
            return Behaviors.same();
          })
          .onMessageEquals(Tick.INSTANCE, () -> {
            for (CoordinationFinding finding : index.findings()) {
              try {
                deliver.accept(finding);
              } catch (RuntimeException e) {
                context.getLog().warn("Delivering the coordination finding of {} failed", finding.influencerId(), e);
              }
            }
            return Behaviors.same();
          })
          .build();
    }));
    // A bug in the index must not stop detection for the rest of the node's life: restart empty.
    return Behaviors.supervise(detector).onFailure(SupervisorStrategy.restart());
  }

  /** The comments among {@code events}, as the detector needs them; comments without author, post or time are skipped. */
  public static List<CommentSeen> from(List<? extends IngestEvent> events) {
    List<CommentSeen> seen = new ArrayList<>();
    for (IngestEvent event : events) {
      if (event instanceof CommentPosted c && c.authorId() != null && c.influencerId() != null
          && c.postId() != null && c.postedAt() != null) {
        seen.add(new CommentSeen(CoordinationIndex.authorKey(c.authorId()), c.influencerId(), c.postId(), c.postedAt()));
      }
    }
    return seen;
  }
}
