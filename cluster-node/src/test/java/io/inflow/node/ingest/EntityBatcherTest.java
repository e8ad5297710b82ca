package io.inflow.node.ingest;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.IngestEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Group commit: one ask in flight per entity, parts arriving meanwhile merged into the next. */
class EntityBatcherTest {

  /** Asks as the batcher sent them; each completes when the test says so. */
  private static final class Entities implements EntityBatcher.Sender {
    record Ask(EntityBatcher.Target target, List<IngestEvent> events, CompletableFuture<BatchAck> reply) {}

    final List<Ask> asks = new ArrayList<>();

    @Override
    public synchronized CompletionStage<BatchAck> send(EntityBatcher.Target target, List<IngestEvent> events) {
      Ask ask = new Ask(target, events, new CompletableFuture<>());
      asks.add(ask);
      return ask.reply();
    }

    synchronized void ackAll(int index) {
      Ask ask = asks.get(index);
      ask.reply().complete(new BatchAck(ask.events().size(), List.of()));
    }
  }

  private static IngestSettings settings(boolean grouping, int maxEventsPerPersist, int maxAsksInFlight, int capacity) {
    return settings(grouping, maxEventsPerPersist, maxAsksInFlight, 1, capacity);
  }

  private static IngestSettings settings(boolean grouping, int maxEventsPerPersist, int maxAsksInFlight,
      int asksPerEntity, int capacity) {
    return new IngestSettings(grouping, maxEventsPerPersist, Duration.ofSeconds(5), 64, 1 << 20, 2,
        maxAsksInFlight, maxAsksInFlight, Duration.ofSeconds(1), asksPerEntity, capacity);
  }

  /** A batcher whose asks in flight float from {@code min} to {@code max}, target 1 s, on the test's clock. */
  private static EntityBatcher adaptive(int min, int max, Entities entities, java.util.concurrent.atomic.AtomicLong nanos) {
    return new EntityBatcher(new IngestSettings(true, 500, Duration.ofSeconds(5), 64, 1 << 20, 2,
        min, max, Duration.ofSeconds(1), 1, 100), entities, nanos::get);
  }

  private static final EntityBatcher.Target ANNA = new EntityBatcher.Target(false, "anna");
  private static final EntityBatcher.Target BOB = new EntityBatcher.Target(false, "bob");
  private static final EntityBatcher.Target SPRING = new EntityBatcher.Target(true, "spring");

  private static EntityBatcher.Part part(EntityBatcher.Target target, String... ids) {
    List<IngestEvent> events = new ArrayList<>();
    for (String id : ids) events.add(new Click(id, "spring", "anna", Instant.parse("2026-11-01T00:00:00Z"), null));
    return new EntityBatcher.Part(target, events, new CompletableFuture<>());
  }

  @Test
  void anIdleEntityIsAskedAtOnceAndPartsArrivingMeanwhileShareItsNextPersist() {
    Entities entities = new Entities();
    EntityBatcher batcher = new EntityBatcher(settings(true, 500, 16, 100), entities);
    var first = part(ANNA, "a1");
    assertTrue(batcher.offer(first));
    assertEquals(1, entities.asks.size(), "no merge window: sent at once");

    var second = part(ANNA, "a2", "a3");
    var third = part(ANNA, "a4");
    var other = part(SPRING, "s1");
    batcher.offer(second);
    batcher.offer(third);
    batcher.offer(other);
    assertEquals(2, entities.asks.size(), "anna waits for her persist; spring is asked at once");
    assertEquals(SPRING, entities.asks.get(1).target());

    entities.ackAll(0);
    assertEquals(1, first.done().join().persisted());
    assertEquals(3, entities.asks.size());
    assertEquals(List.of("a2", "a3", "a4"), entities.asks.get(2).events().stream().map(IngestEvent::eventId).toList(),
        "both waiting parts in one ask");
    assertFalse(second.done().isDone(), "acknowledged only after its persist");
    entities.ackAll(2);
    assertEquals(2, second.done().join().persisted());
    assertEquals(1, third.done().join().persisted());
  }

