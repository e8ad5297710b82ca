package io.inflow.node.ingest;

import io.inflow.node.campaign.CampaignCommand;
import io.inflow.node.campaign.CampaignEntity;
import io.inflow.node.influencer.InfluencerCommand;
import io.inflow.node.influencer.InfluencerEntity;
import io.inflow.node.privacy.Pseudonymizer;
import io.inflow.protocol.event.IngestEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Routes validated events to the entities they concern and completes only when every one of them is
 * durable. Each event goes to its influencer and, when it names one, its campaign. With grouping on,
 * a request's events are grouped per entity and each group (split at {@code maxEventsPerPersist})
 * becomes one ask and one persisted event. The result fails — and nothing is acknowledged — if any
 * entity does not confirm in time; the caller answers 503 and the client's retry is safe because
 * entities drop event ids they already hold.
 */
public final class IngestService {

  /** What a request achieved: new durable events and events that were already known. */
  public record Outcome(int accepted, int duplicates) {}

  private final ClusterSharding sharding;
  private final IngestSettings settings;
  private final Pseudonymizer pseudonymizer;
  private final Executor executor;
  private final AtomicInteger inFlight = new AtomicInteger();

  public IngestService(ActorSystem<?> system, IngestSettings settings, Pseudonymizer pseudonymizer) {
    this.sharding = ClusterSharding.get(system);
    this.settings = settings;
    this.pseudonymizer = pseudonymizer;
    this.executor = system.executionContext();
  }

  public IngestSettings settings() {
    return settings;
  }

  public CompletionStage<Outcome> ingest(List<IngestEvent> events) {
    if (events.isEmpty()) return CompletableFuture.completedFuture(new Outcome(0, 0));
    if (inFlight.incrementAndGet() > settings.maxConcurrentRequests()) {
      inFlight.decrementAndGet();
      return CompletableFuture.failedFuture(new IngestUnavailableException("overloaded",
          "more than " + settings.maxConcurrentRequests() + " ingest requests in flight on this node", null));
    }
    try {
      return dispatch(events).whenCompleteAsync((o, e) -> inFlight.decrementAndGet(), executor);
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  private CompletionStage<Outcome> dispatch(List<IngestEvent> events) {
    Map<String, List<IngestEvent>> byInfluencer = new LinkedHashMap<>();
    Map<String, List<IngestEvent>> byCampaign = new LinkedHashMap<>();
    Set<String> campaignPrimary = new HashSet<>();
    for (IngestEvent raw : events) {
      IngestEvent e = pseudonymizer.apply(raw);
      if (e.influencerId() != null) byInfluencer.computeIfAbsent(e.influencerId(), k -> new ArrayList<>()).add(e);
      else campaignPrimary.add(e.eventId());
      if (e.campaignId() != null) byCampaign.computeIfAbsent(e.campaignId(), k -> new ArrayList<>()).add(e);
    }
    List<CompletableFuture<Integer>> duplicateCounts = new ArrayList<>();
    byInfluencer.forEach((id, group) -> {
      for (List<IngestEvent> chunk : chunks(group)) {
        duplicateCounts.add(askInfluencer(id, chunk).thenApplyAsync(ack -> ack.duplicateIds().size(), executor));
      }
    });
    byCampaign.forEach((id, group) -> {
      for (List<IngestEvent> chunk : chunks(group)) {
        duplicateCounts.add(askCampaign(id, chunk).thenApplyAsync(ack ->
            (int) ack.duplicateIds().stream().filter(campaignPrimary::contains).count(), executor));
      }
    });
    return CompletableFuture.allOf(duplicateCounts.toArray(CompletableFuture[]::new))
        .handleAsync((ignored, failure) -> {
          if (failure != null) throw unavailable(failure);
          int duplicates = duplicateCounts.stream().mapToInt(CompletableFuture::join).sum();
          return new Outcome(events.size() - duplicates, duplicates);
        }, executor);
  }

  private CompletableFuture<BatchAck> askInfluencer(String id, List<IngestEvent> chunk) {
    return sharding.entityRefFor(InfluencerEntity.ENTITY_KEY, id)
        .<BatchAck>askWithStatus(reply -> new InfluencerCommand.RecordBatch(chunk, reply), settings.askTimeout())
        .toCompletableFuture();
  }

  private CompletableFuture<BatchAck> askCampaign(String id, List<IngestEvent> chunk) {
    return sharding.entityRefFor(CampaignEntity.ENTITY_KEY, id)
        .<BatchAck>askWithStatus(reply -> new CampaignCommand.RecordBatch(chunk, reply), settings.askTimeout())
        .toCompletableFuture();
  }

  /** Groups of at most maxEventsPerPersist, or single events when grouping is off. */
  private List<List<IngestEvent>> chunks(List<IngestEvent> group) {
    int size = settings.groupPerEntity() ? settings.maxEventsPerPersist() : 1;
    if (group.size() <= size) return List.of(group);
    List<List<IngestEvent>> chunks = new ArrayList<>();
    for (int i = 0; i < group.size(); i += size) {
      chunks.add(List.copyOf(group.subList(i, Math.min(group.size(), i + size))));
    }
    return chunks;
  }

  private static IngestUnavailableException unavailable(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof IngestUnavailableException u) return u;
    return new IngestUnavailableException("journal_unavailable",
        "events could not be confirmed durable in time (" + cause.getClass().getSimpleName()
            + "); nothing unconfirmed is acknowledged, retry the request", cause);
  }
}
