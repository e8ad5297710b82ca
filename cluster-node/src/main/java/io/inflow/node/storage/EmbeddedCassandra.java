package io.inflow.node.storage;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.inflow.node.storage.EmbeddedCassandraException.Reason;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Cassandra 5.0 in a child JVM, for a node started without Cassandra contact points
 * and for integration tests. Cassandra runs on its own class path (the lib dir built by the
 * {@code cassandra-runtime} module), so its netty, Jackson and logback never meet the node's.
 *
 * <p>Guarantees: {@link #start()} returns only once Cassandra has answered a real CQL query, and
 * otherwise throws an {@link EmbeddedCassandraException} whose message says what to change, having
 * killed whatever it launched. A started Cassandra is stopped by {@link #stop()} or, if the owner
 * forgets, by a JVM shutdown hook; a pid file in the data dir lets the next launch detect a
 * Cassandra left running by a parent that was killed outright. Data survives stop and start on the
 * same data dir (commit log synced every 10 s, so a SIGKILL may lose the last 10 s of
 * acknowledged writes). A Cassandra that exits on its own is started again as its
 * {@link RestartPolicy} allows; {@link #gaveUp()} completes when it stays down.
 */
public final class EmbeddedCassandra implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCassandra.class);

  /** The exact flags Cassandra 5.0 needs on JDK 17. */
  static final List<String> JDK17_FLAGS = List.of(
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED");
  static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
  static final String PID_FILE = "cassandra.pid";
  private static final long POLL_INTERVAL_MILLIS = 100;
  private static final int CQL_PROBE_TIMEOUT_MILLIS = 2_000;
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final Settings settings;
  private final RestartPolicy restartPolicy;
  private final Path pidFile;
  /** Serialises start() calls; stop() never takes it, so it can end a start that hangs. */
  private final Object startLock = new Object();
  /** Guards the bookkeeping of {@link #process} and the shutdown hook. */
  private final Object stateLock = new Object();
  private volatile Process process;
  private volatile boolean stopRequested;
  /** Calls of {@link #stop}, under {@link #stateLock}: a restart planned before a stop must not launch. */
  private long stops;
  private Thread shutdownHook;
  private final RestartPolicy.Budget restartBudget;
  private final CompletableFuture<Void> gaveUp = new CompletableFuture<>();

  /** A launcher that never restarts a Cassandra that exited on its own. */
  public EmbeddedCassandra(Settings settings) {
    this(settings, RestartPolicy.NEVER);
  }

  public EmbeddedCassandra(Settings settings, RestartPolicy restartPolicy) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.restartPolicy = Objects.requireNonNull(restartPolicy, "restartPolicy");
    this.restartBudget = restartPolicy.budget();
    this.pidFile = settings.dataDir().resolve(PID_FILE);
  }

  /** A launcher for a section like {@code inflow.cassandra.embedded}: its settings and restart policy. */
  public static EmbeddedCassandra fromConfig(Config embedded) {
    return new EmbeddedCassandra(Settings.fromConfig(embedded), RestartPolicy.fromConfig(embedded));
  }

  /**
   * Checks the environment, launches Cassandra and waits until it answers CQL.
   *
   * @throws EmbeddedCassandraException with the reason and what to change
   * @throws IllegalStateException if this instance is already running
   */
  public void start() {
    long stopsSoFar;
    synchronized (stateLock) {
      stopsSoFar = stops;
    }
    start(stopsSoFar);
  }

  /** Starts unless {@link #stop} was called since {@code stopsSoFar} was read. */
  private void start(long stopsSoFar) {
    synchronized (startLock) {
      Process previous = process;
      if (previous != null && previous.isAlive()) {
        throw new IllegalStateException("embedded Cassandra already runs as pid " + previous.pid());
      }
      if (previous != null) {
        untrack(previous); // it died on its own; forget it before launching anew
      }
      Path java = javaExecutable();
      Preflight.check(settings, java, pidFile);
      Path dataDir = settings.dataDir();
      Path output = CassandraConfigFiles.processOutput(dataDir);
      long systemLogOffset;
      try {
        CassandraConfigFiles.write(settings);
        if (Files.exists(output)) {
          Files.move(output, output.resolveSibling(output.getFileName() + ".1"),
              StandardCopyOption.REPLACE_EXISTING);
        }
        Path systemLog = CassandraConfigFiles.systemLog(dataDir);
        systemLogOffset = Files.exists(systemLog) ? Files.size(systemLog) : 0;
      } catch (IOException e) {
        throw new EmbeddedCassandraException(Reason.DATA_DIR,
            "cannot write Cassandra configuration under " + dataDir + ": " + e, e);
      }

      ProcessBuilder builder = new ProcessBuilder(command(java))
          .directory(dataDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
      long launchNanos = System.nanoTime();
      Process launched;
      try {
        launched = builder.start();
      } catch (IOException e) {
        throw new EmbeddedCassandraException(Reason.JAVA_FLAGS, "cannot run " + java + ": " + e, e);
      }
      track(launched, stopsSoFar);
      try {
        launched.getOutputStream().close(); // Cassandra reads nothing from stdin
      } catch (IOException e) {
        log.debug("Closing the stdin of embedded Cassandra failed", e);
      }
      log.info("Starting embedded Cassandra (pid {}) on CQL {} and storage port {}, data dir {}{}",
          launched.pid(), contactPoint(), settings.storagePort(), dataDir,
          settings.lean() ? " (lean)" : "");

      String version = awaitCql(launched, launchNanos, systemLogOffset);
      log.info("Embedded Cassandra {} (pid {}) answers CQL on {} after {} s", version,
          launched.pid(), contactPoint(), seconds(System.nanoTime() - launchNanos));
      launched.onExit().thenAccept(this::reportUnexpectedExit);
    }
  }

  /** Stops Cassandra: SIGTERM, up to 30 s to drain, then SIGKILL. Does nothing if not running. */
  public void stop() {
    stop(STOP_GRACE, true);
  }

  /**
   * Kills Cassandra at once (SIGKILL), as a crash would. Safe for the data: the commit log replays
   * on the next start, losing at most the writes of the last sync period (10 s).
   */
  public void kill() {
    stop(Duration.ZERO, true);
  }

  /** Kills a launch that failed: not the owner's stop, so a restart after a crash may try again. */
  private void abortLaunch() {
    stop(Duration.ZERO, false);
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    Process current = process;
    return current != null && current.isAlive();
  }

  /** Process id of the running Cassandra. */
  public long pid() {
    Process current = process;
    if (current == null) {
      throw new IllegalStateException("embedded Cassandra is not running");
    }
    return current.pid();
  }

  /** {@code host:port} of the CQL endpoint, e.g. {@code 127.0.0.1:9042}. */
  public String contactPoint() {
    return hostAndPort(settings.host(), settings.cqlPort());
  }

  /** The CQL endpoint, for {@code CqlSession.builder().addContactPoint(...)}. */
  public InetSocketAddress cqlAddress() {
    return new InetSocketAddress(settings.host(), settings.cqlPort());
  }

  public Path dataDir() {
    return settings.dataDir();
  }

  public Settings settings() {
    return settings;
  }

  /** {@code nice} (which execs the command, so the pid stays Cassandra's), or null where there is none. */
  static Path niceExecutable() {
    for (String dir : List.of("/usr/bin", "/bin")) {
      Path nice = Path.of(dir, "nice");
      if (Files.isExecutable(nice)) return nice;
    }
    return null;
  }

  List<String> command(Path java) {
    Path dataDir = settings.dataDir();
    Path logs = CassandraConfigFiles.logsDir(dataDir);
    List<String> command = new ArrayList<>();
    Path nice = settings.niceness() == 0 ? null : niceExecutable();
    if (nice != null) {
      command.add(nice.toString());
      command.add("-n");
      command.add(String.valueOf(settings.niceness()));
    }
    command.add(java.toString());
    command.addAll(JDK17_FLAGS);
    command.add("-Xms" + settings.heapMin());
    command.add("-Xmx" + settings.heapMax());
    command.add(settings.lean() ? "-XX:+UseSerialGC" : "-XX:+UseG1GC");
    // A store that hit an OutOfMemoryError is in an unknown state: die loudly, do not limp on.
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:+PerfDisableSharedMem");
    command.add("-XX:ErrorFile=" + logs.resolve("hs_err_pid%p.log"));
    // A GC log, as Cassandra's own start script keeps one: three files of 10 MB, ~0.3 MB per ten
    // minutes under the live bench. It is what showed the heap filling with humongous memtable slabs.
    command.add("-Xlog:gc*:file=" + logs.resolve("gc.log") + ":time,uptime:filecount=3,filesize=10m");
    if (!settings.host().contains(":")) {
      command.add("-Djava.net.preferIPv4Stack=true");
    }
    command.add("-Dcassandra.config=" + CassandraConfigFiles.yamlFile(dataDir).toUri());
    command.add("-Dcassandra-foreground=yes");
    command.add("-Dcassandra.storagedir=" + dataDir);
    command.add("-Dcassandra.logdir=" + logs);
    command.add("-Dlogback.configurationFile=" + CassandraConfigFiles.logbackFile(dataDir));
    command.add("-Dcassandra.triggers_dir=" + CassandraConfigFiles.triggersDir(dataDir));
    // A single node has no peers: skip the gossip settle wait at start (at least 5 s) and the
    // shutdown announcement to peers at stop (2 s).
    command.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
    command.add("-Dcassandra.shutdown_announce_in_ms=0");
    // The value Cassandra 5.0.9 estimates for itself on JDK 17 with compressed oops; giving it
    // skips the estimate, which costs ~1.5 s of every start on two cores.
    command.add("-Dcassandra.memtable.row_overhead_size=180");
    command.addAll(settings.extraJvmOptions());
    command.add("-cp");
    command.add(settings.libDir() + "/*");
    command.add(MAIN_CLASS);
    return command;
  }

  static String hostAndPort(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static Path javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  private void track(Process launched, long stopsSoFar) {
    synchronized (stateLock) {
      if (stops != stopsSoFar) {
        launched.destroyForcibly();
        throw new EmbeddedCassandraException(Reason.INTERRUPTED,
            "embedded Cassandra was stopped while starting (pid " + launched.pid() + ")");
      }
      Thread hook = new Thread(this::stop, "embedded-cassandra-stop-" + launched.pid());
      try {
        Runtime.getRuntime().addShutdownHook(hook);
      } catch (IllegalStateException shutdownInProgress) {
        launched.destroyForcibly();
        throw new EmbeddedCassandraException(Reason.INTERRUPTED,
            "the JVM is shutting down; killed the embedded Cassandra it was starting", shutdownInProgress);
      }
      process = launched;
      stopRequested = false;
      shutdownHook = hook;
    }
    try {
      Path temporary = pidFile.resolveSibling(PID_FILE + ".tmp");
      Files.writeString(temporary, Long.toString(launched.pid()));
      Files.move(temporary, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      abortLaunch();
      throw new EmbeddedCassandraException(Reason.DATA_DIR,
          "cannot write pid file " + pidFile + ": " + e, e);
    }
  }

  /** Polls every 100 ms until CQL answers; on any failure kills the child and throws. */
  private String awaitCql(Process launched, long launchNanos, long systemLogOffset) {
    long deadline = launchNanos + settings.startTimeout().toNanos();
    InetSocketAddress address = cqlAddress();
    IOException lastProbeFailure = null;
    try {
      while (true) {
        if (stopRequested) {
          throw new EmbeddedCassandraException(Reason.INTERRUPTED,
              "embedded Cassandra was stopped while starting (pid " + launched.pid() + ")");
        }
        if (!launched.isAlive()) {
          throw exitedDuringStart(launched, systemLogOffset);
        }
        if (System.nanoTime() - deadline > 0) {
          abortLaunch();
          throw new EmbeddedCassandraException(Reason.TIMEOUT, "embedded Cassandra (pid "
              + launched.pid() + ") did not answer CQL on " + contactPoint() + " within "
              + settings.startTimeout().toSeconds() + " s (setting start-timeout), so it was killed"
              + (lastProbeFailure == null ? "" : "; last CQL attempt: " + lastProbeFailure.getMessage())
              + logTail(systemLogOffset));
        }
        if (acceptsConnections(address)) {
          try {
            return CqlProbe.releaseVersion(address, CQL_PROBE_TIMEOUT_MILLIS);
          } catch (IOException e) {
            lastProbeFailure = e;
          }
        }
        Thread.sleep(POLL_INTERVAL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abortLaunch();
      throw new EmbeddedCassandraException(Reason.INTERRUPTED,
          "interrupted while waiting for embedded Cassandra (pid " + launched.pid() + "); killed it", e);
    } catch (RuntimeException e) {
      abortLaunch();
      throw e;
    }
  }

  private static boolean acceptsConnections(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(address, (int) POLL_INTERVAL_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private EmbeddedCassandraException exitedDuringStart(Process launched, long systemLogOffset) {
    int exitCode = launched.exitValue();
    Path dataDir = settings.dataDir();
    String output = StartFailureDiagnosis.readSince(CassandraConfigFiles.processOutput(dataDir), 0);
    String systemLog = StartFailureDiagnosis.readSince(CassandraConfigFiles.systemLog(dataDir), systemLogOffset);
    StartFailureDiagnosis.Diagnosis diagnosis =
        StartFailureDiagnosis.classify(output + "\n" + systemLog, exitCode, settings);
    return new EmbeddedCassandraException(diagnosis.reason(), "embedded Cassandra (pid "
        + launched.pid() + ") failed to start: " + diagnosis.summary() + logTail(systemLogOffset));
  }

  /** The last informative lines Cassandra wrote in this launch, console output first. */
  private String logTail(long systemLogOffset) {
    Path dataDir = settings.dataDir();
    StringBuilder tail = new StringBuilder();
    appendTail(tail, CassandraConfigFiles.processOutput(dataDir), 0);
    appendTail(tail, CassandraConfigFiles.systemLog(dataDir), systemLogOffset);
    return tail.toString();
  }

  private static void appendTail(StringBuilder tail, Path file, long fromOffset) {
    List<String> lines = StartFailureDiagnosis.informativeTail(
        StartFailureDiagnosis.readSince(file, fromOffset), StartFailureDiagnosis.TAIL_LINES);
    if (!lines.isEmpty()) {
      tail.append("\n--- last lines of ").append(file).append(" ---\n").append(String.join("\n", lines));
    }
  }

  private void stop(Duration grace, boolean byOwner) {
    synchronized (stateLock) {
      if (byOwner) stops++;
      stopRequested = true; // with the count, under the lock: an exit seen after this is not a crash
    }
    Process current = process;
    if (current == null) {
      return;
    }
    if (current.isAlive()) {
      long stopNanos = System.nanoTime();
      boolean interrupted = false;
      try {
        if (!grace.isZero()) {
          current.destroy();
          if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Embedded Cassandra (pid {}) did not stop within {} s of SIGTERM; killing it",
                current.pid(), grace.toSeconds());
          }
        }
        if (current.isAlive()) {
          current.destroyForcibly();
          current.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        interrupted = true;
        current.destroyForcibly();
      }
      log.info("Stopped embedded Cassandra (pid {}) in {} s{}", current.pid(),
          seconds(System.nanoTime() - stopNanos), grace.isZero() ? " (killed)" : "");
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    untrack(current);
  }

  private void untrack(Process stopped) {
    synchronized (stateLock) {
      if (process != stopped) {
        return;
      }
      process = null;
      if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
          // the hook is running or about to run; it finds nothing left to stop
        }
      }
      shutdownHook = null;
    }
    try {
      if (Preflight.readPid(pidFile).filter(pid -> pid == stopped.pid()).isPresent()) {
        Files.deleteIfExists(pidFile);
      }
    } catch (IOException e) {
      log.warn("Could not remove Cassandra pid file {}: {}", pidFile, e.toString());
    }
  }

  private void reportUnexpectedExit(Process exited) {
    long stopsSoFar;
    synchronized (stateLock) {
      if (stopRequested || process != exited) return;
      stopsSoFar = stops; // a stop from here on makes the restart below give way
    }
    log.error("Embedded Cassandra (pid {}) exited unexpectedly with code {}; see {} and {}",
        exited.pid(), exited.exitValue(), CassandraConfigFiles.processOutput(settings.dataDir()),
        CassandraConfigFiles.systemLog(settings.dataDir()));
    untrack(exited);
    Thread restarter = new Thread(() -> restartAfterExit(stopsSoFar), "embedded-cassandra-restart");
    restarter.setDaemon(true);
    restarter.start();
  }

  /**
   * Starts Cassandra again after it exited on its own, as often as the policy allows (a start that
   * fails counts as a restart too), unless {@link #stop} is called meanwhile.
   */
  private void restartAfterExit(long stopsSoFar) {
    while (true) {
      boolean allowed;
      synchronized (stateLock) {
        if (stops != stopsSoFar) return;
        allowed = restartBudget.tryTake(System.nanoTime());
      }
      if (!allowed) {
        log.error("Embedded Cassandra is not started again ({}; setting inflow.cassandra.embedded.restart): "
            + "requests that need storage fail until it is back", restartPolicy.maxRestarts() == 0
                ? "restarts are off" : restartPolicy.maxRestarts() + " restarts within "
                    + restartPolicy.within().toSeconds() + " s already");
        gaveUp.complete(null);
        return;
      }
      try {
        Thread.sleep(restartPolicy.delay().toMillis());
        if (isRunning()) return; // started meanwhile by its owner
        log.warn("Starting embedded Cassandra again after it exited on its own");
        start(stopsSoFar);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        synchronized (stateLock) {
          if (stops != stopsSoFar) return;
        }
        log.error("Embedded Cassandra could not be started again: {}", e.getMessage());
      }
    }
  }

  /**
   * Completes when Cassandra exited on its own and will not be started again: at once without a
   * restart policy, else when the policy's restarts are spent. Never completes after {@link #stop}.
   */
  public CompletableFuture<Void> gaveUp() {
    return gaveUp;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }

  /**
   * How to run the embedded Cassandra. Heap sizes use the JVM's syntax ({@code 256m}, {@code 1g}).
   * {@code lean} trades caches and thread pools for memory (SerialGC, small caches, one compactor,
   * no auto-snapshots): meant for tests. {@code niceness} (0–19, 0 = the node's own priority) runs
   * Cassandra at that lower CPU priority through {@code nice} where the system has it: on a box the
   * node shares with its Cassandra, the node's GC pauses and live path then get a core first, and
   * Cassandra takes what is left (measured in load-tests/README.md, "Fifth session").
   */
  public record Settings(
      Path libDir,
      Path dataDir,
      String host,
      int cqlPort,
      int storagePort,
      String heapMin,
      String heapMax,
      Duration startTimeout,
      long minFreeDiskBytes,
      boolean lean,
      List<String> extraJvmOptions,
      int niceness) {

    /** System property naming the lib dir; the build sets it for tests. */
    public static final String LIB_DIR_PROPERTY = "inflow.cassandra.embedded.lib-dir";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_CQL_PORT = 9042;
    public static final int DEFAULT_STORAGE_PORT = 7000;
    public static final String DEFAULT_HEAP_MIN = "256m";
    public static final String DEFAULT_HEAP_MAX = "1g";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    public static final long DEFAULT_MIN_FREE_DISK_BYTES = 512L * 1024 * 1024;
    public static final Path DEFAULT_DATA_DIR = Path.of("data", "cassandra");
    /** Cassandra yields the CPU to the node it serves (see {@link #niceness()}). */
    public static final int DEFAULT_NICENESS = 19;

    private static final Pattern HEAP_SIZE = Pattern.compile("(\\d+)([kKmMgG]?)");

    public Settings {
      Objects.requireNonNull(libDir, "libDir");
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(startTimeout, "startTimeout");
      libDir = libDir.toAbsolutePath().normalize();
      dataDir = dataDir.toAbsolutePath().normalize();
      if (host.isBlank()) {
        throw new IllegalArgumentException("host is blank");
      }
      requirePort("cql-port", cqlPort);
      requirePort("storage-port", storagePort);
      if (cqlPort == storagePort) {
        throw new IllegalArgumentException("cql-port and storage-port are both " + cqlPort);
      }
      if (heapBytes("heap-min", heapMin) > heapBytes("heap-max", heapMax)) {
        throw new IllegalArgumentException("heap-min " + heapMin + " exceeds heap-max " + heapMax);
      }
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("start-timeout must be positive: " + startTimeout);
      }
      if (minFreeDiskBytes < 0) {
        throw new IllegalArgumentException("min-free-disk is negative: " + minFreeDiskBytes);
      }
      extraJvmOptions = List.copyOf(extraJvmOptions);
      if (niceness < 0 || niceness > 19) {
        throw new IllegalArgumentException("niceness must be within [0, 19], got " + niceness);
      }
    }

    /** Default ports, heap and limits; not lean. */
    public static Settings defaults(Path libDir, Path dataDir) {
      return new Settings(libDir, dataDir, DEFAULT_HOST, DEFAULT_CQL_PORT, DEFAULT_STORAGE_PORT,
          DEFAULT_HEAP_MIN, DEFAULT_HEAP_MAX, DEFAULT_START_TIMEOUT, DEFAULT_MIN_FREE_DISK_BYTES,
          false, List.of(), DEFAULT_NICENESS);
    }

    /**
     * Reads a section like {@code inflow.cassandra.embedded}. Missing keys take the defaults above;
     * a missing {@code lib-dir} falls back to the system property {@value #LIB_DIR_PROPERTY}.
     */
    public static Settings fromConfig(Config c) {
      Path libDir;
      if (c.hasPath("lib-dir")) {
        libDir = Path.of(c.getString("lib-dir"));
      } else if (System.getProperty(LIB_DIR_PROPERTY) != null) {
        libDir = Path.of(System.getProperty(LIB_DIR_PROPERTY));
      } else {
        throw new ConfigException.Generic("embedded Cassandra needs lib-dir (or the system property "
            + LIB_DIR_PROPERTY + "): run `mvn -pl cassandra-runtime package` and point it at "
            + "cassandra-runtime/target/lib");
      }
      try {
        return new Settings(
            libDir,
            c.hasPath("data-dir") ? Path.of(c.getString("data-dir")) : DEFAULT_DATA_DIR,
            c.hasPath("host") ? c.getString("host") : DEFAULT_HOST,
            c.hasPath("cql-port") ? c.getInt("cql-port") : DEFAULT_CQL_PORT,
            c.hasPath("storage-port") ? c.getInt("storage-port") : DEFAULT_STORAGE_PORT,
            c.hasPath("heap-min") ? c.getString("heap-min") : DEFAULT_HEAP_MIN,
            c.hasPath("heap-max") ? c.getString("heap-max") : DEFAULT_HEAP_MAX,
            c.hasPath("start-timeout") ? c.getDuration("start-timeout") : DEFAULT_START_TIMEOUT,
            c.hasPath("min-free-disk") ? c.getBytes("min-free-disk") : DEFAULT_MIN_FREE_DISK_BYTES,
            c.hasPath("lean") && c.getBoolean("lean"),
            c.hasPath("extra-jvm-options") ? c.getStringList("extra-jvm-options") : List.of(),
            c.hasPath("niceness") ? c.getInt("niceness") : DEFAULT_NICENESS);
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(c.origin(), "inflow.cassandra.embedded", e.getMessage(), e);
      }
    }

    public Settings withLibDir(Path newLibDir) {
      return new Settings(newLibDir, dataDir, host, cqlPort, storagePort, heapMin, heapMax,
          startTimeout, minFreeDiskBytes, lean, extraJvmOptions, niceness);
    }

    public Settings withDataDir(Path newDataDir) {
      return new Settings(libDir, newDataDir, host, cqlPort, storagePort, heapMin, heapMax,
          startTimeout, minFreeDiskBytes, lean, extraJvmOptions, niceness);
    }

    public Settings withHost(String newHost) {
      return new Settings(libDir, dataDir, newHost, cqlPort, storagePort, heapMin, heapMax,
          startTimeout, minFreeDiskBytes, lean, extraJvmOptions, niceness);
    }

    public Settings withPorts(int newCqlPort, int newStoragePort) {
      return new Settings(libDir, dataDir, host, newCqlPort, newStoragePort, heapMin, heapMax,
          startTimeout, minFreeDiskBytes, lean, extraJvmOptions, niceness);
    }

    public Settings withHeap(String newHeapMin, String newHeapMax) {
      return new Settings(libDir, dataDir, host, cqlPort, storagePort, newHeapMin, newHeapMax,
          startTimeout, minFreeDiskBytes, lean, extraJvmOptions, niceness);
    }

    public Settings withStartTimeout(Duration newStartTimeout) {
      return new Settings(libDir, dataDir, host, cqlPort, storagePort, heapMin, heapMax,
          newStartTimeout, minFreeDiskBytes, lean, extraJvmOptions, niceness);
    }

    public Settings withMinFreeDiskBytes(long newMinFreeDiskBytes) {
      return new Settings(libDir, dataDir, host, cqlPort, storagePort, heapMin, heapMax,
          startTimeout, newMinFreeDiskBytes, lean, extraJvmOptions, niceness);
    }

    public Settings withLean(boolean newLean) {
      return new Settings(libDir, dataDir, host, cqlPort, storagePort, heapMin, heapMax,
          startTimeout, minFreeDiskBytes, newLean, extraJvmOptions, niceness);
    }

    public Settings withExtraJvmOptions(List<String> newExtraJvmOptions) {
      return new Settings(libDir, dataDir, host, cqlPort, storagePort, heapMin, heapMax,
          startTimeout, minFreeDiskBytes, lean, newExtraJvmOptions, niceness);
    }

    public Settings withNiceness(int newNiceness) {
      return new Settings(libDir, dataDir, host, cqlPort, storagePort, heapMin, heapMax,
          startTimeout, minFreeDiskBytes, lean, extraJvmOptions, newNiceness);
    }

    private static void requirePort(String name, int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(name + " must be 1..65535: " + port);
      }
    }

    private static long heapBytes(String name, String size) {
      Matcher matcher = HEAP_SIZE.matcher(Objects.requireNonNull(size, name));
      if (!matcher.matches()) {
        throw new IllegalArgumentException(name + " must look like 256m or 1g: " + size);
      }
      long value = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
        case "k" -> value << 10;
        case "m" -> value << 20;
        case "g" -> value << 30;
        default -> value;
      };
    }
  }
}
