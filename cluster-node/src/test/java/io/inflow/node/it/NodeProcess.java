package io.inflow.node.it;

import io.inflow.node.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node in a JVM of its own (what {@code ./inflow node start} runs), so that a test can kill it
 * with SIGKILL or stop it with SIGTERM as an operator would. It runs {@code io.inflow.node.Main} on
 * the test's class path against the test's Cassandra, with the test's token secret, on fixed ports
 * chosen by the test; its output goes to {@code <dir>/node-N.log}, kept for post-mortems.
 */
final class NodeProcess implements AutoCloseable {
  final int number;
  final int httpPort;
  final int clusterPort;
  private final Path dir;
  private final Path log;
  private Process process;

  NodeProcess(int number, Path dir) {
    this.number = number;
    this.dir = dir;
    this.httpPort = NodeFixture.freePort();
    this.clusterPort = NodeFixture.freePort();
    this.log = dir.resolve("node-" + number + ".log");
  }

  String address() {
    return "pekko://Inflow@127.0.0.1:" + clusterPort;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Launches the node; {@link #awaitUp} waits for it. Nodes of one test share {@code dataDir}. */
  void start(List<String> seeds, String contactPoint, String keyspace, Path dataDir) {
    if (alive()) throw new IllegalStateException("node " + number + " already runs");
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms128m", "-Xmx384m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1",
        "-Dinflow.http.port=" + httpPort,
        "-Dinflow.cluster.port=" + clusterPort,
        "-Dinflow.cluster.seed-nodes=" + String.join(",", seeds),
        "-Dinflow.cassandra.contact-points=" + contactPoint,
        "-Dinflow.cassandra.keyspace=" + keyspace,
        "-Dinflow.data-dir=" + dataDir,
        "-Dinflow.auth.hs256-secret=" + TestTokens.SECRET));
    command.addAll(List.of("-cp", classPath, "io.inflow.node.Main"));
    try {
      Files.writeString(log, "---- start " + java.time.Instant.now() + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the node's "Inflow is up" banner of this start; fails with its log if it dies first. */
  void awaitUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = logOfThisStart();
      if (text.contains("Inflow is up")) return;
      if (!process.isAlive()) throw new AssertionError("node " + number + " exited during start:\n" + tail(text));
      Thread.sleep(250);
    }
    throw new AssertionError("node " + number + " did not come up in " + timeout + ":\n" + tail(logOfThisStart()));
  }

  /** SIGKILL, as a crash: nothing runs on the way out. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the node leaves the cluster gracefully (its shards handed off) and exits. */
  void stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("node " + number + " did not stop within " + timeout + " of SIGTERM:\n"
          + tail(logOfThisStart()));
    }
  }

  String logOfThisStart() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.substring(Math.max(0, text.lastIndexOf("---- start ")));
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(String text) {
    String[] lines = text.split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) kill();
  }
}
