package io.inflow.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.inflow.node.http.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;

/**
 * A node on Pekko's in-memory persistence testkit for route-level tests (free ports, a fresh data
 * directory, the test token secret, readiness always ok). Integration tests use real Cassandra
 * through {@code it.NodeFixture} instead.
 */
public final class InMemoryNode {
  private InMemoryNode() {}

  /** Starts a node; {@code hocon} adds or overrides settings. */
  public static InflowNode start(String name, String hocon) {
    TestTokens.install();
    try {
      Config config = InflowNode.loadConfig(ConfigFactory.parseString("""
              inflow.http.port = 0
              inflow.cluster.port = 0
              inflow.report.read-journal = "pekko.persistence.testkit.query"
              inflow.data-dir = "%s"
              """.formatted(Files.createTempDirectory("inflow-" + name).toString().replace("\\", "/")) + hocon));
      Config inMemory = PersistenceTestKitPlugin.getInstance().config()
          .withFallback(PersistenceTestKitSnapshotPlugin.config()).withFallback(config).resolve();
      ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "Inflow", inMemory);
      Readiness readiness = new Readiness(system, () -> CompletableFuture.completedFuture("ok"), Duration.ofSeconds(1));
      return InflowNode.startOn(system, inMemory.getConfig("inflow"), readiness, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
