package io.inflow.node.ingest;

import io.inflow.node.campaign.CampaignCommand;
import io.inflow.node.campaign.CampaignEntity;
import io.inflow.node.influencer.InfluencerCommand;
import io.inflow.node.influencer.InfluencerEntity;
import io.inflow.protocol.event.IngestEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The node-wide stage between HTTP requests and entities (Pekko Streams): parts of concurrent
 * requests that concern the same entity are merged into one ask — so one persisted event — within
 * a short window, and at most {@code maxAsksInFlight} asks run at once, which keeps the journal's
 * driver within its in-flight limits. Each part completes with its own share of the entity's
 * acknowledgement, and fails if the merged ask fails (so nothing unconfirmed is acknowledged).
 */
final class EntityBatcher {

  /** Which entity a part is for. */
  record Target(boolean campaign, String id) {}

  /** Some events of one request for one entity, completed with that request's share of the ack. */
  record Part(Target target, List<IngestEvent> events, CompletableFuture<BatchAck> done) {}

  private record MergedAsk(Target target, List<IngestEvent> events, List<Part> parts) {}

  private final ClusterSharding sharding;
  private final IngestSettings settings;
  private final BoundedSourceQueue<Part> queue;

  EntityBatcher(ActorSystem<?> system, IngestSettings settings) {
    this.sharding = ClusterSharding.get(system);
    this.settings = settings;
    this.queue = Source.<Part>queue(settings.queueCapacity())
        .groupedWithin(settings.maxPartsPerMerge(), settings.mergeWindow())
        .mapConcat(this::merge)
        .mapAsyncUnordered(settings.maxAsksInFlight(), this::ask)
        .to(Sink.ignore())
        .run(system);
  }

  /** Queues a part; false when the node is saturated (the caller answers 503). */
  boolean offer(Part part) {
    return queue.offer(part) == QueueOfferResult.enqueued();
  }

  /** Merges parts per entity (in arrival order), splitting at maxEventsPerPersist; no merging with grouping off. */
  private List<MergedAsk> merge(List<Part> parts) {
    if (!settings.groupPerEntity()) {
      return parts.stream().map(p -> new MergedAsk(p.target(), p.events(), List.of(p))).toList();
    }
    Map<Target, List<Part>> byTarget = new LinkedHashMap<>();
    for (Part part : parts) byTarget.computeIfAbsent(part.target(), t -> new ArrayList<>()).add(part);
    List<MergedAsk> asks = new ArrayList<>();
    byTarget.forEach((target, group) -> {
      List<IngestEvent> events = new ArrayList<>();
      List<Part> members = new ArrayList<>();
      for (Part part : group) {
        if (!events.isEmpty() && events.size() + part.events().size() > settings.maxEventsPerPersist()) {
          asks.add(new MergedAsk(target, List.copyOf(events), List.copyOf(members)));
          events.clear();
          members.clear();
        }
        events.addAll(part.events());
        members.add(part);
      }
      asks.add(new MergedAsk(target, List.copyOf(events), List.copyOf(members)));
    });
    return asks;
  }

  private CompletionStage<Void> ask(MergedAsk merged) {
    Duration timeout = settings.askTimeout();
    CompletionStage<BatchAck> reply = merged.target().campaign()
        ? sharding.entityRefFor(CampaignEntity.ENTITY_KEY, merged.target().id())
            .askWithStatus(r -> new CampaignCommand.RecordBatch(merged.events(), r), timeout)
        : sharding.entityRefFor(InfluencerEntity.ENTITY_KEY, merged.target().id())
            .askWithStatus(r -> new InfluencerCommand.RecordBatch(merged.events(), r), timeout);
    return reply.handle((ack, failure) -> {
      if (failure != null) merged.parts().forEach(p -> p.done().completeExceptionally(failure));
      else if (merged.parts().size() == 1) merged.parts().get(0).done().complete(ack);
      else shareOut(ack, merged.parts());
      return null;
    });
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
