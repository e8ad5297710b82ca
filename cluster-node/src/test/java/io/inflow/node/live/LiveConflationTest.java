package io.inflow.node.live;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.protocol.api.CampaignView;
import io.inflow.protocol.api.LiveMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.testkit.TestSubscriber;
import org.apache.pekko.stream.testkit.javadsl.TestSink;
import org.apache.pekko.stream.typed.javadsl.ActorSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The per-subscriber stream of {@link LiveUpdates} on its own, fed through the same actor source as a
 * WebSocket session: a subscriber that asks for nothing holds one pending state, older versions
 * never follow newer ones, the first message stays a snapshot, and the rate is capped.
 */
class LiveConflationTest {
  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final Duration INTERVAL = Duration.ofMillis(200);

  @AfterAll
  static void tearDown() {
    testKit.shutdownTestKit();
  }

  private static CampaignView view(long clicks) {
    return new CampaignView("c", true, "acme", "C", BigDecimal.TEN, "EUR", null, null, List.of(), Map.of(),
        BigDecimal.ZERO, BigDecimal.ZERO, Map.of(), Map.of(), 0, clicks, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, clicks, null, null, List.of(), null);
  }

  private static CampaignUpdate update(long version) {
    return new CampaignUpdate("c", version, Instant.now(), view(version));
  }

  private static Pair<ActorRef<CampaignUpdate>, TestSubscriber.Probe<LiveMessage>> run(long snapshotVersion) {
    return frames(snapshotVersion, s -> s.map(LiveUpdates.Frame::message));
  }

  private static <T> Pair<ActorRef<CampaignUpdate>, TestSubscriber.Probe<T>> frames(long snapshotVersion,
      java.util.function.Function<Source<LiveUpdates.Frame, ActorRef<CampaignUpdate>>, Source<T, ActorRef<CampaignUpdate>>> then) {
    Source<CampaignUpdate, ActorRef<CampaignUpdate>> session =
        ActorSource.actorRef(u -> false, u -> Optional.empty(), 16, OverflowStrategy.dropHead());
    return then.apply(LiveUpdates.conflated(LiveMessage.snapshot(view(snapshotVersion), snapshotVersion, null), session,
            INTERVAL))
        .toMat(TestSink.<T>probe(testKit.system().classicSystem()), Keep.both())
        .run(testKit.system());
  }

  @Test
  void updatesGoOutAsTheJsonTheFeedWroteOnceAndAMergedSnapshotIsWrittenAsASnapshot() {
    CampaignUpdate shared = update(7);
    assertEquals(io.inflow.protocol.codec.Json.write(shared.message()), shared.json());

    // two sessions of one feed get the very same string: one serialisation per state, not per session
    for (int session = 0; session < 2; session++) {
      var stream = frames(5, s -> s.map(LiveUpdates.Frame::json));
      stream.second().request(1);
      assertTrue(stream.second().expectNext().contains("\"type\":\"snapshot\""));
      stream.first().tell(shared);
      stream.second().request(1);
      assertSame(shared.json(), stream.second().expectNext());
    }

    // an update merged into the snapshot before the first pull is written again, as a snapshot
    var merged = frames(5, s -> s.map(LiveUpdates.Frame::json));
    merged.first().tell(shared);
    subscriberIdle();
    merged.second().request(1);
    String json = merged.second().expectNext();
    assertTrue(json.contains("\"type\":\"snapshot\"") && json.contains("\"version\":7"), json);
  }

  @Test
  void aStalledSubscriberGetsOnlyTheLatestOfThousandsOfStates() {
    var stream = run(5);
    TestSubscriber.Probe<LiveMessage> subscriber = stream.second();
    subscriber.request(1);
    LiveMessage snapshot = subscriber.expectNext();
    assertEquals(LiveMessage.Type.SNAPSHOT, snapshot.type());
    assertEquals(5, snapshot.version());

    for (long v = 6; v <= 5_005; v++) stream.first().tell(update(v));
    stream.first().tell(update(3)); // older than anything sent: dropped
    subscriber.expectNoMessage(Duration.ofMillis(300));

    subscriber.request(100);
    // normally exactly the latest; one earlier state only if the burst was still being drained
    List<LiveMessage> received = new ArrayList<>();
    while (received.isEmpty() || received.get(received.size() - 1).version() < 5_005) {
      received.add(subscriber.expectNext(Duration.ofSeconds(3)));
    }
    assertTrue(received.size() <= 2, "a stalled subscriber got " + received.size() + " of 5,000 states");
    LiveMessage latest = received.get(received.size() - 1);
    assertEquals(LiveMessage.Type.UPDATE, latest.type());
    assertEquals(5_005, latest.version());
    assertEquals(5_005, latest.campaign().clicks());
    subscriber.expectNoMessage(Duration.ofMillis(500));
    subscriber.cancel();
  }

  @Test
  void updatesBeforeTheFirstPullMergeIntoTheSnapshotAndOlderVersionsAreDropped() {
    var stream = run(10);
    stream.first().tell(update(4));
    stream.first().tell(update(12));
    stream.first().tell(update(11));
    subscriberIdle();
    TestSubscriber.Probe<LiveMessage> subscriber = stream.second();
    subscriber.request(10);
    LiveMessage first = subscriber.expectNext();
    assertEquals(LiveMessage.Type.SNAPSHOT, first.type());
    assertEquals(12, first.version(), "the snapshot carries the newest state");
    stream.first().tell(update(12));
    stream.first().tell(update(9));
    stream.first().tell(update(13));
    LiveMessage next = subscriber.expectNext(Duration.ofSeconds(2));
    assertEquals(13, next.version());
    subscriber.expectNoMessage(Duration.ofMillis(400));
    subscriber.cancel();
  }

  @Test
  void aFastSubscriberGetsAtMostOneMessagePerInterval() throws InterruptedException {
    var stream = run(0);
    TestSubscriber.Probe<LiveMessage> subscriber = stream.second();
    subscriber.request(Long.MAX_VALUE);
    assertEquals(0, subscriber.expectNext().version());
    long began = System.nanoTime();
    for (long v = 1; v <= 100; v++) {
      stream.first().tell(update(v));
      Thread.sleep(10);
    }
    List<LiveMessage> received = new ArrayList<>();
    while (received.isEmpty() || received.get(received.size() - 1).version() < 100) {
      received.add(subscriber.expectNext(Duration.ofSeconds(3)));
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    assertTrue(received.size() <= seconds / 0.2 + 1, received.size() + " messages in " + seconds + " s");
    for (int i = 1; i < received.size(); i++) {
      assertTrue(received.get(i).version() > received.get(i - 1).version());
    }
    subscriber.cancel();
  }

  private static void subscriberIdle() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
