package io.inflow.node.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import io.inflow.node.InflowNode;
import org.junit.jupiter.api.Test;

/**
 * Campaign entities write through a Cassandra journal instance of their own, into the node's
 * keyspace and tables, on the live dispatcher; under any other journal they use the node's default.
 * (The real-Cassandra integration tests recover campaigns and read their reports from that journal.)
 */
class CampaignJournalConfigTest {

  @Test
  void campaignsUseTheirOwnInstanceOfTheCassandraJournal() {
    var config = InflowNode.loadConfig(ConfigFactory.empty());
    assertEquals(CampaignEntity.CAMPAIGN_JOURNAL, CampaignEntity.journalPluginId(config));
    var own = config.getConfig("inflow.campaign-journal");
    var shared = config.getConfig("pekko.persistence.cassandra");
    assertEquals(shared.getString("journal.keyspace"), own.getString("journal.keyspace"));
    assertEquals(shared.getString("journal.table"), own.getString("journal.table"));
    assertEquals(shared.getString("journal.class"), own.getString("journal.class"));
    assertEquals("inflow.live-dispatcher", own.getString("journal.plugin-dispatcher"));
    assertEquals("inflow.live-dispatcher", own.getString("session-dispatcher"));
  }

  @Test
  void anotherJournalIsUsedAsConfigured() {
    var config = InflowNode.loadConfig(ConfigFactory.parseString(
        "pekko.persistence.journal.plugin = \"pekko.persistence.testkit.journal\""));
    assertEquals("", CampaignEntity.journalPluginId(config));
  }

  @Test
  void theKeyspaceFollowsTheNodesSetting() {
    var config = InflowNode.loadConfig(ConfigFactory.parseString("inflow.cassandra.keyspace = other"));
    assertEquals("other", config.getString("inflow.campaign-journal.journal.keyspace"));
  }
}
