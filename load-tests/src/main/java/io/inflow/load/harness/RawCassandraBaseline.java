package io.inflow.load.harness;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.inflow.load.BenchResult;
import io.inflow.load.EventJson;
import io.inflow.load.LatencySummary;
import io.inflow.load.TrafficGenerator;
import io.inflow.protocol.event.IngestEvent;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The in-run baseline of the {@code throughput} scenario: how many rows per second this Cassandra
 * takes of the same data when nothing but a driver writes it. Each event of the bench's traffic
 * ({@link TrafficGenerator}, same seed) becomes one row {@code (entity, seq, event_id, payload)} in
 * its entity's partition (the influencer, else the campaign), the way the journal stores events,
 * inserted with a prepared statement, {@code concurrency} writes in flight, at the driver's default
 * consistency (LOCAL_ONE); durability is the node's Cassandra's own commit-log setting, the same the
 * journal gets. With {@code batchRows} &gt; 1 an entity's consecutive events go {@code batchRows} at a
 * time into one unlogged batch (one partition, one mutation), which is how the journal writes the
 * events of one persist: a 20,000-line request of the bench's 1,000 influencers brings each about 20. No parsing, validation, dedup, state, snapshots, tags or acknowledgements: the ratio
 * of Inflow's durable events/s to this is what everything Inflow does costs over a bare write.
 *
 * <p>Writes go to a keyspace of their own ({@value #KEYSPACE}), dropped at the end so that later runs
 * do not compact it.
 */
public final class RawCassandraBaseline {

  static final String KEYSPACE = "inflow_bench_raw";

  /** Rows written in the measured window, its length, the rate, write latency, failed writes. */
  public record Result(long rows, double seconds, double rowsPerSecond, LatencySummary latencyMs, long failed,
      int concurrency, int batchRows) {}

  private RawCassandraBaseline() {}

  public static Result run(String host, int port, String datacenter, long seed, int events, int batchRows,
      Duration warmup, Duration duration, int concurrency, PrintStream out) throws InterruptedException {
    out.printf(Locale.ROOT, "Raw Cassandra baseline: %s events as rows at %s:%d, %s, %d writes in flight, warm-up %d s,"
            + " %d s measured%n", BenchResult.count(events), host, port,
        batchRows == 1 ? "one row per insert" : "up to " + batchRows + " rows of one partition per unlogged batch",
        concurrency, warmup.toSeconds(), duration.toSeconds());
    List<String> entities = new ArrayList<>(events);
    List<String> ids = new ArrayList<>(events);
    List<ByteBuffer> payloads = new ArrayList<>(events);
    TrafficGenerator generator = new TrafficGenerator(TrafficGenerator.Config.of(seed, 1000, 20));
    for (int i = 0; i < events; i++) {
      IngestEvent event = generator.next();
      // the entity whose journal the node writes it to first: its influencer, else its campaign
      entities.add(event.influencerId() != null ? event.influencerId() : String.valueOf(event.campaignId()));
      ids.add(event.eventId());
      payloads.add(ByteBuffer.wrap(EventJson.toBytes(event)));
    }
    // the writes: each a run of one entity's consecutive events, at most batchRows long
    List<int[]> writes = new ArrayList<>();
    Map<String, List<Integer>> pending = new java.util.LinkedHashMap<>();
    for (int i = 0; i < events; i++) {
      List<Integer> group = pending.computeIfAbsent(entities.get(i), e -> new ArrayList<>());
      group.add(i);
      if (group.size() == batchRows) {
        writes.add(group.stream().mapToInt(Integer::intValue).toArray());
        pending.remove(entities.get(i));
      }
    }
    pending.values().forEach(g -> writes.add(g.stream().mapToInt(Integer::intValue).toArray()));
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
        .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 4096)
        .build();
    try (CqlSession session = CqlSession.builder().addContactPoint(new InetSocketAddress(host, port))
        .withLocalDatacenter(datacenter).withConfigLoader(config).build()) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".events (entity text, seq bigint, event_id text,"
          + " payload blob, PRIMARY KEY ((entity), seq))");
      PreparedStatement insert = session.prepare("INSERT INTO " + KEYSPACE
          + ".events (entity, seq, event_id, payload) VALUES (?, ?, ?, ?)");
      Semaphore inFlight = new Semaphore(concurrency);
      Histogram micros = LatencySummary.newHistogram();
      AtomicLong measuredRows = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      Map<String, Long> seq = new HashMap<>();
      long start = System.nanoTime();
      long measureFrom = start + warmup.toNanos();
      long end = measureFrom + duration.toNanos();
      long measuredEnd = end;
      for (long n = 0; ; n++) {
        long now = System.nanoTime();
        if (now >= end) break;
        int[] write = writes.get((int) (n % writes.size()));
        String entity = entities.get(write[0]) + "#" + n / writes.size(); // each pass over the data is a new copy
        Statement<?> statement;
        if (write.length == 1) {
          statement = insert.bind(entity, seq.merge(entity, 1L, Long::sum), ids.get(write[0]),
              payloads.get(write[0]).duplicate());
        } else {
          BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
          for (int i : write) {
            batch.addStatement(insert.bind(entity, seq.merge(entity, 1L, Long::sum), ids.get(i), payloads.get(i).duplicate()));
          }
          statement = batch.build();
        }
        int rows = write.length;
        inFlight.acquire();
        long sent = System.nanoTime();
        boolean measured = sent >= measureFrom;
        session.executeAsync(statement)
            .whenComplete((rs, error) -> {
              long done = System.nanoTime();
              inFlight.release();
              if (!measured || done > measuredEnd) return;
              if (error != null) {
                failed.incrementAndGet();
                return;
              }
              measuredRows.addAndGet(rows);
              synchronized (micros) {
                micros.recordValue((done - sent) / 1_000);
              }
            });
      }
      if (!inFlight.tryAcquire(concurrency, 30, TimeUnit.SECONDS)) out.println("  (some writes never completed)");
      double seconds = duration.toNanos() / 1e9;
      LatencySummary latency;
      synchronized (micros) {
        latency = LatencySummary.of(micros);
      }
      Result result = new Result(measuredRows.get(), seconds, Math.round(measuredRows.get() / seconds * 10) / 10.0,
          latency, failed.get(), concurrency, batchRows);
      out.printf(Locale.ROOT, "  %s rows/s (%s rows in %.0f s), write p50 %.1f ms p99 %.1f ms, %s failed%n",
          BenchResult.count(Math.round(result.rowsPerSecond())), BenchResult.count(result.rows()), seconds,
          latency.p50(), latency.p99(), BenchResult.count(result.failed()));
      session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      return result;
    }
  }
}
