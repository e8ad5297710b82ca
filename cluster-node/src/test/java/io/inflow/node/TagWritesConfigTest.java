package io.inflow.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

/**
 * The journal's events-by-tag writes follow {@code inflow.entity.tag-buckets}: off while no event
 * carries a tag (each write would still wait for a round trip to the tag writer), on as soon as
 * entities tag their events, so a projection never misses tagged events.
 */
class TagWritesConfigTest {
  private static final String ENABLED = "pekko.persistence.cassandra.events-by-tag.enabled";
  /** The campaign entities' instance of the journal (CampaignEntity.journalPluginId) follows too. */
  private static final String CAMPAIGNS_ENABLED = "inflow.campaign-journal.events-by-tag.enabled";

  @Test
  void offWithoutTagBuckets() {
    var config = InflowNode.loadConfig(ConfigFactory.empty());
    assertFalse(config.getBoolean(ENABLED));
    assertFalse(config.getBoolean(CAMPAIGNS_ENABLED));
  }

  @Test
  void onWhenEntitiesTagTheirEvents() {
    var config = InflowNode.loadConfig(ConfigFactory.parseString("inflow.entity.tag-buckets = 4"));
    assertTrue(config.getBoolean(ENABLED));
    assertTrue(config.getBoolean(CAMPAIGNS_ENABLED));
  }
}
