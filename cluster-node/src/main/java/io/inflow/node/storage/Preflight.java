package io.inflow.node.storage;

import io.inflow.node.storage.EmbeddedCassandraException.Reason;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks everything that can be checked before forking Cassandra, so that the common mistakes fail
 * in milliseconds with a message naming the path, port or setting, instead of after a JVM start.
 */
final class Preflight {

  private static final Logger log = LoggerFactory.getLogger(Preflight.class);
  private static final long MIB = 1024 * 1024;
  private static final String BUILD_HINT = "run `mvn -pl cassandra-runtime package`";
  /** {@code artifact-1.2.3[-classifier].jar}: the artifact name ends before the first "-digit". */
  private static final Pattern JAR_NAME = Pattern.compile("^(.+?)-(\\d+(?:\\.\\d+)*).*\\.jar$");

  private Preflight() {}

  static void check(EmbeddedCassandra.Settings settings, Path javaExecutable, Path pidFile) {
    checkJava(javaExecutable);
    checkLibDir(settings.libDir());
    checkDataDir(settings.dataDir());
    checkFreeDisk(settings.dataDir(), settings.minFreeDiskBytes());
    checkNotAlreadyRunning(pidFile, settings.dataDir());
    checkPortFree(settings.host(), settings.cqlPort(), "CQL port", "cql-port");
    checkPortFree(settings.host(), settings.storagePort(), "storage port", "storage-port");
  }

  static void checkJava(Path javaExecutable) {
    if (!Files.isExecutable(javaExecutable)) {
      throw new EmbeddedCassandraException(Reason.JAVA_FLAGS,
          "no java executable at " + javaExecutable + " (taken from this JVM's java.home)");
    }
  }