  @Test
  void aMergedAskHoldsAtMostMaxEventsPerPersist() {
    Entities entities = new Entities();
    EntityBatcher batcher = new EntityBatcher(settings(true, 3, 16, 100), entities);
    batcher.offer(part(ANNA, "a0"));
    batcher.offer(part(ANNA, "a1", "a2"));
    batcher.offer(part(ANNA, "a3", "a4"));
    entities.ackAll(0);
    assertEquals(2, entities.asks.get(1).events().size(), "a3, a4 would exceed 3");
    entities.ackAll(1);
    assertEquals(List.of("a3", "a4"), entities.asks.get(2).events().stream().map(IngestEvent::eventId).toList());
  }

  @Test
  void theNodeWideLimitQueuesEntitiesInArrivalOrderAndAFullQueueRefuses() {
    Entities entities = new Entities();
    EntityBatcher batcher = new EntityBatcher(settings(true, 500, 1, 2), entities);
    batcher.offer(part(ANNA, "a1"));
    assertTrue(batcher.offer(part(BOB, "b1")));
    assertTrue(batcher.offer(part(ANNA, "a2")));
    assertFalse(batcher.offer(part(BOB, "b2")), "two parts wait already: saturated");
    assertEquals(1, entities.asks.size());
    entities.ackAll(0);
    assertEquals(BOB, entities.asks.get(1).target(), "bob waited first");
    entities.ackAll(1);
    assertEquals(ANNA, entities.asks.get(2).target());
  }

  @Test
  void campaignsTakeReservedSlotsWhenInfluencersHoldEveryOtherAndGoFirstInTheQueue() {
    Entities entities = new Entities();
    // 8 slots, and a reserve of 4 beyond them that only campaigns may take
    EntityBatcher batcher = new EntityBatcher(settings(true, 500, 8, 100), entities);
    for (int i = 0; i < 9; i++) batcher.offer(part(new EntityBatcher.Target(false, "inf-" + i), "i" + i));
    assertEquals(8, entities.asks.size(), "the ninth influencer waits for a slot");
    for (int i = 0; i < 4; i++) batcher.offer(part(new EntityBatcher.Target(true, "camp-" + i), "c" + i));
    assertEquals(12, entities.asks.size(), "campaigns went at once, on the reserve");
    assertTrue(entities.asks.subList(8, 12).stream().allMatch(a -> a.target().campaign()));
    batcher.offer(part(SPRING, "s1"));
    assertEquals(12, entities.asks.size(), "the reserve is full too");
    entities.ackAll(0);
    assertEquals(SPRING, entities.asks.get(12).target(), "the waiting campaign goes before the waiting influencer");
    for (int i = 8; i < 12; i++) entities.ackAll(i);
    assertEquals(13, entities.asks.size(), "7 influencers and spring hold the 8 slots: inf-8 still waits");
    entities.ackAll(12);
    assertEquals("inf-8", entities.asks.get(13).target().id());
  }

  @Test
  void theNodeAllowsMoreAsksWhileInfluencerPartsWaitOverTheTargetAndFewerOnceTheyWaitUnderHalfOfIt() {
    Entities entities = new Entities();
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    EntityBatcher batcher = adaptive(1, 3, entities, nanos); // one second's wait as the target
    var carol = new EntityBatcher.Target(false, "carol");
    var dave = new EntityBatcher.Target(false, "dave");
    var erin = new EntityBatcher.Target(false, "erin");
    batcher.offer(part(ANNA, "a1"));
    batcher.offer(part(BOB, "b1"));
    batcher.offer(part(carol, "c1"));
    batcher.offer(part(dave, "d1"));
    assertEquals(1, entities.asks.size(), "one ask at first");
    assertEquals(1, batcher.limit());

    nanos.set(Duration.ofMillis(1500).toNanos());
    entities.ackAll(0);
    assertEquals(List.of(BOB, carol, dave), entities.asks.subList(1, 4).stream().map(Entities.Ask::target).toList(),
        "bob and carol waited 1.5 s: one slot more for each, and dave takes the second");
    assertEquals(3, batcher.limit(), "never more than max-asks-in-flight");

    batcher.offer(part(erin, "e1"));
    batcher.offer(part(ANNA, "a2"));
    nanos.addAndGet(Duration.ofMillis(200).toNanos());
    entities.ackAll(1);
    assertEquals(erin, entities.asks.get(4).target());
    assertEquals(2, batcher.limit(), "erin waited 0.2 s, under half the target: one slot fewer");
    entities.ackAll(2);
    assertEquals(5, entities.asks.size(), "dave and erin hold the 2 slots: anna waits");
    entities.ackAll(3);
    assertEquals(ANNA, entities.asks.get(5).target());
    assertEquals(2, batcher.limit(), "anna waited 0.2 s too, but the limit fell a moment ago: it falls slowly");

    batcher.offer(part(BOB, "b2"));
    nanos.addAndGet(Duration.ofMillis(125).toNanos());
    entities.ackAll(4);
    assertEquals(BOB, entities.asks.get(6).target());
    assertEquals(1, batcher.limit(), "an eighth of the target later it may fall again");
  }

