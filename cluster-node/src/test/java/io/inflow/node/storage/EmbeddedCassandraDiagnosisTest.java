package io.inflow.node.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.node.storage.EmbeddedCassandra.Settings;
import io.inflow.node.storage.EmbeddedCassandraException.Reason;
import io.inflow.node.storage.StartFailureDiagnosis.Diagnosis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How start-up failures are told apart, and the pre-flight checks that need no Cassandra. */
class EmbeddedCassandraDiagnosisTest {

  private static final Settings SETTINGS =
      Settings.defaults(Path.of("/lib"), Path.of("/data")).withPorts(19042, 17000);

  @TempDir
  Path tmp;

  @Test
  void namesTheCqlPortWhenNativeTransportCannotBind() {
    Diagnosis diagnosis = StartFailureDiagnosis.classify("""
        ERROR [main] 2025-01-01 12:00:00,000 CassandraDaemon - Exception encountered during startup
        java.lang.IllegalStateException: Failed to bind port 19042 on 127.0.0.1.
        Caused by: io.netty.channel.unix.Errors$NativeIoException: bind(..) failed: Address already in use
        """, 3, SETTINGS);

    assertEquals(Reason.PORT_TAKEN, diagnosis.reason());
    assertTrue(diagnosis.summary().contains("CQL port 19042"), diagnosis.summary());
    assertTrue(diagnosis.summary().contains("cql-port"), diagnosis.summary());
  }

  @Test
  void namesTheStoragePortWhenInternodeMessagingCannotBind() {
    Diagnosis diagnosis = StartFailureDiagnosis.classify(
        "Caused by: java.net.BindException: Failed to bind to /127.0.0.1:17000: Address already in use",
        3, SETTINGS);

    assertEquals(Reason.PORT_TAKEN, diagnosis.reason());
    assertTrue(diagnosis.summary().contains("storage port 17000"), diagnosis.summary());
  }

  @Test
  void tellsFullDisksJvmFlagsAndOtherExitsApart() {
    assertEquals(Reason.NO_DISK, StartFailureDiagnosis.classify(
        "FSWriteError: java.io.IOException: No space left on device", 1, SETTINGS).reason());
    assertEquals(Reason.JAVA_FLAGS, StartFailureDiagnosis.classify(
        "java.lang.reflect.InaccessibleObjectException: Unable to make field accessible", 1, SETTINGS).reason());
    assertEquals(Reason.JAVA_FLAGS, StartFailureDiagnosis.classify(
        "Error: Could not create the Java Virtual Machine.", 1, SETTINGS).reason());
    Diagnosis other = StartFailureDiagnosis.classify("ERROR something else entirely", 3, SETTINGS);
    assertEquals(Reason.EXITED, other.reason());
    assertTrue(other.summary().contains("code 3"), other.summary());
  }

  @Test
  void showsTheLastLinesWithoutStackFrames() {
    String log = """
        INFO first
        ERROR boom
        java.lang.RuntimeException: cause
        \tat org.apache.cassandra.Foo.bar(Foo.java:1)
        \tat org.apache.cassandra.Foo.baz(Foo.java:2)
        Caused by: java.io.IOException: root
        \t... 12 more
        """;

    assertEquals(List.of("ERROR boom", "java.lang.RuntimeException: cause", "Caused by: java.io.IOException: root"),
        StartFailureDiagnosis.informativeTail(log, 3));
  }

  @Test
  void readsOnlyWhatWasAppendedSinceTheLaunch() throws IOException {
    Path log = Files.writeString(tmp.resolve("system.log"), "old run\n");
    long offset = Files.size(log);
    Files.writeString(log, "old run\nthis run\n");

    assertEquals("this run\n", StartFailureDiagnosis.readSince(log, offset));
    assertEquals("", StartFailureDiagnosis.readSince(tmp.resolve("absent.log"), 0));
  }

  @Test
  void removesAPidFileWhoseProcessIsGone() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Path pidFile = Files.writeString(tmp.resolve(EmbeddedCassandra.PID_FILE), Long.toString(finished.pid()));

    assertDoesNotThrow(() -> Preflight.checkNotAlreadyRunning(pidFile, tmp));
    assertFalse(Files.exists(pidFile));
  }

  @Test
  void removesAPidFileWhosePidNowBelongsToAJavaProcessThatIsNotCassandra() throws IOException {
    // After a reboot the old pid may well be this very JVM, or another java program.
    Path pidFile = Files.writeString(tmp.resolve(EmbeddedCassandra.PID_FILE),
        Long.toString(ProcessHandle.current().pid()));

    assertDoesNotThrow(() -> Preflight.checkNotAlreadyRunning(pidFile, tmp));
    assertFalse(Files.exists(pidFile));
  }

  @Test
  void refusesALibDirWithoutCassandraOrWithTwoVersionsOfAJar() throws IOException {
    Path lib = Files.createDirectories(tmp.resolve("lib"));
    Files.createFile(lib.resolve("logback-classic-1.5.18.jar"));
    EmbeddedCassandraException noCassandra =
        assertThrows(EmbeddedCassandraException.class, () -> Preflight.checkLibDir(lib));
    assertTrue(noCassandra.getMessage().contains("has no cassandra-all jar"), noCassandra.getMessage());

    Files.createFile(lib.resolve("cassandra-all-5.0.9.jar"));
    Files.createFile(lib.resolve("netty-transport-native-epoll-4.1.130.Final-linux-x86_64.jar"));
    Files.createFile(lib.resolve("netty-transport-native-epoll-4.1.130.Final.jar"));
    assertDoesNotThrow(() -> Preflight.checkLibDir(lib));

    Files.createFile(lib.resolve("logback-classic-1.5.38.jar"));
    EmbeddedCassandraException stale =
        assertThrows(EmbeddedCassandraException.class, () -> Preflight.checkLibDir(lib));
    assertEquals(Reason.LIB_DIR, stale.reason());
    assertTrue(stale.getMessage().contains("logback-classic [1.5.18, 1.5.38]"), stale.getMessage());
    assertTrue(stale.getMessage().contains("clean package"), stale.getMessage());
  }

  @Test
  void theRealLibDirPassesItsCheck() {
    assertDoesNotThrow(() -> Preflight.checkLibDir(TestCassandra.libDir()));
  }
}
