package io.inflow.node.it;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.node.InflowNode;
import io.inflow.node.campaign.CampaignEntity;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.live.LiveClient;
import io.inflow.node.live.LiveRegistry;
import io.inflow.node.storage.TestCassandra;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.typed.Cluster;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes in one JVM form a cluster on loopback over one Cassandra journal. The campaign entity
 * lives on one of them; a subscriber on each node's HTTP port gets the update of an event ingested
 * through the other node, so one of them receives it across nodes through the campaign's pub-sub
 * topic. Resync is off: nothing but the topic can deliver the update.
 */
class LiveTwoNodeIntegrationTest {
  private static final Logger log = LoggerFactory.getLogger(LiveTwoNodeIntegrationTest.class);
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aSubscriberOnTheOtherNodeGetsTheEntitysUpdate() {
    TestCassandra cassandra = TestCassandra.get();
    String keyspace = TestCassandra.uniqueKeyspace("live_two_nodes");
    String common = """
        inflow.cassandra.contact-points = "%s"
        inflow.cassandra.keyspace = "%s"
        inflow.live.resync-interval = 0s
        pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
        """.formatted(cassandra.contactPoint(), keyspace);
    try (InflowNode first = InflowNode.start(NodeFixture.config(common + dataDir("live-a")))) {
      String seed = Cluster.get(first.system()).selfMember().address().toString();
      try (InflowNode second = InflowNode.start(NodeFixture.config(common + dataDir("live-b")
          + "inflow.cluster.seed-nodes = \"" + seed + "\"\n"))) {
        List<InflowNode> nodes = List.of(first, second);
        Awaitility.await().atMost(WAIT).until(() -> nodes.stream().allMatch(n -> upMembers(n) == 2));

        HttpClientSupport viaFirst = NodeFixture.client(first);
        HttpClientSupport viaSecond = NodeFixture.client(second);
        var put = viaFirst.put("/api/v1/campaigns/duo", """
            {"brandId":"acme","name":"Duo","budget":1000,"currency":"EUR",
             "startsAt":"2026-11-01T00:00:00Z","endsAt":"2026-12-01T00:00:00Z"}""");
        assertEquals(200, put.status(), put.raw().body());
        InflowNode host = nodes.stream().filter(n -> hostsCampaign(n, "duo")).findFirst()
            .orElseThrow(() -> new AssertionError("no node hosts campaign duo"));
        InflowNode other = host == first ? second : first;
        log.info("campaign duo lives on {}; the remote subscriber is on {}", address(host), address(other));

        // GET /api/v1/cluster from the node that does not host the campaign: both members up, and the
        // campaign's shard counted on its host
        // (sharding statistics right after start may miss a region that did not answer yet: ask again)
        HttpClientSupport viaOther = other == first ? viaFirst : viaSecond;
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
          JsonNode status = viaOther.get("/api/v1/cluster").json();
          assertEquals(2, status.get("members").size(), status.toString());
          status.get("members").forEach(m -> {
            assertEquals("up", m.get("status").asText(), status.toString());
            assertTrue(m.get("reachable").asBoolean());
          });
          JsonNode hosted = status.at("/sharding/campaign").get(Cluster.get(host.system()).selfMember().address().hostPort());
          assertTrue(hosted != null && hosted.get("shards").asInt() >= 1 && hosted.get("entities").asLong() >= 1,
              status.toString());
        });

        try (LiveClient onHost = LiveClient.connect(host.apiUrl(), "duo", true);
             LiveClient onOther = LiveClient.connect(other.apiUrl(), "duo", true)) {
          long version = onHost.next(WAIT).get("version").asLong();
          assertEquals(version, onOther.next(WAIT).get("version").asLong(), "both snapshots read the same entity");
          // the host's topic must know the other node's topic instance before pub-sub can reach it
          Awaitility.await().atMost(WAIT).until(() -> stats(host).topicInstances() == 2);
          assertEquals(1, stats(other).localSubscribers());

          // ingest through the node that does not host the entity
          var reply = (other == first ? viaFirst : viaSecond).post("/api/v1/events", "application/json", """
              {"type":"spend","eventId":"duo-1","campaignId":"duo","amount":"125.50","currency":"EUR",
               "kind":"fee","occurredAt":"2026-11-02T10:00:00Z"}""");
          assertEquals(200, reply.status(), reply.raw().body());

          JsonNode remote = onOther.awaitVersion(version + 1, WAIT);
          assertEquals("update", remote.get("type").asText());
          assertEquals(0, remote.get("campaign").get("spend").decimalValue().compareTo(new BigDecimal("125.50")));
          assertTrue(remote.hasNonNull("persistedAt"));
          JsonNode local = onHost.awaitVersion(version + 1, WAIT);
          // the same state; pacing is computed at each read from the clock, so it may differ in the last digit
          assertEquals(withoutPacing(remote.get("campaign")), withoutPacing(local.get("campaign")));
        }
        Awaitility.await().atMost(WAIT).until(() -> stats(first).localSubscribers() == 0
            && stats(second).localSubscribers() == 0);
      }
    }
  }

  private static JsonNode withoutPacing(JsonNode campaign) {
    var copy = campaign.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("analytics")).remove("pacing");
    return copy;
  }

  private static String dataDir(String name) {
    return "inflow.data-dir = \"" + NodeFixture.workDir(name).toString().replace("\\", "/") + "\"\n";
  }

  private static long upMembers(InflowNode node) {
    var members = Cluster.get(node.system()).state().getMembers();
    long up = 0;
    for (var member : members) if (member.status() == MemberStatus.up()) up++;
    return up;
  }

  private static boolean hostsCampaign(InflowNode node, String campaignId) {
    ShardRegion.CurrentShardRegionState state = AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
            ClusterSharding.get(node.system()).shardState(),
            replyTo -> new GetShardRegionState(CampaignEntity.ENTITY_KEY, replyTo),
            Duration.ofSeconds(10), node.system().scheduler())
        .toCompletableFuture().join();
    return state.getShards().stream().anyMatch(shard -> shard.getEntityIds().contains(campaignId));
  }

  private static LiveRegistry.Stats stats(InflowNode node) {
    return node.services().live().stats("duo").toCompletableFuture().join();
  }

  private static String address(InflowNode node) {
    return Cluster.get(node.system()).selfMember().address() + " (HTTP " + node.apiUrl() + ")";
  }
}
