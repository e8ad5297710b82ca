package io.inflow.node.ingest;

import io.inflow.node.campaign.CampaignCommand;
import io.inflow.node.campaign.CampaignEntity;
import io.inflow.node.influencer.InfluencerCommand;
import io.inflow.node.influencer.InfluencerEntity;
import io.inflow.protocol.event.IngestEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The node-wide stage between HTTP requests and entities: group commit per entity. An entity has at
 * most {@code asksPerEntity} asks (so persists) in flight, default 1. Parts of any number of
 * requests that arrive while all its asks are busy wait and are merged into its next ask (up to
 * {@code maxEventsPerPersist} events). So an idle node persists a part at once, and a loaded one
 * batches as much as the journal's latency lets pile up, with no fixed merge window. At most
 * {@code maxAsksInFlight} asks run on the node at once, which keeps the journal's driver within its
 * in-flight limits; entities with waiting parts take free slots in arrival order, campaigns first.
 * Each part completes with its own share of the entity's acknowledgement, and fails if the merged ask
 * fails (so nothing unconfirmed is acknowledged).
 *
 * <p>Measured on the 2-core box against the former fixed 2 ms merge window: the open-model live
 * bench (28,000 events/s in 5,600-line requests) went from update latency p50 1,154 / p99 2,314 ms
 * to 381 / 1,190 ms; the closed-model ingest bench (20,000-line requests) from 48.7–50k to 31–35k
 * events/s with 4 connections (40.3k with 8), because each request's parts merge with later
 * requests' and a request then completes with the slowest of them. Two asks per entity gave 42.0k
 * closed and p50 557 / p99 2,761 ms live.
 *
 * <p>The node's asks in flight float between {@code minAsksInFlight} and {@code maxAsksInFlight} (4 and
 * 32 by default): each time an influencer's ask is sent, the wait of its oldest part decides — over
 * {@code askWaitTarget} one slot more, under half of it one fewer (at most once per eighth of the
 * target). Every ask in flight is a write that a campaign's persist (the live path) queues behind in
 * Cassandra, and fewer slots also mean more events per persist; a backlog opens them up again.
 * Measured at 4 to 32 with a 1 s target: live update p99 99 ms at 14,750 events/s over 300 s (107
 * with a fixed 32; 85–117 in later runs), closed-model maximum 48,000 events/s, sustained 28,818
 * within the ack bound. Lowering the limit at every short wait instead kept it too low under a
 * backlog: sustained 17,513 (load-tests/README.md, "Ninth session" and "Tenth session").
 *
 * <p>With grouping off (the one-persist-per-event baseline) every part is its own ask, still within
 * the node's in-flight limit.
 */
final class EntityBatcher {

  /** Which entity a part is for. */
  record Target(boolean campaign, String id) {}

  /** Some events of one request for one entity, completed with that request's share of the ack. */
  record Part(Target target, List<IngestEvent> events, CompletableFuture<BatchAck> done) {}

  private record MergedAsk(Object key, Target target, List<IngestEvent> events, List<Part> parts) {}

  /** A part and when it was queued ({@link System#nanoTime} or the test's clock). */
  private record Queued(Part part, long since) {}

  /** What waits for one key (an entity, or a single part with grouping off). */
  private static final class Waiting {
    final ArrayDeque<Queued> parts = new ArrayDeque<>();
    int inFlight;
    boolean ready;
  }

  /** Sends one merged ask to an entity; completes with its acknowledgement once durable. */
  interface Sender {
    CompletionStage<BatchAck> send(Target target, List<IngestEvent> events);
  }

  private final Sender sender;
  private final IngestSettings settings;
  private final Object lock = new Object();
  private final Map<Object, Waiting> waiting = new HashMap<>(); // guarded by lock
  private final ArrayDeque<Object> ready = new ArrayDeque<>(); // keys with parts and no ask in flight
  private int queuedParts; // guarded by lock
  private int asksInFlight; // guarded by lock
  private int limit; // asks allowed in flight now, from minAsksInFlight to maxAsksInFlight; guarded by lock
  private long lastDecrease; // clock time the limit was last lowered; guarded by lock
  private final LongSupplier clock;

  EntityBatcher(ActorSystem<?> system, IngestSettings settings) {
    this(settings, shardingSender(ClusterSharding.get(system), settings.askTimeout()));
  }

  EntityBatcher(IngestSettings settings, Sender sender) {
    this(settings, sender, System::nanoTime);
  }

  /** {@code clock} gives nanoseconds (tests step it). */
  EntityBatcher(IngestSettings settings, Sender sender, LongSupplier clock) {
    this.settings = settings;
    this.sender = sender;
    this.clock = clock;
    this.limit = settings.minAsksInFlight();
    this.lastDecrease = clock.getAsLong() - settings.askWaitTarget().toNanos();
  }

  /** How many asks may run at once now (tests). */
  int limit() {
    synchronized (lock) {
      return limit;
    }
  }

  private static Sender shardingSender(ClusterSharding sharding, Duration timeout) {
    return (target, events) -> target.campaign()
        ? sharding.entityRefFor(CampaignEntity.ENTITY_KEY, target.id())
            .askWithStatus(r -> new CampaignCommand.RecordBatch(events, r), timeout)
        : sharding.entityRefFor(InfluencerEntity.ENTITY_KEY, target.id())
            .askWithStatus(r -> new InfluencerCommand.RecordBatch(events, r), timeout);
  }

