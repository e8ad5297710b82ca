package io.inflow.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import io.inflow.node.InflowNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

/** deploy/cql/schema.cql is what the node itself creates with the default settings (regenerate with ./inflow schema). */
class ShippedSchemaTest {

  @Test
  void shippedCqlMatchesThePluginsStatements() throws Exception {
    var config = ConfigFactory.parseString("pekko.actor.provider = local")
        .withFallback(InflowNode.loadConfig(ConfigFactory.parseString("inflow.cassandra.keyspace = inflow")));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "SchemaTest", config);
    try {
      String expected = JournalSchema.statements(system).stream()
          .map(cql -> cql.strip() + (cql.strip().endsWith(";") ? "" : ";") + "\n")
          .collect(Collectors.joining("\n"));
      String shipped = Files.readString(Path.of("..", "deploy", "cql", "schema.cql"));
      assertEquals(expected.strip(), shipped.strip(), "regenerate deploy/cql/schema.cql with ./inflow schema");
    } finally {
      system.terminate();
    }
  }
}
