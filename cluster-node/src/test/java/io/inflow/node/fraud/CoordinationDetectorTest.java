package io.inflow.node.fraud;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.inflow.analytics.fraud.CoordinationFinding;
import io.inflow.analytics.fraud.CoordinationIndex;
import io.inflow.analytics.fraud.CoordinationSettings;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.IngestEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector as a cluster singleton on a one-node cluster: pod comments sent through the proxy
 * come back as findings through the consumer. Every message is serialised on the way
 * ({@code serialize-messages}), as it would be between nodes.
 */
class CoordinationDetectorTest {
  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
  private static ActorTestKit testKit;

  @BeforeAll
  static void startCluster() {
    Config config = ConfigFactory.parseString("""
        pekko.remote.artery.canonical.hostname = "127.0.0.1"
        pekko.remote.artery.canonical.port = 0
        pekko.actor.serialize-messages = on
        pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
        """).withFallback(ConfigFactory.load()).resolve();
    testKit = ActorTestKit.create("CoordinationDetectorTest", config);
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    TestProbe<Object> wait = testKit.createTestProbe();
    wait.awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(MemberStatus.up(), cluster.selfMember().status());
      return null;
    });
  }

  @AfterAll
  static void stop() {
    if (testKit != null) testKit.shutdownTestKit();
  }

  @Test
  void podCommentsComeBackAsFindingsThroughTheConsumer() {
    TestProbe<CoordinationFinding> delivered = testKit.createTestProbe();
    ActorRef<CoordinationDetector.Command> detector = CoordinationDetector.init(testKit.system(),
        CoordinationSettings.defaults(), Duration.ofMillis(200), delivered.getRef()::tell);

    // five influencers post in turn every two hours; the same 25 accounts comment within the first hour
    List<IngestEvent> events = new ArrayList<>();
    for (int turn = 0; turn < 10; turn++) {
      String influencer = "member-" + (turn % 5);
      String post = influencer + "-post-" + turn;
      Instant published = T0.plus(Duration.ofHours(2L * turn));
      for (int a = 0; a < 25; a++) {
        events.add(new CommentPosted("e-" + turn + "-" + a, influencer, post, null, "c-" + turn + "-" + a,
            "pod-account-" + a, "so true 🔥", published.plusSeconds(90L * a)));
      }
      events.add(new Click("click-" + turn, "campaign", influencer, published, "visitor"));
    }
    List<CoordinationDetector.CommentSeen> comments = CoordinationDetector.from(events);
    assertEquals(250, comments.size(), "clicks are not comments");
    for (int i = 0; i < comments.size(); i += 50) {
      detector.tell(new CoordinationDetector.Comments(comments.subList(i, Math.min(comments.size(), i + 50))));
    }

    // a tick may fall between two batches and deliver a finding from part of the comments; wait for
    // every influencer's finding over both of its posts, then check it whole
    Map<String, CoordinationFinding> latest = new HashMap<>();
    while (latest.size() < 5 || latest.values().stream().anyMatch(f -> f.postsSeen() < 2)) {
      CoordinationFinding f = delivered.receiveMessage(Duration.ofSeconds(15));
      latest.put(f.influencerId(), f);
    }
    for (CoordinationFinding f : latest.values()) {
      assertEquals(4, f.partnerInfluencers(), f.toString());
      assertEquals(2, f.postsSeen(), f.toString());
      assertEquals(25, f.sharedAuthorsMax(), f.toString());
    }
    delivered.expectNoMessage(Duration.ofMillis(600)); // nothing changed since
  }

  @Test
  void messagesAndFindingsSurviveTheWireAsCbor() {
    var serialization = SerializationExtension.get(testKit.system());
    var finding = new CoordinationFinding("anna", 3, 2, 7, 24, List.of("bob", "cem", "dora"), T0);
    var comments = new CoordinationDetector.Comments(List.of(new CoordinationDetector.CommentSeen(-42L, "anna", "p", T0)));
    for (Object message : List.of(finding, comments)) {
      var serializer = serialization.findSerializerFor(message);
      assertEquals("JacksonCborSerializer", serializer.getClass().getSimpleName());
      byte[] bytes = serialization.serialize(message).get();
      assertEquals(message, serialization.deserialize(bytes, serializer.identifier(),
          ((org.apache.pekko.serialization.SerializerWithStringManifest) serializer).manifest(message)).get());
    }
  }

  @Test
  void commentsAreKeyedByTheHashOfTheirPseudonym() {
    var c = new CommentPosted("e", "anna", "p", null, "c", "author-1", "hi", T0);
    assertEquals(List.of(new CoordinationDetector.CommentSeen(CoordinationIndex.authorKey("author-1"), "anna", "p", T0)),
        CoordinationDetector.from(List.of(c, c.withAuthorId(null))));
  }

  @Test
  void theShippedSettingsAreTheDocumentedDefaults() {
    var settings = CoordinationDetectorSettings.fromConfig(ConfigFactory.load().getConfig("inflow"));
    assertEquals(CoordinationSettings.defaults(), settings.index());
    assertEquals(Duration.ofSeconds(5), settings.interval());
  }

  @Test
  void badValuesNameTheKeyAtFault() {
    var share = assertThrows(IllegalArgumentException.class, () -> parse("min-shared-share = 2"));
    assertTrue(share.getMessage().startsWith("inflow.fraud.coordination.min-shared-share"), share.getMessage());
    var posts = assertThrows(IllegalArgumentException.class, () -> parse("max-posts = 0"));
    assertTrue(posts.getMessage().startsWith("inflow.fraud.coordination.max-posts"), posts.getMessage());
    var interval = assertThrows(IllegalArgumentException.class, () -> parse("interval = 0s"));
    assertTrue(interval.getMessage().startsWith("inflow.fraud.coordination.interval"), interval.getMessage());
    var window = assertThrows(ConfigException.class, () -> parse("window = soon"));
    assertTrue(window.getMessage().contains("inflow.fraud.coordination.window"), window.getMessage());
  }

  private static CoordinationDetectorSettings parse(String coordination) {
    return CoordinationDetectorSettings.fromConfig(ConfigFactory.parseString("fraud.coordination { " + coordination + " }")
        .withFallback(ConfigFactory.load().getConfig("inflow")));
  }
}