  @Test
  void campaignPartsDoNotMoveTheLimit() {
    Entities entities = new Entities();
    java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
    EntityBatcher batcher = adaptive(1, 8, entities, nanos);
    batcher.offer(part(SPRING, "s1"));
    batcher.offer(part(SPRING, "s2"));
    nanos.set(Duration.ofSeconds(5).toNanos());
    entities.ackAll(0);
    assertEquals(2, entities.asks.size());
    assertEquals(1, batcher.limit(), "a campaign's wait says nothing about the influencers' backlog");
  }

  @Test
  void minAsksInFlightMustFitUnderTheMaximum() {
    var e = assertThrows(IllegalArgumentException.class, () -> new IngestSettings(true, 500, Duration.ofSeconds(5),
        64, 1 << 20, 2, 9, 8, Duration.ofSeconds(1), 1, 100));
    assertTrue(e.getMessage().contains("min-asks-in-flight"), e.getMessage());
  }

  @Test
  void aFailedPersistFailsEveryMergedPartAndTheEntityCanBeAskedAgain() {
    Entities entities = new Entities();
    EntityBatcher batcher = new EntityBatcher(settings(true, 500, 16, 100), entities);
    batcher.offer(part(ANNA, "a0"));
    var second = part(ANNA, "a1");
    var third = part(ANNA, "a2");
    batcher.offer(second);
    batcher.offer(third);
    entities.ackAll(0);
    entities.asks.get(1).reply().completeExceptionally(new IllegalStateException("journal down"));
    assertTrue(second.done().isCompletedExceptionally());
    assertTrue(third.done().isCompletedExceptionally());
    var retry = part(ANNA, "a1");
    batcher.offer(retry);
    assertEquals(3, entities.asks.size(), "nothing stays in flight after a failure");
  }

  @Test
  void withGroupingOffEveryPartIsItsOwnAsk() {
    Entities entities = new Entities();
    EntityBatcher batcher = new EntityBatcher(settings(false, 500, 16, 100), entities);
    batcher.offer(part(ANNA, "a1"));
    batcher.offer(part(ANNA, "a2"));
    assertEquals(2, entities.asks.size());
  }

  @Test
  void withTwoAsksPerEntityTheSecondGoesAtOnceAndOnlyLaterPartsWaitToBeMerged() {
    Entities entities = new Entities();
    EntityBatcher batcher = new EntityBatcher(settings(true, 500, 16, 2, 100), entities);
    batcher.offer(part(ANNA, "a1"));
    batcher.offer(part(ANNA, "a2"));
    assertEquals(2, entities.asks.size(), "two persists of anna may run at once");
    batcher.offer(part(ANNA, "a3"));
    batcher.offer(part(ANNA, "a4"));
    assertEquals(2, entities.asks.size(), "both busy: a3 and a4 wait");
    entities.ackAll(0);
    assertEquals(List.of("a3", "a4"), entities.asks.get(2).events().stream().map(IngestEvent::eventId).toList());
  }
}
