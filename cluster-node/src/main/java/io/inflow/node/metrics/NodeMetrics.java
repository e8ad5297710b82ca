package io.inflow.node.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kamon.Kamon;
import kamon.metric.Gauge;
import kamon.metric.Histogram;
import kamon.metric.MeasurementUnit;
import kamon.prometheus.PrometheusReporter;

/**
 * The node's metrics, recorded with Kamon and served in Prometheus text format on {@code /metrics}
 * (the Prometheus reporter's embedded server stays off: one port, one authentication). Series are
 * grouped by entity type, outcome or route, never one per entity.
 *
 * <table>
 *   <tr><td>{@code inflow_ingest_events_total{outcome}}</td><td>events per ingest outcome:
 *       {@code accepted}, {@code duplicate}, {@code rejected} (their rate is the ingest rate)</td></tr>
 *   <tr><td>{@code inflow_persist_latency_seconds{entity}}</td><td>from a batch's command to its
 *       durable write, per entity type (histogram)</td></tr>
 *   <tr><td>{@code inflow_persist_batch_events{entity}}</td><td>events per persisted batch (histogram)</td></tr>
 *   <tr><td>{@code inflow_entities_alive{entity}}</td><td>entities running on this node (gauge)</td></tr>
 *   <tr><td>{@code inflow_websocket_subscribers}</td><td>live subscribers on this node (gauge)</td></tr>
 *   <tr><td>{@code inflow_http_request_duration_seconds{endpoint,status}}</td><td>per route of the
 *       endpoint catalogue (histogram)</td></tr>
 *   <tr><td>{@code inflow_jvm_heap_bytes{area}}</td><td>the JVM heap: {@code used}, {@code committed},
 *       {@code max}, and {@code after_gc} (what each heap pool held after its last collection, summed:
 *       the live data; its drift over a long run shows a leak) (gauge)</td></tr>
 *   <tr><td>{@code inflow_jvm_gc_collections{collector}}, {@code inflow_jvm_gc_seconds{collector}}</td>
 *       <td>collections and time spent collecting since the JVM started (gauges of running totals)</td></tr>
 *   <tr><td>{@code inflow_fraud_level_checks_total}</td><td>fraud level checks (at most one per active
 *       influencer per second)</td></tr>
 *   <tr><td>{@code inflow_fraud_level_changes_total{level}}</td><td>judged levels that differ from the
 *       influencer's previous one, by the new level (a rise to medium or high alerts its campaigns)</td></tr>
 *   <tr><td>{@code inflow_coordination_findings_total}</td><td>coordinated-engagement findings the
 *       detector handed to influencers (each is persisted by its influencer)</td></tr>
 * </table>
 *
 * Kamon is one per JVM: every node of a JVM (tests) shares these series. Snapshots are taken every
 * {@code inflow.metrics.tick-interval}, so a scrape shows the figures of the last completed tick.
 */
public final class NodeMetrics {
  /**
   * The series names as Prometheus shows them (histograms add {@code _bucket}, {@code _sum} and
   * {@code _count}); the deploy module checks that dashboards and alert rules use only these.
   */
  public static final java.util.List<String> SERIES = java.util.List.of("inflow_ingest_events_total",
      "inflow_persist_latency_seconds", "inflow_persist_batch_events", "inflow_entities_alive",
      "inflow_websocket_subscribers", "inflow_http_request_duration_seconds", "inflow_jvm_heap_bytes",
      "inflow_jvm_gc_collections", "inflow_jvm_gc_seconds", "inflow_fraud_level_checks_total",
      "inflow_fraud_level_changes_total", "inflow_coordination_findings_total");

  private static volatile NodeMetrics instance;

  private final PrometheusReporter reporter;
  private final kamon.metric.Counter accepted, duplicates, rejected;
  private final Histogram influencerPersist, campaignPersist, influencerBatch, campaignBatch;
  private final Gauge influencersAlive, campaignsAlive, subscribers;
  private final kamon.metric.Counter levelChecks, coordinationFindings;

