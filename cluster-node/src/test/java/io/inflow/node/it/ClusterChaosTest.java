package io.inflow.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.load.chaos.RecoveryWatch;
import io.inflow.load.chaos.TallyingIngest;
import io.inflow.node.TestTokens;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.storage.TestCassandra;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes in JVMs of their own on loopback, over the test Cassandra, while a client ingests
 * continuously and keeps its own tally of every acknowledged click ({@link TallyingIngest}: a failed
 * batch is retried with the same event ids until a node acknowledges it). Nodes are killed with
 * SIGKILL, stopped with SIGTERM, restarted and added; at the end every influencer answers and its
 * clicks equal the client's tally exactly (no acknowledged event lost, none counted twice), and so
 * does the campaign's total.
 */
class ClusterChaosTest {
  private static final Logger log = LoggerFactory.getLogger(ClusterChaosTest.class);
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final List<NodeProcess> nodes = new ArrayList<>();
  private TallyingIngest client;

  @AfterEach
  void tearDown() throws InterruptedException {
    if (client != null) client.stop();
    for (NodeProcess n : nodes) n.close();
  }

  @Test
  void killedStoppedAndRestartedNodesLoseNoAcknowledgedEvent() throws Exception {
    Cluster cluster = new Cluster("chaos", 3);
    cluster.startAll();
    client = cluster.client(40);
    client.defineCampaign();
    client.start();
    awaitAcknowledged(2_000);

    // kill -9 the oldest node: it also hosts the shard coordinators and the cluster singletons
    NodeProcess victim = nodes.get(0);
    long killedAt = System.nanoTime();
    victim.kill();
    log.info("killed node 1 (SIGKILL) after {} acknowledged events", client.acknowledgedEvents());
    RecoveryWatch.Result recovery = RecoveryWatch.watch(client, cluster::liveUrls, client.influencerIds(), killedAt, WAIT);
    log.info("failover after kill -9: {}", recovery.summary());
    assertEquals(0, recovery.unanswered(), recovery.summary());
    awaitMembersUp(cluster, 2);
    awaitAcknowledged(client.acknowledgedEvents() + 1_000);

    // graceful leave of another node, then it comes back, then the killed one comes back
    NodeProcess leaving = nodes.get(2);
    leaving.stop(WAIT);
    log.info("node 3 left gracefully; {} acknowledged", client.acknowledgedEvents());
    awaitAcknowledged(client.acknowledgedEvents() + 1_000);
    cluster.start(leaving);
    cluster.start(victim);
    awaitMembersUp(cluster, 3);
    awaitAcknowledged(client.acknowledgedEvents() + 1_000);

    client.stop();
    assertTrue(client.drain(WAIT), "batches still unacknowledged: " + client.pending() + ", last failure: "
        + client.lastFailure());
    log.info("chaos run: {} events acknowledged in {} requests ({} failed and retried); failover {}",
        client.acknowledgedEvents(), client.requests(), client.failedRequests(), recovery.summary());
    assertTallyMatches(cluster);
  }

