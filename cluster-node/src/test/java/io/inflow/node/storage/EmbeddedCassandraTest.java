package io.inflow.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.inflow.node.storage.EmbeddedCassandra.Settings;
import io.inflow.node.storage.EmbeddedCassandraException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher against a real Cassandra 5.0: lifecycle, data across restarts, and refused starts. */
class EmbeddedCassandraTest {

  private final List<EmbeddedCassandra> launched = new ArrayList<>();

  @TempDir
  Path tmp;

  @AfterEach
  void killLeftovers() {
    launched.forEach(EmbeddedCassandra::kill);
  }

  @Test
  void keepsDataAcrossStopAndStartOnTheSameDataDir() {
    Settings settings = TestCassandra.leanSettings(tmp.resolve("cassandra"));
    EmbeddedCassandra cassandra = track(new EmbeddedCassandra(settings));
    Path pidFile = settings.dataDir().resolve(EmbeddedCassandra.PID_FILE);

    cassandra.start();
    long pid = cassandra.pid();
    assertTrue(cassandra.isRunning());
    assertEquals("127.0.0.1:" + settings.cqlPort(), cassandra.contactPoint());
    assertEquals(Optional.of(pid), Preflight.readPid(pidFile));
    try (CqlSession session = TestCassandra.newSession(cassandra.cqlAddress())) {
      storeCampaign(session);
      assertCampaignStored(session);
      // memtables off the heap (CassandraConfigFiles says why); the restart below proves they flush
      Row allocation = session.execute(
          "SELECT value FROM system_views.settings WHERE name = 'memtable_allocation_type'").one();
      assertNotNull(allocation, "Cassandra does not report memtable_allocation_type");
      assertEquals("offheap_objects", allocation.getString("value"));
    }

    EmbeddedCassandraException second = assertThrows(EmbeddedCassandraException.class,
        () -> new EmbeddedCassandra(TestCassandra.leanSettings(settings.dataDir())).start());
    assertEquals(Reason.ALREADY_RUNNING, second.reason());
    assertTrue(second.getMessage().contains("pid " + pid), second.getMessage());

    cassandra.stop();
    assertFalse(cassandra.isRunning());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process still alive");
    assertFalse(Files.exists(pidFile), "pid file left behind");
    cassandra.stop(); // idempotent

    cassandra.start();
    assertTrue(cassandra.pid() != pid);
    try (CqlSession session = TestCassandra.newSession(cassandra.cqlAddress())) {
      assertCampaignStored(session);
    }
    cassandra.stop();
    assertFalse(cassandra.isRunning());
  }

  @Test
  void startsACassandraThatDiedOnItsOwnAgainAndStopsCancelsAPlannedRestart() throws Exception {
    Settings settings = TestCassandra.leanSettings(tmp.resolve("cassandra"));
    EmbeddedCassandra cassandra = track(new EmbeddedCassandra(settings,
        new RestartPolicy(2, Duration.ofMinutes(10), Duration.ofSeconds(1))));
    cassandra.start();
    long first = cassandra.pid();
    try (CqlSession session = TestCassandra.newSession(cassandra.cqlAddress())) {
      storeCampaign(session);
    }

    crash(first); // as the kernel's OOM killer or ExitOnOutOfMemoryError would
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!(cassandra.isRunning() && cassandra.pid() != first) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertTrue(cassandra.isRunning(), "not started again");
    long second = cassandra.pid();
    assertEquals(Optional.of(second), Preflight.readPid(settings.dataDir().resolve(EmbeddedCassandra.PID_FILE)));
    try (CqlSession session = TestCassandra.newSession(cassandra.cqlAddress())) {
      assertCampaignStored(session); // start() returned only once CQL answered: this is the new one
    }
    assertFalse(cassandra.gaveUp().isDone());

    crash(second);
    while (cassandra.isRunning()) Thread.sleep(20);
    cassandra.stop(); // within the 1 s delay: the planned restart must not launch
    Thread.sleep(3_000);
    assertFalse(cassandra.isRunning(), "started again after stop()");
    assertFalse(cassandra.gaveUp().isDone(), "a stop is not giving up");
  }

  @Test
  void aRestartBudgetAllowsMaxRestartsPerWindow() {
    RestartPolicy.Budget budget = new RestartPolicy(2, Duration.ofSeconds(60), Duration.ZERO).budget();
    long s = 1_000_000_000L;
    assertTrue(budget.tryTake(0));
    assertTrue(budget.tryTake(10 * s));
    assertFalse(budget.tryTake(20 * s), "a third restart within 60 s");
    assertTrue(budget.tryTake(60 * s), "the first one left the window");
    assertFalse(budget.tryTake(65 * s));
    assertFalse(RestartPolicy.NEVER.budget().tryTake(0));
    assertThrows(IllegalArgumentException.class, () -> new RestartPolicy(-1, Duration.ofSeconds(1), Duration.ZERO));
  }

