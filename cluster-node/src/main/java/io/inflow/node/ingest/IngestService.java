package io.inflow.node.ingest;

import io.inflow.node.privacy.Pseudonymizer;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.analytics.sentiment.SentimentAnalyzer;
import io.inflow.protocol.event.CommentPosted;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Routes validated events to the entities they concern and completes only when every one of them is
 * durable. Each event goes to its influencer and, when it names one, its campaign. With grouping on,
 * a request's events are grouped per entity, and {@link EntityBatcher} merges groups of concurrent
 * requests for the same entity, so each entity persists one event per merged group. The result
 * fails — and nothing is acknowledged — if any entity does not confirm in time; the caller answers
 * 503 and the client's retry is safe because entities drop event ids they already hold.
 */
public final class IngestService {

  /** What a request achieved: new durable events and events that were already known. */
  public record Outcome(int accepted, int duplicates) {}

  private final IngestSettings settings;
  private final Pseudonymizer pseudonymizer;
  private final SentimentAnalyzer sentiment;
  private final Executor executor;
  private final EntityBatcher batcher;
  private final AtomicInteger inFlight = new AtomicInteger();

  /** @param sentiment classifies each comment before it is routed (its result is persisted with it) */
  public IngestService(ActorSystem<?> system, IngestSettings settings, Pseudonymizer pseudonymizer,
      SentimentAnalyzer sentiment) {
    this.settings = settings;
    this.pseudonymizer = pseudonymizer;
    this.sentiment = sentiment;
    this.executor = system.executionContext();
    this.batcher = new EntityBatcher(system, settings);
  }

  public IngestSettings settings() {
    return settings;
  }

  public CompletionStage<Outcome> ingest(List<IngestEvent> events) {
    if (events.isEmpty()) return CompletableFuture.completedFuture(new Outcome(0, 0));
    if (inFlight.incrementAndGet() > settings.maxConcurrentRequests()) {
      inFlight.decrementAndGet();
      return CompletableFuture.failedFuture(overloaded(
          "more than " + settings.maxConcurrentRequests() + " ingest requests in flight on this node"));
    }
    try {
      return dispatch(events).whenCompleteAsync((o, e) -> inFlight.decrementAndGet(), executor);
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  private CompletionStage<Outcome> dispatch(List<IngestEvent> events) {
    // Group by raw event first (cheap), then pseudonymise and classify group by group, campaigns
    // first and the smallest first: a campaign's part is on its way to the entity before the rest
    // of the request is prepared. Campaign entities feed live subscribers, and a request's campaign
    // parts are few, so they wait neither for the request's comments to be classified nor behind
    // its influencer parts. An event is prepared once and the same object goes to both its entities.
    Map<EntityBatcher.Target, List<IngestEvent>> campaignGroups = new LinkedHashMap<>();
    Map<EntityBatcher.Target, List<IngestEvent>> influencerGroups = new LinkedHashMap<>();
    for (IngestEvent e : events) {
      if (e.influencerId() != null) {
        influencerGroups.computeIfAbsent(new EntityBatcher.Target(false, e.influencerId()), k -> new ArrayList<>()).add(e);
      }
      if (e.campaignId() != null) {
        campaignGroups.computeIfAbsent(new EntityBatcher.Target(true, e.campaignId()), k -> new ArrayList<>()).add(e);
      }
    }
    Map<IngestEvent, IngestEvent> prepared = new IdentityHashMap<>(events.size() * 2);
    List<Map.Entry<EntityBatcher.Target, List<IngestEvent>>> ordered = new ArrayList<>(campaignGroups.entrySet());
    ordered.sort(Comparator.comparingInt(g -> g.getValue().size()));
    ordered.addAll(influencerGroups.entrySet());
    List<CompletableFuture<BatchAck>> influencerAcks = new ArrayList<>();
    List<CompletableFuture<BatchAck>> campaignAcks = new ArrayList<>();
    List<List<IngestEvent>> campaignParts = new ArrayList<>();
    for (var group : ordered) {
      List<IngestEvent> ready = new ArrayList<>(group.getValue().size());
      for (IngestEvent raw : group.getValue()) ready.add(prepared.computeIfAbsent(raw, this::prepare));
      for (List<IngestEvent> chunk : chunks(ready)) {
        var part = new EntityBatcher.Part(group.getKey(), chunk, new CompletableFuture<>());
        if (!batcher.offer(part)) {
          // parts already offered still persist; the client's retry of the whole request is safe
          return CompletableFuture.failedFuture(overloaded("the node's ingest queue is full"));
        }
        if (group.getKey().campaign()) {
          campaignAcks.add(part.done());
          campaignParts.add(chunk);
        } else {
          influencerAcks.add(part.done());
        }
      }
    }
    List<CompletableFuture<BatchAck>> all = new ArrayList<>(influencerAcks);
    all.addAll(campaignAcks);
    int total = events.size(); // the raw events are not kept while the request waits for its acks
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .handleAsync((ignored, failure) -> {
          if (failure != null) throw unavailable(failure);
          // an event's duplicate status is decided by its primary entity: its influencer, else its campaign
          int duplicates = influencerAcks.stream().mapToInt(a -> a.join().duplicateIds().size()).sum();
          for (int i = 0; i < campaignAcks.size(); i++) {
            duplicates += campaignPrimaryDuplicates(campaignParts.get(i), campaignAcks.get(i).join().duplicateIds());
          }
          return new Outcome(total - duplicates, duplicates);
        }, executor);
  }

  /**
   * How many of a campaign part's duplicate occurrences are of events without an influencer (whose
   * duplicate status the campaign decides). The entity lists every duplicate occurrence by id; of an
   * id's occurrences in the part, the last ones are the duplicates (once an id is held, every later
   * occurrence repeats it). Counting by id alone would also count an influencer event that shares
   * its id with a campaign-only event of the same request.
   */
  static int campaignPrimaryDuplicates(List<IngestEvent> part, List<String> duplicateIds) {
    if (duplicateIds.isEmpty()) return 0;
    Map<String, Integer> listed = new HashMap<>();
    for (String id : duplicateIds) listed.merge(id, 1, Integer::sum);
    Map<String, Integer> after = new HashMap<>(); // occurrences of the id from here to the end
    for (IngestEvent e : part) if (listed.containsKey(e.eventId())) after.merge(e.eventId(), 1, Integer::sum);
    int count = 0;
    for (IngestEvent e : part) {
      Integer duplicates = listed.get(e.eventId());
      if (duplicates == null) continue;
      int fromHere = after.merge(e.eventId(), -1, Integer::sum) + 1;
      if (fromHere <= duplicates && e.influencerId() == null) count++;
    }
    return count;
  }

  /** Pseudonymises an event and classifies a comment's sentiment (persisted with it). */
  private IngestEvent prepare(IngestEvent raw) {
    IngestEvent e = pseudonymizer.apply(raw);
    if (e instanceof CommentPosted c && c.sentiment() == null) e = c.withSentiment(sentiment.classify(c.text()));
    return e;
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

  private IngestUnavailableException overloaded(String why) {
    return new IngestUnavailableException("overloaded", why + "; retry later", null);
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