  static void checkLibDir(Path libDir) {
    if (!Files.exists(libDir)) {
      throw new EmbeddedCassandraException(Reason.LIB_DIR, "Cassandra lib dir " + libDir
          + " does not exist: " + BUILD_HINT + " and point lib-dir at cassandra-runtime/target/lib");
    }
    if (!Files.isDirectory(libDir)) {
      throw new EmbeddedCassandraException(Reason.LIB_DIR,
          "Cassandra lib dir " + libDir + " is not a directory: " + BUILD_HINT
              + " and point lib-dir at cassandra-runtime/target/lib");
    }
    Map<String, TreeSet<String>> versionsByArtifact = new TreeMap<>();
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(libDir, "*.jar")) {
      for (Path jar : jars) {
        Matcher name = JAR_NAME.matcher(jar.getFileName().toString());
        if (name.matches()) {
          versionsByArtifact.computeIfAbsent(name.group(1), a -> new TreeSet<>()).add(name.group(2));
        }
      }
    } catch (IOException e) {
      throw new EmbeddedCassandraException(Reason.LIB_DIR,
          "cannot list Cassandra lib dir " + libDir + ": " + e, e);
    }
    if (!versionsByArtifact.containsKey("cassandra-all")) {
      throw new EmbeddedCassandraException(Reason.LIB_DIR,
          "Cassandra lib dir " + libDir + " has no cassandra-all jar: " + BUILD_HINT);
    }
    versionsByArtifact.forEach((artifact, versions) -> {
      if (versions.size() > 1) {
        throw new EmbeddedCassandraException(Reason.LIB_DIR, "Cassandra lib dir " + libDir
            + " holds several versions of " + artifact + " " + versions
            + ", left over from an earlier build: run `mvn -pl cassandra-runtime clean package`");
      }
    });
  }

  static void checkDataDir(Path dataDir) {
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new EmbeddedCassandraException(Reason.DATA_DIR, "Cassandra data dir " + dataDir
          + " is a file, not a directory: move it away or set data-dir to another path");
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new EmbeddedCassandraException(Reason.DATA_DIR, "cannot create Cassandra data dir "
          + dataDir + " (" + e + "): set data-dir to a writable path", e);
    }
    try {
      Files.delete(Files.createTempFile(dataDir, ".write-probe", ".tmp"));
    } catch (IOException e) {
      throw new EmbeddedCassandraException(Reason.DATA_DIR, "Cassandra data dir " + dataDir
          + " is not writable (" + e + "): set data-dir to a writable path", e);
    }
  }

  static void checkFreeDisk(Path dataDir, long minFreeBytes) {
    long usable;
    String store;
    try {
      FileStore fileStore = Files.getFileStore(dataDir);
      usable = fileStore.getUsableSpace();
      store = fileStore.toString();
    } catch (IOException e) {
      throw new EmbeddedCassandraException(Reason.DATA_DIR,
          "cannot read free space of Cassandra data dir " + dataDir + ": " + e, e);
    }
    if (usable < minFreeBytes) {
      throw new EmbeddedCassandraException(Reason.NO_DISK, "no disk: only " + usable / MIB
          + " MiB free for Cassandra data dir " + dataDir + " (on " + store + "), at least "
          + minFreeBytes / MIB + " MiB needed (setting min-free-disk); free space or move data-dir");
    }
  }

  /**
   * Fails if the pid file names a live java process running CassandraDaemon: a Cassandra from an
   * earlier launch whose parent died without stopping it. A pid file naming a dead process, this
   * JVM, or a process that is visibly not Cassandra (a pid reused after a reboot) is stale and
   * removed. When the command line cannot be read, a live pid is assumed to be Cassandra.
   */
  static void checkNotAlreadyRunning(Path pidFile, Path dataDir) {
    Optional<Long> pid = readPid(pidFile);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> live = ProcessHandle.of(pid.get())
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.pid() != ProcessHandle.current().pid());
    Optional<String> command = live.flatMap(h -> h.info().command());
    boolean cassandra = live.isPresent()
        && command.map(c -> Path.of(c).getFileName().toString().startsWith("java")).orElse(true)
        && live.get().info().arguments()
            .map(arguments -> List.of(arguments).contains(EmbeddedCassandra.MAIN_CLASS)).orElse(true);
    if (cassandra) {
      throw new EmbeddedCassandraException(Reason.ALREADY_RUNNING, "a Cassandra from an earlier "
          + "launch is still running on data dir " + dataDir + ": java process pid " + pid.get()
          + command.map(c -> " (" + c + ")").orElse("") + "; stop it (kill " + pid.get()
          + ") or set data-dir to another path");
    }
    log.info("Removing stale Cassandra pid file {} (pid {} is not a running Cassandra)", pidFile, pid.get());
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new EmbeddedCassandraException(Reason.DATA_DIR,
          "cannot remove stale pid file " + pidFile + ": " + e, e);
    }
  }

  static Optional<Long> readPid(Path pidFile) {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
    } catch (IOException | NumberFormatException e) {
      log.warn("Ignoring unreadable Cassandra pid file {}: {}", pidFile, e.toString());
      return Optional.empty();
    }
  }

  static void checkPortFree(String host, int port, String label, String setting) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (IOException e) {
      throw new EmbeddedCassandraException(Reason.HOST,
          "Cassandra host " + host + " cannot be resolved (" + e + "): set host to a local address", e);
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as Cassandra does: a port in TIME_WAIT is free for it too
      probe.bind(new InetSocketAddress(address, port));
    } catch (BindException e) {
      String why = String.valueOf(e.getMessage());
      if (why.contains("in use")) {
        throw new EmbeddedCassandraException(Reason.PORT_TAKEN, label + " " + port + " on " + host
            + " is already in use by another process: set " + setting + " to a free port", e);
      }
      throw new EmbeddedCassandraException(Reason.HOST, "cannot bind " + label + " " + port + " on "
          + host + " (" + why + "): set host to a local address", e);
    } catch (IOException e) {
      throw new EmbeddedCassandraException(Reason.HOST,
          "cannot bind " + label + " " + port + " on " + host + ": " + e, e);
    }
  }
}
