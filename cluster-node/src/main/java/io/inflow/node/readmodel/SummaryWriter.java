package io.inflow.node.readmodel;

import io.inflow.protocol.api.CampaignListItem;
import io.inflow.protocol.api.InfluencerListItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One per node: keeps the latest summary of every entity that changed and writes them to the
 * {@link ReadModel} once per interval, so a hot entity costs one row write per interval however
 * many events it persists. A failed flush keeps the rows for the next one (newer summaries win).
 */
public final class SummaryWriter {

  /** Messages of the writer; entities send {@link Changed}. */
  public sealed interface Command {}

  /** The latest summary of an influencer or a defined campaign. */
  public record Changed(Object summary) implements Command {}

  private record Flush() implements Command {}

  private record Flushed(Map<String, Object> failed) implements Command {}

  private SummaryWriter() {}

  public static Behavior<Command> create(ReadModel readModel, Duration interval) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(new Flush(), interval);
      return idle(ctx, readModel, new LinkedHashMap<>(), false);
    }));
  }

  private static Behavior<Command> idle(ActorContext<Command> ctx, ReadModel readModel,
      Map<String, Object> dirty, boolean flushing) {
    return Behaviors.receive(Command.class)
        .onMessage(Changed.class, c -> {
          dirty.put(key(c.summary()), c.summary());
          return Behaviors.same();
        })
        .onMessage(Flush.class, f -> {
          if (flushing || dirty.isEmpty()) return Behaviors.same();
          Map<String, Object> batch = new LinkedHashMap<>(dirty);
          dirty.clear();
          List<CompletableFuture<?>> writes = new ArrayList<>();
          Map<String, Object> failed = new java.util.concurrent.ConcurrentHashMap<>();
          batch.forEach((key, summary) -> writes.add(write(readModel, summary).toCompletableFuture()
              .exceptionally(e -> {
                failed.put(key, summary);
                return null;
              })));
          ctx.pipeToSelf(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)),
              (ok, e) -> new Flushed(failed));
          return idle(ctx, readModel, dirty, true);
        })
        .onMessage(Flushed.class, done -> {
          if (!done.failed().isEmpty()) {
            ctx.getLog().warn("read model: {} summaries not written, retrying next interval", done.failed().size());
            done.failed().forEach(dirty::putIfAbsent);
          }
          return idle(ctx, readModel, dirty, false);
        })
        .build();
  }

  private static String key(Object summary) {
    if (summary instanceof InfluencerListItem i) return "i:" + i.influencerId();
    if (summary instanceof CampaignListItem c) return "c:" + c.campaignId();
    throw new IllegalArgumentException("not a summary: " + summary);
  }

  private static java.util.concurrent.CompletionStage<?> write(ReadModel readModel, Object summary) {
    return summary instanceof InfluencerListItem i ? readModel.write(i) : readModel.write((CampaignListItem) summary);
  }

  /** Tells the writer, if there is one (entity unit tests run without a read model). */
  public static void tell(ActorRef<Command> writer, Object summary) {
    if (writer != null) writer.tell(new Changed(summary));
  }
}
