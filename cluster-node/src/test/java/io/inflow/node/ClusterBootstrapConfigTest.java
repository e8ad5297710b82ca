package io.inflow.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code inflow.cluster.bootstrap}: {@code kubernetes} starts Pekko Management with Cluster
 * Bootstrap's routes (what the other pods' bootstrap asks for seed nodes); a value it does not know
 * stops the start naming the setting. (Forming a cluster through the Kubernetes API needs a cluster;
 * deploy/ checks the manifests that configure it.)
 */
class ClusterBootstrapConfigTest {

  @Test
  void kubernetesModeServesTheBootstrapRoutesOnTheManagementPort() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    InflowNode node = InMemoryNode.start("bootstrap", """
        inflow.cluster.bootstrap = kubernetes
        inflow.cluster.management-port = %d
        # outside Kubernetes there is no API server or service-account certificate: the same bootstrap
        # with configured (empty) contact points instead of the Kubernetes API
        pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method = config
        pekko.discovery.config.services.inflow.endpoints = []
        """.formatted(port));
    try {
      HttpClient client = HttpClient.newHttpClient();
      URI seeds = URI.create("http://127.0.0.1:" + port + "/bootstrap/seed-nodes");
      Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(seeds).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode());
        assertTrue(reply.body().contains("seedNodes"), reply.body());
      });
    } finally {
      node.close();
    }
  }

  @Test
  void anUnknownModeStopsTheStartNamingTheSetting() {
    var e = assertThrows(IllegalArgumentException.class, () -> InMemoryNode.start("bootstrap-bad",
        "inflow.cluster.bootstrap = consul\n"));
    assertTrue(e.getMessage().contains("inflow.cluster.bootstrap"), e.getMessage());
  }
}
