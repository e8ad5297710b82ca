package io.inflow.node.readmodel;

import io.inflow.node.campaign.CampaignService;
import io.inflow.node.influencer.InfluencerService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One per node: remembers which entities changed and, once per interval, reads each one's current
 * summary row (one ask per changed entity, however many events it persisted; the entity computes the
 * row, which is much cheaper than its full view) and writes its summary row to
 * the {@link ReadModel}. Entities only send a tiny {@link Changed} after a persist, so nothing is
 * computed on the ingest path, and a flush reads and writes only a few summaries at a time so it never
 * competes in a burst with the journal. A failed read or write keeps the entity dirty for the next
 * interval.
 */
public final class SummaryWriter {

  /** Messages of the writer; entities send {@link Changed}. */
  public sealed interface Command {}

  /** The entity {@code id} (a campaign when {@code campaign}) changed. */
  public record Changed(boolean campaign, String id) implements Command {}

  private record Flush() implements Command {}

  /** Write what is dirty, then stop and reply (sent by CoordinatedShutdown). */
  private record Stop(ActorRef<Done> replyTo) implements Command {}

  private record Flushed(Set<Changed> failed) implements Command {}

  /** Summaries read and written at once during a flush. */
  private static final int IN_FLIGHT = 4;

  private SummaryWriter() {}

  public static Behavior<Command> create(ReadModel readModel, InfluencerService influencers,
      CampaignService campaigns, Duration interval) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(new Flush(), interval);
      return new Writer(ctx, readModel, influencers, campaigns).running(new LinkedHashSet<>(), false);
    }));
  }

  /**
   * Registers a CoordinatedShutdown task, before cluster shutdown (entities are still reachable):
   * the writer writes its dirty rows a last time and stops, so a node leaving gracefully leaves its
   * summaries fresh and no asks to entities that are being handed off.
   */
  public static void stopOnShutdown(ActorSystem<?> system, ActorRef<Command> writer) {
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseBeforeClusterShutdown(), "read-model-final-flush",
        () -> AskPattern.<Command, Done>ask(writer, Stop::new,
            Duration.ofSeconds(4), system.scheduler()).exceptionally(e -> Done.getInstance()));
  }

  /** Tells the writer, if there is one (entity unit tests run without a read model). */
  public static void tell(ActorRef<Command> writer, boolean campaign, String id) {
    if (writer != null) writer.tell(new Changed(campaign, id));
  }

  private record Writer(ActorContext<Command> ctx, ReadModel readModel, InfluencerService influencers,
      CampaignService campaigns) {

    Behavior<Command> running(Set<Changed> dirty, boolean flushing) {
      return Behaviors.receive(Command.class)
          .onMessage(Changed.class, c -> {
            dirty.add(c);
            return Behaviors.same();
          })
          .onMessage(Flush.class, f -> {
            if (flushing || dirty.isEmpty()) return Behaviors.same();
            ctx.pipeToSelf(flush(dirty), (failed, e) -> new Flushed(failed == null ? Set.of() : failed));
            return running(dirty, true);
          })
          .onMessage(Flushed.class, done -> {
            if (!done.failed().isEmpty()) {
              ctx.getLog().warn("read model: {} summaries not refreshed, retrying next interval", done.failed().size());
              dirty.addAll(done.failed());
            }
            return running(dirty, false);
          })
          .onMessage(Stop.class, stop -> {
            // a flush in flight writes what was dirty when it began; the rest is written now
            if (dirty.isEmpty()) return stopped(stop);
            ctx.pipeToSelf(flush(dirty), (failed, e) -> new Flushed(Set.of()));
            return Behaviors.receive(Command.class)
                .onMessage(Flushed.class, done -> stopped(stop))
                .build();
          })
          .build();
    }

    private static Behavior<Command> stopped(Stop stop) {
      stop.replyTo().tell(Done.getInstance());
      return Behaviors.stopped();
    }

    /** Writes the rows of {@code dirty} (which it empties), a few at a time; completes with the failed ones. */
    private CompletionStage<Set<Changed>> flush(Set<Changed> dirty) {
      List<Changed> batch = new ArrayList<>(dirty);
      dirty.clear();
      Set<Changed> failed = ConcurrentHashMap.newKeySet();
      // a few at a time, so a flush never floods Cassandra (or the entities) next to ingest
      return Source.from(batch)
          .mapAsyncUnordered(IN_FLIGHT, c -> refresh(c).toCompletableFuture().exceptionally(e -> {
            failed.add(c);
            return null;
          }))
          .runWith(Sink.ignore(), ctx.getSystem())
          .thenApply(done -> failed);
    }

    private CompletionStage<?> refresh(Changed changed) {
      var executor = ctx.getExecutionContext();
      if (changed.campaign()) {
        return campaigns.summary(changed.id()).thenComposeAsync(item -> item
            .<CompletionStage<?>>map(readModel::write)
            .orElse(CompletableFuture.completedFuture(null)), executor);
      }
      return influencers.summary(changed.id()).thenComposeAsync(item -> item
          .<CompletionStage<?>>map(readModel::write)
          .orElse(CompletableFuture.completedFuture(null)), executor);
    }
  }
}
