package io.inflow.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.inflow.node.storage.EmbeddedCassandra.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings from configuration, their validation, and what they turn into: command line and yaml. */
class EmbeddedCassandraSettingsTest {

  private static final Path LIB = Path.of("/opt/inflow/cassandra-lib");
  private static final Path DATA = Path.of("/var/lib/inflow/cassandra");

  @Test
  void readsEveryKeyOfTheConfigSection() {
    Settings settings = Settings.fromConfig(ConfigFactory.parseString("""
        lib-dir = "/opt/inflow/cassandra-lib"
        data-dir = "/var/lib/inflow/cassandra"
        host = "127.0.0.2"
        cql-port = 19042
        storage-port = 17000
        heap-min = 128m
        heap-max = 2g
        start-timeout = 45s
        lean = true
        min-free-disk = 1GiB
        extra-jvm-options = ["-XX:+AlwaysPreTouch"]
        niceness = 5
        """));

    assertEquals(new Settings(LIB, DATA, "127.0.0.2", 19042, 17000, "128m", "2g",
        Duration.ofSeconds(45), 1L << 30, true, List.of("-XX:+AlwaysPreTouch"), 5), settings);
  }

  @Test
  void fillsMissingKeysWithDefaultsAndTakesTheLibDirFromTheSystemProperty() {
    Settings settings = Settings.fromConfig(ConfigFactory.empty());

    assertEquals(TestCassandra.libDir().toAbsolutePath().normalize(), settings.libDir());
    assertEquals(Path.of("data", "cassandra").toAbsolutePath(), settings.dataDir());
    assertEquals("127.0.0.1", settings.host());
    assertEquals(9042, settings.cqlPort());
    assertEquals(7000, settings.storagePort());
    assertEquals("256m", settings.heapMin());
    assertEquals("1g", settings.heapMax());
    assertEquals(Duration.ofSeconds(120), settings.startTimeout());
    assertEquals(512L * 1024 * 1024, settings.minFreeDiskBytes());
    assertFalse(settings.lean());
    assertEquals(19, settings.niceness());
  }

  @Test
  void theShippedConfigRestartsACrashedCassandraThreeTimesInTenMinutes() {
    Config embedded = io.inflow.node.InflowNode.loadConfig(ConfigFactory.empty()).getConfig("inflow.cassandra.embedded");
    assertEquals(new RestartPolicy(3, Duration.ofMinutes(10), Duration.ofSeconds(2)), RestartPolicy.fromConfig(embedded));
    assertEquals(RestartPolicy.NEVER, RestartPolicy.fromConfig(ConfigFactory.empty()));
    ConfigException bad = assertThrows(ConfigException.class, () -> RestartPolicy.fromConfig(
        ConfigFactory.parseString("restart { max = -1, within = 10m, delay = 2s }")));
    assertTrue(bad.getMessage().contains("max"), bad.getMessage());
  }

  @Test
  void rejectsValuesCassandraOrTheJvmWouldRejectLater() {
    Settings settings = Settings.defaults(LIB, DATA);

    assertThrows(IllegalArgumentException.class, () -> settings.withPorts(9042, 9042));
    assertThrows(IllegalArgumentException.class, () -> settings.withPorts(0, 7000));
    assertThrows(IllegalArgumentException.class, () -> settings.withHeap("2g", "1g"));
    assertThrows(IllegalArgumentException.class, () -> settings.withHeap("256MB", "1g"));
    assertThrows(IllegalArgumentException.class, () -> settings.withStartTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> settings.withNiceness(-1));
    assertThrows(IllegalArgumentException.class, () -> settings.withNiceness(20));
    ConfigException bad = assertThrows(ConfigException.class,
        () -> Settings.fromConfig(ConfigFactory.parseString("lib-dir = /x\nheap-max = lots")));
    assertTrue(bad.getMessage().contains("heap-max"), bad.getMessage());
  }