  /** Queues a part; false when the node is saturated (the caller answers 503). */
  boolean offer(Part part) {
    List<MergedAsk> toSend;
    synchronized (lock) {
      if (queuedParts >= settings.queueCapacity()) return false;
      Object key = settings.groupPerEntity() ? part.target() : part;
      Waiting w = waiting.computeIfAbsent(key, k -> new Waiting());
      w.parts.add(new Queued(part, clock.getAsLong()));
      queuedParts++;
      markReady(key, w);
      toSend = takeAsks();
    }
    toSend.forEach(this::ask);
    return true;
  }

  private void markReady(Object key, Waiting w) {
    if (w.inFlight < settings.asksPerEntity() && !w.ready && !w.parts.isEmpty()) {
      w.ready = true;
      // Campaign entities first: a handful of hot entities whose persists gate the live feeds, while a
      // request's influencer parts are many; the click that closes a request no longer waits behind them.
      if (isCampaign(key)) ready.addFirst(key);
      else ready.addLast(key);
    }
  }

  private static boolean isCampaign(Object key) {
    return key instanceof Target t ? t.campaign() : ((Part) key).target().campaign();
  }

  /** Under the lock: the asks that free slots allow now, each marked in flight. */
  private List<MergedAsk> takeAsks() {
    List<MergedAsk> asks = List.of();
    while (!ready.isEmpty() && asksInFlight < limit
        + (isCampaign(ready.peek()) ? campaignReserve() : 0)) {
      Object key = ready.poll();
      Waiting w = waiting.get(key);
      w.ready = false;
      if (!isCampaign(key)) {
        long now = clock.getAsLong();
        adapt(now - w.parts.peek().since(), now);
      }
      List<IngestEvent> events = new ArrayList<>();
      List<Part> members = new ArrayList<>();
      while (!w.parts.isEmpty() && (events.isEmpty()
          || events.size() + w.parts.peek().part().events().size() <= settings.maxEventsPerPersist())) {
        Part part = w.parts.poll().part();
        events.addAll(part.events());
        members.add(part);
      }
      queuedParts -= members.size();
      w.inFlight++;
      markReady(key, w); // a second slot of this entity may take what did not fit
      asksInFlight++;
      if (asks.isEmpty()) asks = new ArrayList<>();
      asks.add(new MergedAsk(key, members.get(0).target(), List.copyOf(events), List.copyOf(members)));
    }
    return asks;
  }

  /**
   * Under the lock: one slot more each time an influencer part waited over the target; one fewer when
   * it waited under half of it, at most once per eighth of the target, so a backlog opens the slots at
   * once and they close over seconds (from 32 to 4 in 3.5 s with the 1 s target).
   */
  private void adapt(long waitedNanos, long now) {
    long target = settings.askWaitTarget().toNanos();
    if (waitedNanos > target) {
      limit = Math.min(settings.maxAsksInFlight(), limit + 1);
    } else if (waitedNanos < target / 2 && limit > settings.minAsksInFlight() && now - lastDecrease >= target / 8) {
      limit--;
      lastDecrease = now;
    }
  }

  /**
   * Slots beyond the node's current limit that only campaign entities may take: a campaign's part at
   * the head of the ready queue does not wait for a slot when the node's influencer parts hold all
   * of them (an eighth of {@code maxAsksInFlight}, at least 4).
   */
  private int campaignReserve() {
    return Math.max(4, settings.maxAsksInFlight() / 8);
  }

  /** An ask finished: its key may send again, and a slot is free. */
  private void finished(Object key) {
    List<MergedAsk> toSend;
    synchronized (lock) {
      asksInFlight--;
      Waiting w = waiting.get(key);
      w.inFlight--;
      if (w.parts.isEmpty() && w.inFlight == 0) waiting.remove(key);
      else markReady(key, w);
      toSend = takeAsks();
    }
    toSend.forEach(this::ask);
  }

  private void ask(MergedAsk merged) {
    CompletionStage<BatchAck> reply;
    try {
      reply = sender.send(merged.target(), merged.events());
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    // Runs on the replying thread. Pekko's asks return Scala's CompletableFuture subclass, whose plain
    // whenComplete is async on the common pool, and on a 2-core box (common pool parallelism 1)
    // CompletableFuture then starts a new thread per callback: ~2,000 threads/s in the live bench.
    reply.whenCompleteAsync((ack, failure) -> {
      finished(merged.key());
      if (failure != null) merged.parts().forEach(p -> p.done().completeExceptionally(failure));
      else if (merged.parts().size() == 1) merged.parts().get(0).done().complete(ack);
      else shareOut(ack, merged.parts());
    }, Runnable::run);
  }

  /**
   * Splits a merged acknowledgement between its parts. The entity lists every duplicate occurrence;
   * an id it lists fewer times than it occurs was new at its first occurrence.
   */
  private static void shareOut(BatchAck ack, List<Part> parts) {
    Map<String, Integer> listed = new HashMap<>();
    for (String id : ack.duplicateIds()) listed.merge(id, 1, Integer::sum);
    Map<String, Integer> occurrences = new HashMap<>();
    for (Part part : parts) for (IngestEvent e : part.events()) occurrences.merge(e.eventId(), 1, Integer::sum);
    Map<String, Boolean> firstTaken = new HashMap<>();
    for (Part part : parts) {
      List<String> duplicates = new ArrayList<>();
      for (IngestEvent e : part.events()) {
        String id = e.eventId();
        if (!listed.containsKey(id)) continue;
        boolean newAtFirst = listed.get(id) < occurrences.get(id);
        if (newAtFirst && firstTaken.putIfAbsent(id, true) == null) continue;
        duplicates.add(id);
      }
      part.done().complete(new BatchAck(part.events().size() - duplicates.size(), List.copyOf(duplicates)));
    }
  }
}
