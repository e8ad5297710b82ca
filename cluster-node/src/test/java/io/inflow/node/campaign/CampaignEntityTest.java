package io.inflow.node.campaign;

import static io.inflow.node.TestEvents.*;
import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import io.inflow.analytics.campaign.CampaignEvent;
import io.inflow.analytics.campaign.CampaignState;
import io.inflow.node.ingest.BatchAck;
import io.inflow.node.live.LiveRegistry;
import io.inflow.node.live.LiveWatchers;
import io.inflow.protocol.api.CampaignView;
import io.inflow.protocol.event.IngestEvent;
import java.math.BigDecimal;
import java.util.List;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignEntityTest {
  private static final ActorTestKit testKit = ActorTestKit.create(EventSourcedBehaviorTestKit.config()
      .withFallback(ConfigFactory.parseResources("serialization.conf")).resolve());

  private EventSourcedBehaviorTestKit<CampaignCommand, CampaignEvent, CampaignState> kit;
  private TestProbe<LiveRegistry.Command> live;
  private TestProbe<io.inflow.node.readmodel.SummaryWriter.Command> summaries;
  private LiveWatchers watchers;

  @BeforeEach
  void setUp() {
    live = testKit.createTestProbe(LiveRegistry.Command.class);
    summaries = testKit.createTestProbe();
    watchers = new LiveWatchers();
    kit = EventSourcedBehaviorTestKit.create(testKit.system(),
        CampaignEntity.create("spring", SETTINGS, summaries.ref(), live.ref(), watchers),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    kit.clear();
  }

  @AfterAll
  static void tearDown() {
    testKit.shutdownTestKit();
  }

  @Test
  void definingPersistsTheDefinitionOnceAndRepliesWithTheView() {
    var result = kit.<StatusReply<CampaignView>>runCommand(reply -> new CampaignCommand.DefineCampaign(definition("acme"), reply));
    assertEquals(1, result.events().size());
    assertTrue(result.events().get(0) instanceof CampaignEvent.CampaignDefined);
    assertEquals("acme", result.reply().getValue().brandId());
    assertEquals(new io.inflow.node.readmodel.SummaryWriter.Changed(true, "spring"), summaries.receiveMessage());
    var same = kit.<StatusReply<CampaignView>>runCommand(reply -> new CampaignCommand.DefineCampaign(definition("acme"), reply));
    assertTrue(same.hasNoEvents(), "an identical definition persists nothing");
  }

  @Test
  void batchesTotalSpendAndCountersAndIgnoreRetries() {
    kit.<StatusReply<CampaignView>>runCommand(reply -> new CampaignCommand.DefineCampaign(definition("acme"), reply));
    List<IngestEvent> batch = List.of(spend("s1", "spring", "100.50"), spend("s2", "spring", "49.50"),
        click("k1", "spring", "anna"), metrics("m1", "anna", "p1", "spring", 5, 1000, 50, 5));
    var first = kit.<StatusReply<BatchAck>>runCommand(reply -> new CampaignCommand.RecordBatch(batch, reply));
    assertEquals(List.of(new CampaignEvent.BatchRecorded(batch)), first.events());
    var retry = kit.<StatusReply<BatchAck>>runCommand(reply -> new CampaignCommand.RecordBatch(batch, reply));
    assertTrue(retry.hasNoEvents());
    CampaignView view = kit.<CampaignCommand.CampaignReply>runCommand(CampaignCommand.GetCampaign::new).reply().view();
    assertEquals(0, new BigDecimal("150.00").compareTo(view.spend()));
    assertEquals(1, view.clicks());
    assertEquals(1000, view.views());
    assertEquals(55, view.engagements());
  }

  @Test
  void unknownCampaignHasNoViewAndRestartKeepsState() {
    assertNull(kit.<CampaignCommand.CampaignReply>runCommand(CampaignCommand.GetCampaign::new).reply().view());
    kit.<StatusReply<CampaignView>>runCommand(reply -> new CampaignCommand.DefineCampaign(definition("acme"), reply));
    for (int i = 0; i < 5; i++) {
      var batch = List.<IngestEvent>of(spend("s" + i, "spring", "10"));
      kit.<StatusReply<BatchAck>>runCommand(reply -> new CampaignCommand.RecordBatch(batch, reply));
    }
    var before = kit.<CampaignCommand.CampaignReply>runCommand(CampaignCommand.GetCampaign::new).reply().view();
    kit.restart();
    var after = kit.<CampaignCommand.CampaignReply>runCommand(CampaignCommand.GetCampaign::new).reply().view();
    assertEquals(withoutPacing(before), withoutPacing(after));
    assertEquals(before.analytics().pacing().budgetShareSpent(), after.analytics().pacing().budgetShareSpent());
    assertEquals(0, new BigDecimal("50").compareTo(after.spend()));
  }

  /**
   * A view's JSON without its pacing, which moves with the clock (the share of the campaign's time
   * elapsed): two views read a moment apart may differ in its last digit.
   */
  private static com.fasterxml.jackson.databind.JsonNode withoutPacing(CampaignView view) {
    var tree = io.inflow.protocol.codec.Json.mapper().valueToTree(view);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("analytics")).remove("pacing");
    return tree;
  }

  @Test
  void everyPersistPublishesAChangeNoticeWithTheSequenceNumberButRecoveryDoesNot() {
    kit.<StatusReply<CampaignView>>runCommand(reply -> new CampaignCommand.DefineCampaign(definition("acme"), reply));
    var definedNotice = live.expectMessageClass(LiveRegistry.Publish.class);
    assertNull(definedNotice.view(), "nobody watches the campaign on this node: no view is computed");
    var defined = definedNotice.change();
    assertEquals("spring", defined.campaignId());
    assertEquals(1, defined.version());
    assertNotNull(defined.persistedAt());

    var batch = List.<IngestEvent>of(click("k1", "spring", "anna"), click("k2", "spring", "anna"));
    kit.<StatusReply<BatchAck>>runCommand(reply -> new CampaignCommand.RecordBatch(batch, reply));
    var recorded = live.expectMessageClass(LiveRegistry.Publish.class).change();
    assertEquals(2, recorded.version());

    kit.<StatusReply<BatchAck>>runCommand(reply -> new CampaignCommand.RecordBatch(batch, reply));
    kit.<StatusReply<CampaignView>>runCommand(reply -> new CampaignCommand.DefineCampaign(definition("acme"), reply));
    live.expectNoMessage(Duration.ofMillis(200));

    var current = kit.<CampaignCommand.CampaignReply>runCommand(CampaignCommand.GetCampaign::new).reply();
    assertEquals(2, current.version());
    assertEquals(recorded.persistedAt(), current.persistedAt());

    kit.restart();
    var recovered = kit.<CampaignCommand.CampaignReply>runCommand(CampaignCommand.GetCampaign::new).reply();
    assertEquals(2, recovered.version(), "the version is the journal's sequence number, so it survives a restart");
    assertNull(recovered.persistedAt(), "a recovered incarnation has not persisted anything itself");
    live.expectNoMessage(Duration.ofMillis(200));
  }

  @Test
  void whileWatchedOnItsNodeEveryChangeCarriesTheNewView() {
    kit.<StatusReply<CampaignView>>runCommand(reply -> new CampaignCommand.DefineCampaign(definition("acme"), reply));
    live.expectMessageClass(LiveRegistry.Publish.class);
    watchers.watch("spring");
    var batch = List.<IngestEvent>of(click("k1", "spring", "anna"), click("k2", "spring", "anna"));
    kit.<StatusReply<BatchAck>>runCommand(reply -> new CampaignCommand.RecordBatch(batch, reply));
    var notice = live.expectMessageClass(LiveRegistry.Publish.class);
    assertEquals(2, notice.change().version());
    assertNotNull(notice.view());
    assertEquals(2, notice.view().clicks(), "the view after the write");
    assertEquals(kit.<CampaignCommand.CampaignReply>runCommand(CampaignCommand.GetCampaign::new).reply().view().clicks(),
        notice.view().clicks());

    watchers.unwatch("spring");
    var more = List.<IngestEvent>of(click("k3", "spring", "anna"));
    kit.<StatusReply<BatchAck>>runCommand(reply -> new CampaignCommand.RecordBatch(more, reply));
    assertNull(live.expectMessageClass(LiveRegistry.Publish.class).view());
  }
}
