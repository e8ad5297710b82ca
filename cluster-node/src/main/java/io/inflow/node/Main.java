package io.inflow.node;

import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line entry point of a node: {@code node [--demo]} starts embedded Cassandra (unless
 * contact points are configured) and a node, optionally loads the demo data, prints where the API
 * is, and runs until the process is told to stop (SIGTERM → graceful leave). The tools {@code
 * cassandra} (the embedded Cassandra alone, for several nodes), {@code token}, {@code schema},
 * {@code train|eval accounts|sentiment} share its class path.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    List<String> flags = Arrays.asList(args);
    if (flags.contains("schema")) {
      printSchema();
      return;
    }
    if (!flags.isEmpty() && flags.get(0).equals("cassandra")) {
      System.exit(CassandraCommand.run(InflowNode.loadConfig(ConfigFactory.empty()).getConfig("inflow"),
          System.out, System.err));
      return;
    }
    if (!flags.isEmpty() && flags.get(0).equals("token")) {
      System.exit(TokenCommand.run(flags.subList(1, flags.size()), InflowNode.loadConfig(ConfigFactory.empty())
          .getConfig("inflow"), System.out, System.err));
      return;
    }
    if (flags.size() >= 2 && flags.get(1).equals("accounts")
        && (flags.get(0).equals("train") || flags.get(0).equals("eval"))) {
      var rest = flags.subList(2, flags.size());
      System.exit(flags.get(0).equals("train") ? AccountsCommand.train(rest, System.out, System.err)
          : AccountsCommand.eval(rest, System.out, System.err));
      return;
    }
    if (flags.size() >= 2 && flags.get(1).equals("sentiment")
        && (flags.get(0).equals("train") || flags.get(0).equals("eval"))) {
      var rest = flags.subList(2, flags.size());
      System.exit(flags.get(0).equals("train") ? SentimentCommand.train(rest, System.out, System.err)
          : SentimentCommand.eval(rest, System.out, System.err));
      return;
    }
    if (!flags.isEmpty() && flags.get(0).equals("tls-selfsigned")) {
      // prints the keystore path, its password and the PEM certificate path, one per line
      var generated = io.inflow.node.security.SelfSignedCertificate.ensure(java.nio.file.Path.of(flags.get(1)));
      System.out.println(generated.keystore());
      System.out.println(generated.password());
      System.out.println(generated.certificate());
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
    System.out.printf("%nInflow is up.%n  Dashboard: %s/%n  API:       %s/api/v1%n  Health:    %s/health/ready%n%s%s%n",
        node.apiUrl(), node.apiUrl(), node.apiUrl(), demo, devToken(flags.contains("--demo"), node.apiUrl()));
    System.out.flush();
    node.system().getWhenTerminated().toCompletableFuture().join();
  }

  /** With the demo and a development secret: an admin token (12 h) and how to use it. */
  private static String devToken(boolean demo, String apiUrl) {
    if (!demo) return "";
    var auth = io.inflow.node.security.AuthSettings.fromConfig(
        InflowNode.loadConfig(ConfigFactory.empty()).getConfig("inflow"));
    if (auth.mode() != io.inflow.node.security.AuthSettings.Mode.DEV || !auth.hasSecret()) return "";
    String token = new io.inflow.node.security.TokenIssuer(auth).issue("demo-admin",
        io.inflow.node.security.Role.ADMIN, java.util.Set.of(), java.time.Duration.ofHours(12));
    // the token rides in the fragment, which browsers never send to a server, so it stays out of logs
    return String.format("  Sign in:   %s/#token=%s%n             (opens the dashboard signed in as admin for 12 h)%n"
        + "  Dev token: %s%n             (admin, 12 h; others: ./inflow token --role analyst --brand acme)%n"
        + "  Try:       TOKEN=$(./inflow token --role admin); curl -H \"Authorization: Bearer $TOKEN\" "
        + "%s/api/v1/campaigns/acme-spring-launch%n", apiUrl, token, token, apiUrl);
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
