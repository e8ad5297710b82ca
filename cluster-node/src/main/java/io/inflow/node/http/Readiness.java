package io.inflow.node.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.stream.connectors.cassandra.CassandraSessionSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * Whether this node can serve: it is an Up member of the cluster and the journal answers a probe
 * within the timeout. Used by {@code /health/ready}.
 */
public class Readiness {
  /** The verdict and, when not ready, why. */
  public record Verdict(boolean ready, List<String> problems) {}

  private final ActorSystem<?> system;
  private final Supplier<CompletionStage<?>> journalProbe;
  private final Duration timeout;

  public Readiness(ActorSystem<?> system, Supplier<CompletionStage<?>> journalProbe, Duration timeout) {
    this.system = system;
    this.journalProbe = journalProbe;
    this.timeout = timeout;
  }

  /** A probe that runs a trivial query on the Cassandra session the journal plugin at {@code pluginPath} uses. */
  public static Supplier<CompletionStage<?>> cassandraProbe(ActorSystem<?> system, String pluginPath) {
    CassandraSession session = CassandraSessionRegistry.get(system)
        .sessionFor(CassandraSessionSettings.create(pluginPath));
    return () -> session.selectOne("SELECT release_version FROM system.local");
  }

  public CompletionStage<Verdict> check() {
    List<String> problems = new ArrayList<>();
    MemberStatus status = Cluster.get(system).selfMember().status();
    if (status != MemberStatus.up()) problems.add("cluster member status is " + status + ", not Up");
    CompletionStage<?> probe;
    try {
      probe = journalProbe.get();
    } catch (RuntimeException e) {
      probe = java.util.concurrent.CompletableFuture.failedFuture(e);
    }
    return probe.toCompletableFuture()
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handleAsync((row, failure) -> {
          if (failure != null) problems.add("journal unreachable: " + rootMessage(failure));
          return new Verdict(problems.isEmpty(), List.copyOf(problems));
        }, system.executionContext());
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