  @Test
  void aJoiningNodeTakesShardsWhileIngestContinues() throws Exception {
    Cluster cluster = new Cluster("rebalance", 3);
    cluster.start(nodes.get(0));
    cluster.start(nodes.get(1));
    awaitMembersUp(cluster, 2);
    client = cluster.client(60);
    client.defineCampaign();
    client.start();
    awaitAcknowledged(3_000); // every influencer (and so its shard) exists on the first two nodes

    NodeProcess joining = nodes.get(2);
    long failedBefore = client.failedRequests();
    cluster.start(joining);
    awaitMembersUp(cluster, 3);
    // shards of existing influencers move to the new node (rebalancing runs every 10 s)
    String joined = "Inflow@127.0.0.1:" + joining.clusterPort;
    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      JsonNode hosted = cluster.status(nodes.get(0)).at("/sharding/influencer").path(joined);
      assertTrue(hosted.path("shards").asInt() >= 1 && hosted.path("entities").asLong() >= 1,
          "influencer shards on the joining node: " + hosted);
    });
    awaitAcknowledged(client.acknowledgedEvents() + 1_000);
    client.stop();
    assertTrue(client.drain(WAIT), "unacknowledged: " + client.pending() + ", last failure: " + client.lastFailure());
    log.info("rebalancing: {} events acknowledged, {} requests failed and were retried while node 3 joined",
        client.acknowledgedEvents(), client.failedRequests() - failedBefore);
    assertTallyMatches(cluster);
  }

  /** Every influencer answers, with exactly the clicks the client saw acknowledged; so does the campaign. */
  private void assertTallyMatches(Cluster cluster) {
    Map<String, Long> tally = client.acknowledged();
    assertEquals(client.influencerIds().size(), tally.size(), "every influencer got acknowledged clicks");
    long total = 0;
    for (String id : client.influencerIds()) {
      long expected = tally.get(id);
      total += expected;
      URI via = cluster.liveUrls().get(0);
      long counted = client.clicksOf(via, id, Duration.ofSeconds(15));
      assertEquals(expected, counted, id + ": acknowledged clicks vs the entity's count (via " + via + ")");
    }
    assertEquals(client.acknowledgedEvents(), total);
    JsonNode campaign = new HttpClientSupport(cluster.liveUrls().get(0).toString(), TestTokens.admin())
        .get("/api/v1/campaigns/" + cluster.campaign).json();
    assertEquals(total, campaign.path("clicks").asLong(), "the campaign counts every acknowledged click once");
  }

  private void awaitAcknowledged(long events) {
    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> client.acknowledgedEvents() >= events);
  }

  private void awaitMembersUp(Cluster cluster, int count) {
    Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      for (NodeProcess n : nodes) {
        if (!n.alive()) continue;
        JsonNode status = cluster.status(n);
        long up = 0;
        for (JsonNode m : status.path("members")) if (m.path("status").asText().equals("up")) up++;
        assertEquals(count, status.path("members").size(), "members seen by node " + n.number + ": " + status);
        assertEquals(count, up, "members up seen by node " + n.number + ": " + status);
      }
    });
  }

  /** N node processes sharing a keyspace, a data dir and a seed list. */
  private final class Cluster {
    final String campaign;
    final String keyspace;
    final Path dir;
    final String contactPoint;
    final List<String> seeds = new ArrayList<>();

    Cluster(String name, int size) {
      campaign = name;
      contactPoint = TestCassandra.get().contactPoint();
      keyspace = TestCassandra.uniqueKeyspace(name);
      dir = NodeFixture.workDir(name);
      for (int i = 1; i <= size; i++) {
        NodeProcess n = new NodeProcess(i, dir);
        nodes.add(n);
        seeds.add(n.address());
      }
    }

    /** The first node forms the cluster, then the others join it together. */
    void startAll() throws InterruptedException {
      start(nodes.get(0));
      for (NodeProcess n : nodes.subList(1, nodes.size())) n.start(seeds, contactPoint, keyspace, dir.resolve("data"));
      for (NodeProcess n : nodes.subList(1, nodes.size())) n.awaitUp(START);
      awaitMembersUp(this, nodes.size());
    }

    void start(NodeProcess n) throws InterruptedException {
      n.start(seeds, contactPoint, keyspace, dir.resolve("data"));
      n.awaitUp(START);
    }

    List<URI> liveUrls() {
      return nodes.stream().filter(NodeProcess::alive).map(NodeProcess::url).toList();
    }

    TallyingIngest client(int influencers) {
      Supplier<List<URI>> targets = this::liveUrls;
      return new TallyingIngest(new TallyingIngest.Settings(campaign, influencers, 40, Duration.ofMillis(40),
          Duration.ofSeconds(5)), targets, TestTokens.admin());
    }

    JsonNode status(NodeProcess n) {
      return new HttpClientSupport(n.url().toString(), TestTokens.admin()).get("/api/v1/cluster").json();
    }
  }
}
