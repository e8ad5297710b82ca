package io.inflow.node.influencer;

import static io.inflow.node.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import io.inflow.node.influencer.FraudLinks;
import io.inflow.analytics.influencer.InfluencerEvent;
import io.inflow.analytics.influencer.InfluencerState;
import io.inflow.node.ingest.BatchAck;
import io.inflow.node.readmodel.SummaryWriter;
import io.inflow.protocol.event.IngestEvent;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The influencer entity against Pekko's in-memory test journal (unit level; Cassandra is covered elsewhere). */
class InfluencerEntityTest {
  private static final ActorTestKit testKit = ActorTestKit.create(EventSourcedBehaviorTestKit.config()
      .withFallback(ConfigFactory.parseResources("serialization.conf")).resolve());

  private EventSourcedBehaviorTestKit<InfluencerCommand, InfluencerEvent, InfluencerState> kit;
  private TestProbe<SummaryWriter.Command> summaries;

  @BeforeEach
  void setUp() {
    summaries = testKit.createTestProbe();
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), InfluencerEntity.create("anna", SETTINGS, summaries.ref(), FraudLinks.none()),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    kit.clear();
  }

  @AfterAll
  static void tearDown() {
    testKit.shutdownTestKit();
  }

  private static final List<IngestEvent> BATCH = List.of(
      followers("f1", "anna", 50_000),
      metrics("m1", "anna", "p1", "spring", 10, 1000, 100, 10),
      metrics("m2", "anna", "p1", "spring", 20, 3000, 300, 30),
      click("k1", "spring", "anna"));

  @Test
  void aBatchIsPersistedAsOneEventAndAcknowledged() {
    var result = kit.<StatusReply<BatchAck>>runCommand(reply -> new InfluencerCommand.RecordBatch(BATCH, reply));
    assertEquals(List.of(new InfluencerEvent.BatchRecorded(BATCH)), result.events());
    assertEquals(new BatchAck(4, List.of()), result.reply().getValue());
    var view = result.state().view();
    assertEquals(3000, view.views());
    assertEquals(330, view.engagements());
    assertEquals(1, view.clicks());
    assertEquals("micro", view.tier());
    assertEquals(new SummaryWriter.Changed(false, "anna"), summaries.receiveMessage());
    assertEquals(List.of("spring"), view.campaigns());
  }

  @Test
  void aRetriedBatchPersistsNothingAndReportsDuplicates() {
    kit.<StatusReply<BatchAck>>runCommand(reply -> new InfluencerCommand.RecordBatch(BATCH, reply));
    var again = kit.<StatusReply<BatchAck>>runCommand(reply -> new InfluencerCommand.RecordBatch(BATCH, reply));
    assertTrue(again.hasNoEvents());
    assertEquals(List.of("f1", "m1", "m2", "k1"), again.reply().getValue().duplicateIds());
    assertEquals(4, again.state().view().eventsRecorded());
  }

  @Test
  void theSummaryRowCarriesTheFraudScoreWhenScoringIsOn() {
    kit.<StatusReply<BatchAck>>runCommand(reply -> new InfluencerCommand.RecordBatch(BATCH, reply));
    var row = kit.<InfluencerCommand.SummaryReply>runCommand(InfluencerCommand.GetSummary::new).reply().item();
    var report = kit.<InfluencerCommand.FraudReply>runCommand(InfluencerCommand.GetFraud::new).reply().report();
    assertEquals(report.score(), row.fraudScore());
    assertEquals(report.level(), row.fraudLevel());
    assertEquals(List.of(), row.partners());

    var off = new io.inflow.node.EntitySettings(SETTINGS.snapshotEveryEvents(), SETTINGS.snapshotsKept(),
        SETTINGS.dedupWindow(), SETTINGS.tagBuckets(), SETTINGS.backoffMin(), SETTINGS.backoffMax(),
        SETTINGS.kpi(), null, null, SETTINGS.crisis());
    var unscored = testKit.spawn(InfluencerEntity.create("unscored", off, null, FraudLinks.none()));
    TestProbe<StatusReply<BatchAck>> acks = testKit.createTestProbe();
    unscored.tell(new InfluencerCommand.RecordBatch(List.of(followers("f9", "unscored", 5_000)), acks.ref()));
    assertTrue(acks.receiveMessage().isSuccess());
    TestProbe<InfluencerCommand.SummaryReply> summary = testKit.createTestProbe();
    unscored.tell(new InfluencerCommand.GetSummary(summary.ref()));
    var unscoredRow = summary.receiveMessage().item();
    assertEquals(5_000, unscoredRow.followers());
    assertNull(unscoredRow.fraudScore(), "fraud scoring off");
    assertNull(unscoredRow.fraudLevel());
  }

  @Test
  void unknownInfluencerHasNoView() {
    var result = kit.<InfluencerCommand.InfluencerReply>runCommand(InfluencerCommand.GetInfluencer::new);
    assertNull(result.reply().view());
  }

  @Test
  void stateSurvivesRestartThroughSnapshotsAndEvents() {
    for (int i = 0; i < 7; i++) { // snapshot every 3 persisted events
      var batch = List.<IngestEvent>of(click("k" + i, "spring", "anna"), metrics("m" + i, "anna", "p" + i, null, i, 10, 1, 0));
      kit.<StatusReply<BatchAck>>runCommand(reply -> new InfluencerCommand.RecordBatch(batch, reply));
    }
    var before = kit.<InfluencerCommand.InfluencerReply>runCommand(InfluencerCommand.GetInfluencer::new).reply().view();
    kit.restart();
    var after = kit.<InfluencerCommand.InfluencerReply>runCommand(InfluencerCommand.GetInfluencer::new).reply().view();
    assertEquals(before, after);
    assertEquals(7, after.clicks());
    var retried = kit.<StatusReply<BatchAck>>runCommand(reply ->
        new InfluencerCommand.RecordBatch(List.of(click("k0", "spring", "anna")), reply));
    assertEquals(List.of("k0"), retried.reply().getValue().duplicateIds(), "dedup ids survive snapshots");
  }

  @Test
  void aFailedPersistIsNeverAcknowledgedAndTheEntityRecovers() {
    PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
    var entity = testKit.spawn(InfluencerEntity.create("bob", SETTINGS, null, FraudLinks.none()));
    TestProbe<StatusReply<BatchAck>> probe = testKit.createTestProbe();
    journal.failNextPersisted();
    entity.tell(new InfluencerCommand.RecordBatch(List.of(click("x1", "c", "bob")), probe.ref()));
    probe.expectNoMessage(Duration.ofMillis(700));
    // restarted with backoff from the journal: the failed event is not there, so the retry persists it
    entity.tell(new InfluencerCommand.RecordBatch(List.of(click("x1", "c", "bob")), probe.ref()));
    assertEquals(new BatchAck(1, List.of()), probe.receiveMessage(Duration.ofSeconds(5)).getValue());
  }
}
