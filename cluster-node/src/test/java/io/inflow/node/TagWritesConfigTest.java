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

  @Test
  void offWithoutTagBuckets() {
    assertFalse(InflowNode.loadConfig(ConfigFactory.empty()).getBoolean(ENABLED));
  }

  @Test
  void onWhenEntitiesTagTheirEvents() {
    assertTrue(InflowNode.loadConfig(ConfigFactory.parseString("inflow.entity.tag-buckets = 4")).getBoolean(ENABLED));
  }
}
