package io.inflow.node.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.inflow.node.storage.EmbeddedCassandra.Settings;
import io.inflow.node.storage.EmbeddedCassandraException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedded Cassandra shared by every integration test of a test JVM: started lean on free
 * loopback ports the first time {@link #get()} is called, with a fresh data dir under the
 * {@code inflow.test.work-dir} system property, and killed when the JVM exits (its data is then
 * deleted; its logs stay for post-mortems). Tests isolate themselves with {@link #uniqueKeyspace}.
 *
 * <p>Heap 64m..512m: run as root, Cassandra locks its memory (mlockall), so everything committed
 * at start stays resident; a small -Xms keeps an idle test Cassandra around 450 MB RSS.
 */
public final class TestCassandra {

  public static final String WORK_DIR_PROPERTY = "inflow.test.work-dir";
  private static final Logger log = LoggerFactory.getLogger(TestCassandra.class);
  private static final int MAX_KEYSPACE_NAME = 48;
  private static final int PORT_ATTEMPTS = 3;
  private static final AtomicLong KEYSPACE_COUNTER = new AtomicLong();

  private static TestCassandra instance;
  private static RuntimeException startFailure;

  private final EmbeddedCassandra cassandra;

  private TestCassandra(EmbeddedCassandra cassandra) {
    this.cassandra = cassandra;
  }

  /** The shared Cassandra, started on first use; a failed first start fails every later call fast. */
  public static synchronized TestCassandra get() {
    if (startFailure != null) {
      throw new IllegalStateException("the shared test Cassandra failed to start earlier", startFailure);
    }
    if (instance == null) {
      try {
        instance = new TestCassandra(startShared());
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(instance::killAndDeleteData, "test-cassandra-cleanup"));
    }
    return instance;
  }

  /** {@code host:port} of the CQL endpoint. */
  public String contactPoint() {
    return cassandra.contactPoint();
  }

  public String host() {
    return cassandra.settings().host();
  }

  public int cqlPort() {
    return cassandra.settings().cqlPort();
  }

  public InetSocketAddress cqlAddress() {
    return cassandra.cqlAddress();
  }

  public Path dataDir() {
    return cassandra.dataDir();
  }

  /** A driver session on this Cassandra (local DC {@code datacenter1}, 20 s request timeout). */
  public CqlSession newSession() {
    return newSession(cqlAddress());
  }

  static CqlSession newSession(InetSocketAddress cqlAddress) {
    return CqlSession.builder()
        .addContactPoint(cqlAddress)
        .withLocalDatacenter("datacenter1")
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            // schema changes on a cold 2-core box can take longer than the driver's default 2 s
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
            .build())
        .build();
  }

  /** Stops Cassandra gracefully (for outage tests); {@link #start()} brings it back on the same ports. */
  public synchronized void stop() {
    cassandra.stop();
  }

  /** Starts Cassandra again after {@link #stop()}, on the same data dir and ports. */
  public synchronized void start() {
    if (!cassandra.isRunning()) cassandra.start();
  }

  /** Stops Cassandra gracefully and starts it again on the same data dir and ports. */
  public synchronized void restart() {
    cassandra.stop();
    cassandra.start();
  }

  /**
   * A keyspace name no other call in this JVM returns: the prefix lower-cased with anything outside
   * {@code [a-z0-9_]} replaced, then a counter and a random part; at most 48 characters and starting
   * with a letter, so it is a valid unquoted CQL identifier.
   */
  public static String uniqueKeyspace(String prefix) {
    String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (cleaned.isEmpty() || cleaned.charAt(0) < 'a' || cleaned.charAt(0) > 'z') {
      cleaned = "ks_" + cleaned;
    }
    String random = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    String suffix = "_" + KEYSPACE_COUNTER.incrementAndGet() + "_" + "0".repeat(4 - random.length()) + random;
    return cleaned.substring(0, Math.min(cleaned.length(), MAX_KEYSPACE_NAME - suffix.length())) + suffix;
  }

  /** Ports free on loopback right now, all different (held open together while being picked). */
  static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free loopback ports", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          log.debug("closing port probe", e);
        }
      }
    }
  }

  /** Lean settings on free ports for a data dir, the way integration tests run Cassandra. */
  static Settings leanSettings(Path dataDir) {
    int[] ports = freePorts(2);
    return Settings.defaults(libDir(), dataDir)
        .withPorts(ports[0], ports[1])
        .withHeap("64m", "512m")
        .withLean(true);
  }

  static Path libDir() {
    String libDir = System.getProperty(Settings.LIB_DIR_PROPERTY);
    if (libDir == null) {
      throw new IllegalStateException("system property " + Settings.LIB_DIR_PROPERTY
          + " is not set: run the tests through Maven (cluster-node's surefire sets it)");
    }
    return Path.of(libDir);
  }

  private static EmbeddedCassandra startShared() {
    String workDir = System.getProperty(WORK_DIR_PROPERTY);
    if (workDir == null) {
      throw new IllegalStateException("system property " + WORK_DIR_PROPERTY
          + " is not set: run the tests through Maven (cluster-node's surefire sets it)");
    }
    String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-" + ProcessHandle.current().pid();
    Path dataDir = Path.of(workDir).resolve("cassandra-" + run);
    for (int attempt = 1; ; attempt++) {
      EmbeddedCassandra cassandra = new EmbeddedCassandra(leanSettings(dataDir));
      try {
        cassandra.start();
        return cassandra;
      } catch (EmbeddedCassandraException e) {
        // Another process may grab a port between picking and binding it: pick again.
        if (e.reason() != Reason.PORT_TAKEN || attempt == PORT_ATTEMPTS) {
          throw e;
        }
        log.info("Test Cassandra port was taken ({}); picking other ports", e.getMessage());
      }
    }
  }

  private void killAndDeleteData() {
    cassandra.kill();
    Path dataDir = cassandra.dataDir();
    try (Stream<Path> children = Files.list(dataDir)) {
      for (Path child : children.filter(c -> !c.getFileName().toString().equals("logs")).toList()) {
        deleteRecursively(child);
      }
    } catch (IOException e) {
      log.warn("Could not delete test Cassandra data under {}: {}", dataDir, e.toString());
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