  @Test
  void refusesACqlPortThatIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Settings settings = TestCassandra.leanSettings(tmp.resolve("cassandra"));
      EmbeddedCassandra cassandra = track(new EmbeddedCassandra(
          settings.withPorts(taken.getLocalPort(), settings.storagePort())));

      EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class, cassandra::start);

      assertEquals(Reason.PORT_TAKEN, e.reason());
      assertTrue(e.getMessage().contains("CQL port " + taken.getLocalPort()), e.getMessage());
      assertTrue(e.getMessage().contains("cql-port"), e.getMessage());
      assertFalse(cassandra.isRunning());
    }
  }

  @Test
  void refusesAStoragePortThatIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Settings settings = TestCassandra.leanSettings(tmp.resolve("cassandra"));
      EmbeddedCassandra cassandra = track(new EmbeddedCassandra(
          settings.withPorts(settings.cqlPort(), taken.getLocalPort())));

      EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class, cassandra::start);

      assertEquals(Reason.PORT_TAKEN, e.reason());
      assertTrue(e.getMessage().contains("storage port " + taken.getLocalPort()), e.getMessage());
      assertTrue(e.getMessage().contains("storage-port"), e.getMessage());
    }
  }

  @Test
  void refusesAMissingLibDir() {
    Path missing = tmp.resolve("no-such-lib");
    EmbeddedCassandra cassandra = track(new EmbeddedCassandra(
        TestCassandra.leanSettings(tmp.resolve("cassandra")).withLibDir(missing)));

    EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class, cassandra::start);

    assertEquals(Reason.LIB_DIR, e.reason());
    assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("mvn -pl cassandra-runtime package"), e.getMessage());
  }

  @Test
  void refusesADataDirThatIsARegularFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    EmbeddedCassandra cassandra = track(new EmbeddedCassandra(TestCassandra.leanSettings(file)));

    EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class, cassandra::start);

    assertEquals(Reason.DATA_DIR, e.reason());
    assertTrue(e.getMessage().contains(file + " is a file, not a directory"), e.getMessage());
  }

  @Test
  void refusesToStartWithLessFreeDiskThanTheMinimum() {
    EmbeddedCassandra cassandra = track(new EmbeddedCassandra(
        TestCassandra.leanSettings(tmp.resolve("cassandra")).withMinFreeDiskBytes(Long.MAX_VALUE)));

    EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class, cassandra::start);

    assertEquals(Reason.NO_DISK, e.reason());
    assertTrue(e.getMessage().startsWith("no disk: "), e.getMessage());
    assertTrue(e.getMessage().contains("min-free-disk"), e.getMessage());
  }

  @Test
  void reportsAJvmOptionTheJvmRejectsAsJavaFlags() {
    EmbeddedCassandra cassandra = track(new EmbeddedCassandra(TestCassandra.leanSettings(tmp.resolve("cassandra"))
        .withExtraJvmOptions(List.of("-XX:+InflowNoSuchOption"))));

    EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class, cassandra::start);

    assertEquals(Reason.JAVA_FLAGS, e.reason());
    assertTrue(e.getMessage().contains("InflowNoSuchOption"), e.getMessage());
    assertFalse(cassandra.isRunning());
    assertFalse(Files.exists(tmp.resolve("cassandra").resolve(EmbeddedCassandra.PID_FILE)));
  }

  private static void crash(long pid) throws InterruptedException {
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    process.destroyForcibly();
    process.onExit().join();
  }

  private EmbeddedCassandra track(EmbeddedCassandra cassandra) {
    launched.add(cassandra);
    return cassandra;
  }

  private static void storeCampaign(CqlSession session) {
    session.execute("CREATE KEYSPACE launcher_test WITH replication = "
        + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE launcher_test.campaigns "
        + "(id text PRIMARY KEY, name text, budget_minor bigint)");
    session.execute(SimpleStatement.newInstance(
        "INSERT INTO launcher_test.campaigns (id, name, budget_minor) VALUES (?, ?, ?)",
        "c-1", "Spring launch", 125_000L));
  }

  private static void assertCampaignStored(CqlSession session) {
    Row row = session.execute(SimpleStatement.newInstance(
        "SELECT name, budget_minor FROM launcher_test.campaigns WHERE id = ?", "c-1")).one();
    assertNotNull(row, "row c-1 missing");
    assertEquals("Spring launch", row.getString("name"));
    assertEquals(125_000L, row.getLong("budget_minor"));
  }
}
