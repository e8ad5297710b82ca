package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.PostMetrics;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestPoolTest {

  private static TrafficGenerator generator(String runId) {
    return new TrafficGenerator(TrafficGenerator.Config.of(42, 30, 2).withNamespace(runId + "00"));
  }

  @Test
  void splitsTheGeneratedStreamIntoNdjsonBodies() {
    RequestPool pool = RequestPool.generate(generator("run001"), "run001", 1_050, 100, false);
    assertEquals(11, pool.size());
    assertEquals(1_050, pool.events());
    assertEquals(RequestPool.NDJSON, pool.contentType());
    List<IngestEvent> expected = generator("run001").next(1_050);
    int line = 0;
    for (int b = 0; b < pool.size(); b++) {
      RequestPool.Body body = pool.body(b);
      String text = new String(body.bytes(), StandardCharsets.UTF_8);
      assertTrue(text.endsWith("\n"));
      List<String> lines = text.lines().toList();
      assertEquals(body.lines(), lines.size());
      for (String json : lines) {
        assertEquals(expected.get(line++), EventJson.parse(json));
      }
    }
    assertEquals(50, pool.body(10).lines());
  }

  @Test
  void laterCyclesAreTheSameWorldUnderFreshIds() {
    RequestPool pool = RequestPool.generate(generator("run001"), "run001", 600, 100, false);
    Set<String> eventIds = new HashSet<>();
    for (long request = 0; request < 6 * 40; request++) {
      RequestPool.Body body = pool.body(request);
      assertEquals((int) (request / 6), body.cycle());
      String cycle = Integer.toString(body.cycle(), 36);
      String namespace = "run001" + (cycle.length() == 1 ? "0" + cycle : cycle) + "-";
      List<IngestEvent> events = new String(body.bytes(), StandardCharsets.UTF_8).lines().map(EventJson::parse).toList();
      IngestEvent original = EventJson.parse(new String(pool.body(request % 6).bytes(), StandardCharsets.UTF_8)
          .lines().findFirst().orElseThrow());
      assertEquals(original.typeName(), events.get(0).typeName());
      for (IngestEvent event : events) {
        assertTrue(eventIds.add(event.eventId()), "eventIds never repeat across cycles");
        assertTrue(event.eventId().startsWith(namespace));
        if (event.influencerId() != null) assertTrue(event.influencerId().startsWith(namespace));
        if (event instanceof PostMetrics m) assertTrue(m.postId().startsWith(namespace));
      }
    }
    assertNotEquals(new String(pool.body(0).bytes(), StandardCharsets.UTF_8),
        new String(pool.body(6).bytes(), StandardCharsets.UTF_8));
    assertEquals(pool.body(0).bytes().length, pool.body(6 * 1_000).bytes().length);
    assertFalse(pool.body(6L * RequestPool.MAX_CYCLES - 1) == null);
    assertNull(pool.body(6L * RequestPool.MAX_CYCLES), "all 1,296 cycles used");
  }

  @Test
  void aPopulationKeepsItsInfluencersAndCampaignsAcrossCycles() {
    TrafficGenerator generator = new TrafficGenerator(
        TrafficGenerator.Config.of(42, 30, 2).withNamespace("run00100").withPopulation("wpop1"));
    RequestPool pool = RequestPool.generate(generator, "run001", 600, 100, false);
    Set<String> eventIds = new HashSet<>();
    Set<String> influencers = new HashSet<>();
    Set<String> influencersInCycleTwo = new HashSet<>();
    for (long request = 0; request < 6 * 3; request++) {
      RequestPool.Body body = pool.body(request);
      String cycle = Integer.toString(body.cycle(), 36);
      String namespace = "run001" + (cycle.length() == 1 ? "0" + cycle : cycle) + "-";
      for (IngestEvent event : new String(body.bytes(), StandardCharsets.UTF_8).lines().map(EventJson::parse).toList()) {
        assertTrue(eventIds.add(event.eventId()), "eventIds never repeat across cycles");
        assertTrue(event.eventId().startsWith(namespace), event.eventId());
        if (event.influencerId() != null) {
          assertTrue(event.influencerId().startsWith("wpop1-i"), event.influencerId());
          (body.cycle() == 2 ? influencersInCycleTwo : influencers).add(event.influencerId());
        }
        if (event.campaignId() != null) assertTrue(event.campaignId().startsWith("wpop1-c"), event.campaignId());
        if (event instanceof PostMetrics m) assertTrue(m.postId().startsWith(namespace), "posts are new per cycle");
      }
    }
    assertTrue(influencers.containsAll(influencersInCycleTwo), "the same people in every cycle");
    assertEquals(influencers.size(), influencersInCycleTwo.size());
  }

  @Test
  void aPopulationMayNotCarryTheCycledNamespace() {
    TrafficGenerator generator = new TrafficGenerator(
        TrafficGenerator.Config.of(42, 30, 2).withNamespace("run00100").withPopulation("xrun00100"));
    assertThrows(IllegalArgumentException.class, () -> RequestPool.generate(generator, "run001", 100, 100, false));
  }

  @Test
  void singleEventBodiesAreOneJsonObject() {
    RequestPool pool = RequestPool.generate(generator("abcdef"), "abcdef", 50, 1, true);
    assertEquals(50, pool.size());
    assertEquals(RequestPool.JSON, pool.contentType());
    String text = new String(pool.body(7).bytes(), StandardCharsets.UTF_8);
    assertFalse(text.contains("\n"));
    assertEquals(generator("abcdef").next(8).get(7), EventJson.parse(text));
  }
}
