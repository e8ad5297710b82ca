package io.inflow.node.storage;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.cassandra.KeyspaceAndTableStatements;
import org.apache.pekko.persistence.cassandra.PluginSettings;
import org.apache.pekko.stream.connectors.cassandra.CassandraSessionSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * The journal and snapshot keyspaces and tables, as the persistence plugin defines them from the
 * configuration. In dev and test the node creates them at start (before it serves), so the first
 * recovery never meets a missing keyspace; operators who forbid schema changes run the same
 * statements themselves ({@code ./inflow schema} prints them).
 */
public final class JournalSchema {
  public static final String PLUGIN_PATH = "pekko.persistence.cassandra";

  private JournalSchema() {}

  public static List<String> statements(ActorSystem<?> system) {
    var settings = PluginSettings.apply(Adapter.toClassic(system));
    var statements = new KeyspaceAndTableStatements(system, PLUGIN_PATH, settings);
    List<String> all = new ArrayList<>();
    all.add(statements.createJournalKeyspaceStatement());
    all.addAll(statements.getCreateJournalTablesStatements());
    all.add(statements.createSnapshotKeyspaceStatement());
    all.addAll(statements.getCreateSnapshotTablesStatements());
    return all;
  }

  /** Creates whatever is missing (every statement is IF NOT EXISTS); blocks until done. */
  public static void create(ActorSystem<?> system, Duration timeout) {
    var session = CassandraSessionRegistry.get(system).sessionFor(CassandraSessionSettings.create(PLUGIN_PATH));
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String cql : statements(system)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) throw new IllegalStateException("creating the journal schema took longer than " + timeout);
      try {
        session.executeWrite(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)))
            .toCompletableFuture().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("could not create the journal schema (" + firstLine(cql) + "): " + e, e);
      }
    }
  }

  private static String firstLine(String cql) {
    return cql.strip().lines().findFirst().orElse(cql);
  }
}
