package io.inflow.node.audit;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.inflow.protocol.api.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.connectors.cassandra.CassandraSessionSettings;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in Cassandra: table {@code audit_log}, one partition per UTC day, rows ordered by
 * time. {@link #record} queues an entry and returns at once; a stream writes queued entries (8
 * writes in flight), so auditing adds no latency to requests. An entry is therefore durable a few
 * milliseconds after its response, and a node that dies loses at most the entries still queued;
 * a full queue (10,000) or a failed write is logged at ERROR with the entry, and counted
 * ({@link #lost()}). Rows expire after {@code retention}.
 */
public final class AuditLog {
  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  public static final int MAX_DAYS = 31;

  private final CassandraSession session;
  private final String keyspace;
  private final Executor executor;
  private final CompletionStage<PreparedStatement> insert;
  private final SourceQueueWithComplete<AuditEntry> queue;
  private final AtomicLong lost = new AtomicLong();

  public AuditLog(ActorSystem<?> system, String pluginPath, String keyspace) {
    this.session = CassandraSessionRegistry.get(system).sessionFor(CassandraSessionSettings.create(pluginPath));
    this.keyspace = keyspace;
    this.executor = system.executionContext();
    this.insert = session.prepare("INSERT INTO " + keyspace + ".audit_log "
        + "(day, at, id, subject, role, action, resource, outcome, client, node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.queue = Source.<AuditEntry>queue(10_000, OverflowStrategy.dropNew())
        .mapAsyncUnordered(8, entry -> write(entry).handle((ok, failure) -> {
          if (failure != null) {
            lost.incrementAndGet();
            log.error("audit entry not persisted ({}): {}", failure.toString(), entry);
          }
          return Done.getInstance();
        }))
        .to(Sink.ignore())
        .run(system);
  }

  /** Creates {@code audit_log} if missing; rows expire after {@code retention}. */
  public static void createTable(ActorSystem<?> system, String pluginPath, String keyspace, Duration retention,
      Duration timeout) {
    CassandraSession session = CassandraSessionRegistry.get(system).sessionFor(CassandraSessionSettings.create(pluginPath));
    String cql = "CREATE TABLE IF NOT EXISTS " + keyspace + ".audit_log (day date, at timestamp, id timeuuid, "
        + "subject text, role text, action text, resource text, outcome int, client text, node text, "
        + "PRIMARY KEY ((day), at, id)) WITH default_time_to_live = " + retention.toSeconds();
    try {
      session.executeWrite(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)))
          .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not create the audit table: " + e, e);
    }
  }

  /** Queues the entry for writing; never blocks. */
  public void record(AuditEntry entry) {
    queue.offer(entry).whenCompleteAsync((result, failure) -> {
      if (failure != null || !(result instanceof QueueOfferResult.Enqueued$)) {
        lost.incrementAndGet();
        log.error("audit entry dropped ({}): {}", failure != null ? failure.toString() : result, entry);
      }
    }, Runnable::run);
  }

  /** Entries that could not be persisted since start. */
  public long lost() {
    return lost.get();
  }

  private CompletionStage<Done> write(AuditEntry e) {
    LocalDate day = LocalDate.ofInstant(e.at(), ZoneOffset.UTC);
    // absent values stay unset (not null), so they write no tombstones
    return insert.thenComposeAsync(ps -> {
      var bound = ps.bind().setLocalDate("day", day).setInstant("at", e.at()).setUuid("id", Uuids.timeBased())
          .setInt("outcome", e.outcome());
      if (e.subject() != null) bound = bound.setString("subject", e.subject());
      if (e.role() != null) bound = bound.setString("role", e.role());
      if (e.action() != null) bound = bound.setString("action", e.action());
      if (e.resource() != null) bound = bound.setString("resource", e.resource());
      if (e.client() != null) bound = bound.setString("client", e.client());
      if (e.node() != null) bound = bound.setString("node", e.node());
      return session.executeWrite(bound);
    }, executor);
  }

  /**
   * Entries with {@code from <= at < to} (at most {@value #MAX_DAYS} days), oldest first, of
   * {@code subject} when given, at most {@code limit}; the flag says whether more matched.
   */
  public CompletionStage<Page> query(Instant from, Instant to, String subject, int limit) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
    CompletionStage<List<AuditEntry>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      LocalDate d = day;
      all = all.thenComposeAsync(acc -> acc.size() > limit ? CompletableFuture.completedFuture(acc)
          : session.selectAll("SELECT at, subject, role, action, resource, outcome, client, node FROM " + keyspace
              // without a subject filter no more rows than the page can hold are read
              + ".audit_log WHERE day = ? AND at >= ? AND at < ?" + (subject == null ? " LIMIT " + (limit + 1) : ""),
              d, from, to)
          .thenApplyAsync(rows -> {
            for (Row r : rows) {
              AuditEntry entry = new AuditEntry(r.getInstant("at"), r.getString("subject"), r.getString("role"),
                  r.getString("action"), r.getString("resource"), r.getInt("outcome"), r.getString("client"),
                  r.getString("node"));
              if (subject == null || subject.equals(entry.subject())) acc.add(entry);
            }
            return acc;
          }, executor), executor);
    }
    return all.thenApply(entries -> entries.size() > limit
        ? new Page(List.copyOf(entries.subList(0, limit)), true) : new Page(List.copyOf(entries), false));
  }

  /** A page of entries; {@code truncated} when more matched than the limit. */
  public record Page(List<AuditEntry> entries, boolean truncated) {}
}
