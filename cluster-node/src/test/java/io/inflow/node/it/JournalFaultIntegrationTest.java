package io.inflow.node.it;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.node.InflowNode;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.storage.TestCassandra;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Cassandra stops under load: ingest answers 503 with Retry-After (never 2xx for what was not
 * persisted), readiness turns false; Cassandra comes back: the same node, without a restart, is
 * ready again and accepts the retried batches. Every batch is retried until acknowledged, and the
 * final totals equal the traffic's exactly — nothing lost, nothing counted twice.
 */
class JournalFaultIntegrationTest {

  @Test
  void ingestRidesThroughACassandraOutage() {
    TestCassandra cassandra = TestCassandra.get();
    Traffic traffic = new Traffic(7, 40, 3, 3000);
    List<String> bodies = traffic.bodies(200);
    try (InflowNode node = InflowNode.start(NodeFixture.config("""
        inflow.cassandra.contact-points = "%s"
        inflow.cassandra.keyspace = "%s"
        inflow.ingest.ask-timeout = 4s
        inflow.data-dir = "%s"
        """.formatted(cassandra.contactPoint(), TestCassandra.uniqueKeyspace("fault"),
        NodeFixture.workDir("fault").toString().replace("\\", "/"))))) {
      HttpClientSupport http = NodeFixture.client(node);
      List<String> pending = new ArrayList<>(bodies);
      // the first third goes in while Cassandra is healthy
      for (String body : new ArrayList<>(pending.subList(0, bodies.size() / 3))) {
        assertEquals(200, http.ndjson(body).status());
        pending.remove(body);
      }
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/health/ready").status() == 200);

      cassandra.stop();
      int unavailable = 0;
      for (String body : new ArrayList<>(pending.subList(0, 5))) {
        var reply = http.ndjson(body);
        assertNotEquals(200, reply.status(), "nothing may be acknowledged while the journal is down");
        assertEquals(503, reply.status(), reply.raw().body());
        assertNotNull(reply.header("Retry-After"));
        unavailable++;
      }
      assertEquals(5, unavailable);
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/health/ready").status() == 503);

      cassandra.start();
      Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
          .until(() -> http.get("/health/ready").status() == 200);
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (!pending.isEmpty()) {
        assertTrue(System.nanoTime() < deadline, "ingest did not resume: " + pending.size() + " batches left");
        String body = pending.get(0);
        var reply = http.ndjson(body);
        if (reply.status() == 200) pending.remove(0);
        else {
          assertEquals(503, reply.status(), reply.raw().body());
          sleep(Integer.parseInt(reply.header("Retry-After")) * 500L);
        }
      }
      IngestRestartIntegrationTest.assertTotals(http, traffic);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
