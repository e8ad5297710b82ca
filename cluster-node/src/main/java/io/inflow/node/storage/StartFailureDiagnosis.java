package io.inflow.node.storage;

import io.inflow.node.storage.EmbeddedCassandraException.Reason;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells why a forked Cassandra died during start-up from what it wrote in this launch (its console
 * output and the new part of {@code system.log}), and picks the log lines worth showing.
 */
final class StartFailureDiagnosis {

  static final int TAIL_LINES = 20;
  private static final int MAX_READ_BYTES = 256 * 1024;
  private static final Pattern STACK_FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ more)");
  private static final List<String> JAVA_FLAG_SIGNS = List.of(
      "Unrecognized VM option",
      "Unrecognized option",
      "Could not create the Java Virtual Machine",
      "Error occurred during initialization of VM",
      "InaccessibleObjectException",
      "Invalid initial heap size",
      "Invalid maximum heap size");

  private StartFailureDiagnosis() {}

  /** A reason and one sentence saying what to do about it. */
  record Diagnosis(Reason reason, String summary) {}

  static Diagnosis classify(String launchOutput, int exitCode, EmbeddedCassandra.Settings settings) {
    for (String sign : JAVA_FLAG_SIGNS) {
      if (launchOutput.contains(sign)) {
        return new Diagnosis(Reason.JAVA_FLAGS,
            "Java flags: the JVM rejected its options or a module access (\"" + sign + "\"); check "
                + "extra JVM options and heap sizes, and that java.home is a JDK 17");
      }
    }
    if (launchOutput.contains("No space left on device")) {
      return new Diagnosis(Reason.NO_DISK,
          "no disk: \"No space left on device\" under data dir " + settings.dataDir());
    }
    if (launchOutput.contains("Address already in use") || launchOutput.contains("Failed to bind port")) {
      return new Diagnosis(Reason.PORT_TAKEN, portTakenSummary(launchOutput, settings));
    }
    if (launchOutput.contains("OutOfMemoryError")) {
      return new Diagnosis(Reason.EXITED,
          "out of memory with -Xmx" + settings.heapMax() + ": raise heap-max");
    }
    if (launchOutput.contains("Could not find or load main class")) {
      return new Diagnosis(Reason.LIB_DIR, "CassandraDaemon is not on the class path "
          + settings.libDir() + "/*: run `mvn -pl cassandra-runtime clean package`");
    }
    return new Diagnosis(Reason.EXITED, "exited with code " + exitCode + " during start-up");
  }

  private static String portTakenSummary(String launchOutput, EmbeddedCassandra.Settings settings) {
    boolean cql = false;
    boolean storage = false;
    for (String line : launchOutput.split("\\R")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.contains("bind") || lower.contains("in use")) {
        cql |= mentionsPort(line, settings.cqlPort());
        storage |= mentionsPort(line, settings.storagePort());
      }
    }
    String host = settings.host();
    if (cql && !storage) {
      return "port taken: CQL port " + settings.cqlPort() + " on " + host
          + " was taken by another process during start-up; set cql-port to a free port";
    }
    if (storage && !cql) {
      return "port taken: storage port " + settings.storagePort() + " on " + host
          + " was taken by another process during start-up; set storage-port to a free port";
    }
    return "port taken: CQL port " + settings.cqlPort() + " or storage port " + settings.storagePort()
        + " on " + host + " was taken by another process during start-up; set cql-port / storage-port";
  }

  private static boolean mentionsPort(String line, int port) {
    return Pattern.compile("(?<![0-9])" + port + "(?![0-9])").matcher(line).find();
  }

  /** The text appended to {@code file} since it had {@code fromOffset} bytes (at most the last 256 KiB). */
  static String readSince(Path file, long fromOffset) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      long start = length < fromOffset ? 0 : Math.max(fromOffset, length - MAX_READ_BYTES);
      byte[] bytes = new byte[(int) (length - start)];
      in.seek(start);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last lines of a log text without stack frames, so that the cause lines fit. */
  static List<String> informativeTail(String text, int maxLines) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank() && !STACK_FRAME.matcher(line).find()) {
        lines.add(line);
      }
    }
    return List.copyOf(lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
  }
}
