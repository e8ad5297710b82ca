package io.inflow.node.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the two files the forked Cassandra reads at start-up: {@code conf/cassandra.yaml} (Cassandra
 * 5.0 key names) and {@code conf/logback.xml}. Data, commit log, hints and caches go under the data
 * dir through {@code -Dcassandra.storagedir}, so the yaml only holds what differs from Cassandra's
 * defaults.
 */
final class CassandraConfigFiles {

  static final String CLUSTER_NAME = "Inflow embedded";

  private CassandraConfigFiles() {}

  static Path confDir(Path dataDir) {
    return dataDir.resolve("conf");
  }

  static Path logsDir(Path dataDir) {
    return dataDir.resolve("logs");
  }

  /** Where Cassandra looks for trigger jars; kept empty, but it must exist to keep the log quiet. */
  static Path triggersDir(Path dataDir) {
    return confDir(dataDir).resolve("triggers");
  }

  static Path yamlFile(Path dataDir) {
    return confDir(dataDir).resolve("cassandra.yaml");
  }

  static Path logbackFile(Path dataDir) {
    return confDir(dataDir).resolve("logback.xml");
  }

  static Path systemLog(Path dataDir) {
    return logsDir(dataDir).resolve("system.log");
  }

  static Path processOutput(Path dataDir) {
    return logsDir(dataDir).resolve("cassandra.out");
  }

  static void write(EmbeddedCassandra.Settings settings) throws IOException {
    Path dataDir = settings.dataDir();
    Files.createDirectories(triggersDir(dataDir));
    Files.createDirectories(logsDir(dataDir));
    Files.writeString(yamlFile(dataDir), yaml(settings), StandardCharsets.UTF_8);
    Files.writeString(logbackFile(dataDir), logback(dataDir), StandardCharsets.UTF_8);
  }

  static String yaml(EmbeddedCassandra.Settings settings) {
    String host = settings.host();
    String seed = EmbeddedCassandra.hostAndPort(host, settings.storagePort());
    StringBuilder yaml = new StringBuilder()
        .append("# Written by Inflow's EmbeddedCassandra at every start; edits are overwritten.\n")
        .append("cluster_name: '").append(CLUSTER_NAME).append("'\n")
        // One token per node: a single-node store needs no vnodes. Tokens are saved on first start,
        // so this must not change between launches on the same data dir.
        .append("num_tokens: 1\n")
        .append("initial_token: 0\n")
        .append("partitioner: org.apache.cassandra.dht.Murmur3Partitioner\n")
        .append("commitlog_sync: periodic\n")
        .append("commitlog_sync_period: 10000ms\n")
        .append("endpoint_snitch: SimpleSnitch\n")
        .append("seed_provider:\n")
        .append("  - class_name: org.apache.cassandra.locator.SimpleSeedProvider\n")
        .append("    parameters:\n")
        // The seed carries the storage port: with a non-default port a bare address would make the
        // node believe it is not its own seed and wait for one.
        .append("      - seeds: \"").append(seed).append("\"\n")
        .append("listen_address: \"").append(host).append("\"\n")
        .append("rpc_address: \"").append(host).append("\"\n")
        .append("storage_port: ").append(settings.storagePort()).append('\n')
        .append("native_transport_port: ").append(settings.cqlPort()).append('\n')
        .append("start_native_transport: true\n")
        // A single node has nobody to hand hints to.
        .append("hinted_handoff_enabled: false\n")
        .append("dynamic_snitch: false\n")
        // Memtable cells live in native memory, freed when the memtable is flushed. On the heap
        // (Cassandra's built-in default) each cell is a slice of a 1 MiB slab array, which G1 stores
        // as a humongous object in two 1 MiB regions of our 1 GiB heap. Cassandra 5.0.9's pooled
        // BTree.Updater objects (one pool per writing thread) keep a reference to the last partition
        // they updated, so flushed memtables' slabs stayed reachable: a heap dump taken at an
        // OutOfMemoryError under the live bench held 419 slabs, 358 of them reachable only
        // through those pools, against 100 MB of memtables Cassandra accounted for.
        .append("memtable_allocation_type: offheap_objects\n");
    if (settings.lean()) {
      yaml.append("# lean: small caches and pools for tests; throughput on 2 cores is unchanged\n")
          .append("concurrent_compactors: 1\n")
          .append("concurrent_reads: 8\n")
          .append("concurrent_writes: 8\n")
          .append("concurrent_counter_writes: 4\n")
          .append("memtable_flush_writers: 1\n")
          .append("native_transport_max_threads: 32\n")
          .append("key_cache_size: 8MiB\n")
          .append("counter_cache_size: 1MiB\n")
          .append("row_cache_size: 0MiB\n")
          .append("file_cache_size: 32MiB\n")
          .append("networking_cache_size: 16MiB\n")
          .append("index_summary_capacity: 8MiB\n")
          // Tests drop and truncate many keyspaces; snapshots of them would only cost time and disk.
          .append("auto_snapshot: false\n");
    }
    return yaml.toString();
  }

  /**
   * Cassandra's log goes to {@code logs/system.log} (rolled at 20 MB, three old files kept); the
   * console, which is redirected to {@code logs/cassandra.out}, only gets warnings and errors so that
   * a failed start shows its cause there too.
   */
  static String logback(Path dataDir) {
    String logs = logsDir(dataDir).toAbsolutePath().toString();
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Written by Inflow's EmbeddedCassandra at every start; edits are overwritten. -->
        <!-- No shutdown hook: Cassandra stops logging itself after draining. -->
        <configuration scan="false">
          <appender name="SYSTEMLOG" class="ch.qos.logback.core.rolling.RollingFileAppender">
            <file>%1$s/system.log</file>
            <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
              <fileNamePattern>%1$s/system.log.%%i</fileNamePattern>
              <minIndex>1</minIndex>
              <maxIndex>3</maxIndex>
            </rollingPolicy>
            <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
              <maxFileSize>20MB</maxFileSize>
            </triggeringPolicy>
            <encoder>
              <pattern>%%-5level [%%thread] %%date{ISO8601} %%logger{0} - %%msg%%n</pattern>
            </encoder>
          </appender>
          <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
            <filter class="ch.qos.logback.classic.filter.ThresholdFilter">
              <level>WARN</level>
            </filter>
            <encoder>
              <pattern>%%-5level [%%thread] %%date{ISO8601} %%logger{0} - %%msg%%n</pattern>
            </encoder>
          </appender>
          <root level="INFO">
            <appender-ref ref="SYSTEMLOG"/>
            <appender-ref ref="CONSOLE"/>
          </root>
        </configuration>
        """.formatted(xmlEscape(logs));
  }

  private static String xmlEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
