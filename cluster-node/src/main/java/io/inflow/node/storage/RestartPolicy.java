package io.inflow.node.storage;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the launcher does when its Cassandra exits on its own (a crash, an {@code OutOfMemoryError}):
 * start it again after {@code delay}, at most {@code maxRestarts} times within {@code within}. A
 * Cassandra that keeps dying faster than that needs a person, not a loop, so after the last allowed
 * restart it stays down and the launcher says so. {@code maxRestarts = 0} never restarts.
 */
public record RestartPolicy(int maxRestarts, Duration within, Duration delay) {

  /** Never restart: the launcher's behaviour for tests and for callers that supervise it themselves. */
  public static final RestartPolicy NEVER = new RestartPolicy(0, Duration.ofMinutes(10), Duration.ZERO);

  public RestartPolicy {
    if (maxRestarts < 0) throw new IllegalArgumentException("max must be at least 0, got " + maxRestarts);
    if (within.isNegative() || within.isZero()) throw new IllegalArgumentException("within must be positive: " + within);
    if (delay.isNegative()) throw new IllegalArgumentException("delay must not be negative: " + delay);
  }

  /** Reads {@code restart.max}, {@code restart.within} and {@code restart.delay} of an embedded section. */
  public static RestartPolicy fromConfig(Config embedded) {
    if (!embedded.hasPath("restart")) return NEVER;
    Config c = embedded.getConfig("restart");
    try {
      return new RestartPolicy(c.getInt("max"), c.getDuration("within"), c.getDuration("delay"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(c.origin(), "inflow.cassandra.embedded.restart", e.getMessage(), e);
    }
  }

  /** A fresh count of restarts for one launcher. */
  Budget budget() {
    return new Budget(this);
  }

  /** Counts the restarts of one launcher within the policy's window. Not thread-safe. */
  static final class Budget {
    private final RestartPolicy policy;
    private final Deque<Long> restarts = new ArrayDeque<>();

    private Budget(RestartPolicy policy) {
      this.policy = policy;
    }

    /** Takes one restart at {@code nowNanos} if the window still has one; false when spent. */
    boolean tryTake(long nowNanos) {
      while (!restarts.isEmpty() && nowNanos - restarts.peekFirst() >= policy.within.toNanos()) restarts.pollFirst();
      if (restarts.size() >= policy.maxRestarts) return false;
      restarts.addLast(nowNanos);
      return true;
    }
  }
}
