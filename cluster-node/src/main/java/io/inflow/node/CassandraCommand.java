package io.inflow.node;

import com.typesafe.config.Config;
import io.inflow.node.storage.EmbeddedCassandra;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code cassandra}: the embedded Cassandra on its own, without a node, for several nodes on one
 * machine ({@code ./inflow start --nodes N}): a single node owns its embedded Cassandra, but nodes
 * that come and go must not take the journal down with them. Reads {@code inflow.cassandra.embedded}
 * (ports, heap, data dir under {@code inflow.data-dir}), prints one line once Cassandra answers CQL,
 * and runs until told to stop (SIGTERM: Cassandra drains and stops) or until Cassandra dies and its
 * restart policy ({@code inflow.cassandra.embedded.restart}) starts it no more, which ends this
 * process with status 1 so that the script sees it.
 */
final class CassandraCommand {
  private CassandraCommand() {}

  static int run(Config inflow, PrintStream out, PrintStream err) {
    EmbeddedCassandra cassandra;
    try {
      cassandra = EmbeddedCassandra.fromConfig(inflow.getConfig("cassandra.embedded"));
      cassandra.start();
    } catch (RuntimeException e) {
      err.println("Cassandra could not start: " + e.getMessage());
      return 2;
    }
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      cassandra.stop();
    }, "cassandra-shutdown"));
    out.printf("Cassandra is up on %s (pid %d, data %s)%n", cassandra.contactPoint(), cassandra.pid(),
        cassandra.dataDir().toAbsolutePath());
    out.flush();
    try {
      while (!cassandra.gaveUp().isDone() || stopping.get()) Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    err.println("Cassandra exited on its own; its output is under " + cassandra.dataDir().toAbsolutePath());
    return 1;
  }
}