  @Test
  void launchesCassandraDaemonWithTheThreeJdk17FlagsOnTheLibDirClassPath() {
    Settings settings = Settings.defaults(LIB, DATA).withPorts(19042, 17000).withHeap("256m", "1g").withNiceness(0);
    List<String> command = new EmbeddedCassandra(settings).command(Path.of("/jdk/bin/java"));

    assertEquals("/jdk/bin/java", command.get(0));
    assertEquals(EmbeddedCassandra.JDK17_FLAGS, command.subList(1, 4));
    assertEquals(3, command.stream().filter(a -> a.startsWith("--add-")).count());
    assertTrue(command.contains("-Xms256m"));
    assertTrue(command.contains("-Xmx1g"));
    assertTrue(command.contains("-XX:+UseG1GC"));
    assertTrue(command.contains("-Xlog:gc*:file=" + DATA + "/logs/gc.log:time,uptime:filecount=3,filesize=10m"),
        command::toString);
    assertTrue(command.contains("-Dcassandra.config=file://" + DATA + "/conf/cassandra.yaml"), command::toString);
    assertTrue(command.contains("-Dcassandra-foreground=yes"));
    assertTrue(command.contains("-Dcassandra.storagedir=" + DATA));
    assertTrue(command.contains("-Dlogback.configurationFile=" + DATA + "/conf/logback.xml"));
    assertTrue(command.contains("-Dcassandra.skip_wait_for_gossip_to_settle=0"));
    assertEquals(List.of("-cp", LIB + "/*", "org.apache.cassandra.service.CassandraDaemon"),
        command.subList(command.size() - 3, command.size()));

    List<String> lean = new EmbeddedCassandra(settings.withLean(true)).command(Path.of("/jdk/bin/java"));
    assertTrue(lean.contains("-XX:+UseSerialGC"));
    assertFalse(lean.contains("-XX:+UseG1GC"));
  }

  @Test
  void runsCassandraAtALowerPriorityThroughNiceWhereTheSystemHasIt() {
    Settings settings = Settings.defaults(LIB, DATA);
    List<String> command = new EmbeddedCassandra(settings).command(Path.of("/jdk/bin/java"));
    Path nice = EmbeddedCassandra.niceExecutable();

    if (nice == null) {
      assertEquals("/jdk/bin/java", command.get(0), "without nice, Cassandra starts at the node's priority");
    } else {
      assertEquals(List.of(nice.toString(), "-n", "19", "/jdk/bin/java"), command.subList(0, 4));
    }
  }

  @Test
  void writesASingleNodeYamlThatSeedsItselfOnItsStoragePort() {
    Settings settings = Settings.defaults(LIB, DATA).withPorts(19042, 17000);
    String yaml = CassandraConfigFiles.yaml(settings);

    for (String line : List.of(
        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
        "commitlog_sync: periodic",
        "commitlog_sync_period: 10000ms",
        "endpoint_snitch: SimpleSnitch",
        "      - seeds: \"127.0.0.1:17000\"",
        "listen_address: \"127.0.0.1\"",
        "rpc_address: \"127.0.0.1\"",
        "storage_port: 17000",
        "native_transport_port: 19042",
        "memtable_allocation_type: offheap_objects")) {
      assertTrue(yaml.lines().anyMatch(line::equals), () -> "missing '" + line + "' in\n" + yaml);
    }
    assertFalse(yaml.contains("concurrent_compactors"));
    assertTrue(CassandraConfigFiles.yaml(settings.withLean(true)).contains("concurrent_compactors: 1\n"));
  }

  @Test
  void logsToSystemLogInTheDataDirAndOnlyWarningsToTheConsole() {
    String logback = CassandraConfigFiles.logback(DATA);

    assertTrue(logback.contains("<file>" + DATA + "/logs/system.log</file>"), logback);
    assertTrue(logback.contains("<level>WARN</level>"), logback);
  }
}