  private NodeMetrics(Duration tick) {
    Config config = ConfigFactory.parseString("""
        kamon.metric.tick-interval = %d ms
        kamon.prometheus.start-embedded-http-server = no
        kamon.prometheus.include-environment-tags = no
        kamon.status-page.enabled = no
        kamon.init.hide-banner = true
        kamon.modules.prometheus-reporter.enabled = no
        kamon.modules.status-page.enabled = no
        """.formatted(tick.toMillis())).withFallback(ConfigFactory.load(NodeMetrics.class.getClassLoader()));
    Kamon.initWithoutAttaching(config); // no instrumentation agent: every series here is recorded explicitly
    reporter = new PrometheusReporter("kamon.prometheus", config);
    Kamon.addReporter("inflow-prometheus", reporter);
    var events = Kamon.counter("inflow_ingest_events", "events per ingest outcome");
    accepted = events.withTag("outcome", "accepted");
    duplicates = events.withTag("outcome", "duplicate");
    rejected = events.withTag("outcome", "rejected");
    var persist = Kamon.histogram("inflow_persist_latency", "command to durable write of a batch", MeasurementUnit.time().nanoseconds());
    influencerPersist = persist.withTag("entity", "influencer");
    campaignPersist = persist.withTag("entity", "campaign");
    var batch = Kamon.histogram("inflow_persist_batch_events", "events per persisted batch");
    influencerBatch = batch.withTag("entity", "influencer");
    campaignBatch = batch.withTag("entity", "campaign");
    var alive = Kamon.gauge("inflow_entities_alive", "entities running on this node");
    influencersAlive = alive.withTag("entity", "influencer");
    campaignsAlive = alive.withTag("entity", "campaign");
    subscribers = Kamon.gauge("inflow_websocket_subscribers", "live subscribers on this node").withoutTags();
    levelChecks = Kamon.counter("inflow_fraud_level_checks", "fraud level checks").withoutTags();
    coordinationFindings = Kamon.counter("inflow_coordination_findings", "coordination findings delivered")
        .withoutTags();
    var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "inflow-jvm-metrics");
      t.setDaemon(true);
      return t;
    });
    sampler.scheduleAtFixedRate(NodeMetrics::sampleJvm, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Heap and GC figures from the JVM's management beans, set once per tick. */
  private static void sampleJvm() {
    var heap = Kamon.gauge("inflow_jvm_heap", "JVM heap by area", MeasurementUnit.information().bytes());
    MemoryUsage usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    heap.withTag("area", "used").update(usage.getUsed());
    heap.withTag("area", "committed").update(usage.getCommitted());
    heap.withTag("area", "max").update(usage.getMax());
    long afterGc = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage collected = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      if (collected != null) afterGc += collected.getUsed();
    }
    heap.withTag("area", "after_gc").update(afterGc);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      String name = gc.getName();
      Kamon.gauge("inflow_jvm_gc_collections", "collections since the JVM started")
          .withTag("collector", name).update(Math.max(0, gc.getCollectionCount()));
      Kamon.gauge("inflow_jvm_gc_seconds", "time spent collecting since the JVM started")
          .withTag("collector", name).update(Math.max(0, gc.getCollectionTime()) / 1e3);
    }
  }

  /** The JVM's metrics, started on first use with {@code inflow.metrics.tick-interval}. */
  public static NodeMetrics start(Config inflow) {
    NodeMetrics m = instance;
    if (m == null) {
      synchronized (NodeMetrics.class) {
        if (instance == null) instance = new NodeMetrics(inflow.getDuration("metrics.tick-interval"));
        m = instance;
      }
    }
    return m;
  }

  /** The metrics if started, else null (entities of unit tests without a node). */
  public static NodeMetrics get() {
    return instance;
  }

  /** The last tick's snapshot in Prometheus text format. */
  public String scrape() {
    return reporter.scrapeData();
  }

  public void ingested(long acceptedEvents, long duplicateEvents, long rejectedEvents) {
    if (acceptedEvents > 0) accepted.increment(acceptedEvents);
    if (duplicateEvents > 0) duplicates.increment(duplicateEvents);
    if (rejectedEvents > 0) rejected.increment(rejectedEvents);
  }

  public void persisted(boolean campaign, long nanos, int events) {
    (campaign ? campaignPersist : influencerPersist).record(Math.max(0, nanos));
    (campaign ? campaignBatch : influencerBatch).record(events);
  }

  public void entityStarted(boolean campaign) {
    (campaign ? campaignsAlive : influencersAlive).increment();
  }

  public void entityStopped(boolean campaign) {
    (campaign ? campaignsAlive : influencersAlive).decrement();
  }

  public void subscriberJoined() {
    subscribers.increment();
  }

  public void subscriberLeft() {
    subscribers.decrement();
  }

  public void fraudLevelChecked(String before, String after) {
    levelChecks.increment();
    if (!before.equals(after)) {
      Kamon.counter("inflow_fraud_level_changes", "fraud level changes by new level").withTag("level", after).increment();
    }
  }

  public void coordinationFinding() {
    coordinationFindings.increment();
  }

  public void request(String endpoint, int status, long nanos) {
    Kamon.histogram("inflow_http_request_duration", "request handling time per route", MeasurementUnit.time().nanoseconds())
        .withTag("endpoint", endpoint).withTag("status", String.valueOf(status)).record(Math.max(0, nanos));
  }
}
