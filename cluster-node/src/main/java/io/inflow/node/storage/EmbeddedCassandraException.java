package io.inflow.node.storage;

/**
 * Why an embedded Cassandra could not start. The message is written for the person running the
 * node: it names the path, port or setting to change and, when Cassandra itself failed, ends with
 * the last lines of its log.
 */
public final class EmbeddedCassandraException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that react differently (e.g. retry on other ports). */
  public enum Reason {
    /** The lib dir is missing, has no cassandra-all jar, or holds leftovers of an older build. */
    LIB_DIR,
    /** The data dir cannot be created or written. */
    DATA_DIR,
    /** Too little free disk for the data dir, or Cassandra hit "No space left on device". */
    NO_DISK,
    /** The CQL or storage port is already taken on the host. */
    PORT_TAKEN,
    /** The host does not resolve to an address of this machine. */
    HOST,
    /** A Cassandra from an earlier launch still runs on the same data dir. */
    ALREADY_RUNNING,
    /** The JVM refused its options or a module access (JDK flags, extra JVM options). */
    JAVA_FLAGS,
    /** Cassandra exited during start-up for another reason. */
    EXITED,
    /** Cassandra did not answer CQL within the start timeout and was killed. */
    TIMEOUT,
    /** The starting thread was interrupted; the half-started Cassandra was killed. */
    INTERRUPTED
  }

  private final Reason reason;

  public EmbeddedCassandraException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public EmbeddedCassandraException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
