package io.inflow.node;

import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line entry point of a node: {@code node [--demo]} starts embedded Cassandra (unless
 * contact points are configured) and a node, optionally loads the demo data, prints where the API
 * is, and runs until the process is told to stop (SIGTERM → graceful leave).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    List<String> flags = Arrays.asList(args);
    if (flags.contains("schema")) {
      printSchema();
      return;
    }
    InflowNode node;
    try {
      node = InflowNode.start(ConfigFactory.empty());
    } catch (RuntimeException e) {
      System.err.println("Inflow could not start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "inflow-shutdown"));
    String demo = "";
    if (flags.contains("--demo")) {
      try {
        DemoData.Summary summary = DemoData.load(node.services(), Instant.now());
        demo = String.format("  Demo data: %d campaigns (acme-spring-launch, nordic-glow-winter), %d influencers, %d events%n",
            summary.campaigns(), summary.influencers(), summary.events());
      } catch (RuntimeException e) {
        demo = "  Demo data: not loaded (" + e.getMessage() + ")\n";
      }
    }
    System.out.printf("%nInflow is up.%n  API:       %s/api/v1%n  Health:    %s/health/ready%n%s%n",
        node.apiUrl(), node.apiUrl(), demo);
    System.out.flush();
    node.system().getWhenTerminated().toCompletableFuture().join();
  }

  /** Prints the CQL of the journal and snapshot keyspaces and tables for the configured keyspace and replication. */
  private static void printSchema() {
    var config = ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING")
        .withFallback(InflowNode.loadConfig(ConfigFactory.empty()));
    var system = org.apache.pekko.actor.typed.ActorSystem.create(
        org.apache.pekko.actor.typed.javadsl.Behaviors.empty(), "InflowSchema", config);
    try {
      for (String cql : io.inflow.node.storage.JournalSchema.statements(system)) {
        System.out.println(cql.strip() + (cql.strip().endsWith(";") ? "" : ";"));
        System.out.println();
      }
    } finally {
      system.terminate();
    }
  }
}
