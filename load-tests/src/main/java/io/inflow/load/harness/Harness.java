package io.inflow.load.harness;

import io.inflow.load.BenchOptions;
import io.inflow.load.BenchResult;
import io.inflow.load.CliFlags;
import io.inflow.load.IngestBench;
import io.inflow.load.LatencySummary;
import io.inflow.load.LiveBenchOptions;
import io.inflow.load.LiveBenchResult;
import io.inflow.load.LiveLatencyBench;
import io.inflow.load.NodeGauges;
import io.inflow.load.RequestPool;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The scenarios of {@code ./inflow bench <scenario> [--out DIR]} against a running node (the script
 * starts a fresh one with embedded Cassandra unless given {@code --url}). Each writes {@code
 * DIR/<scenario>.json} ({@link ScenarioReport}: {@code eventsPerSecond}, {@code p50Ms}, {@code p99Ms},
 * {@code maxMs} flat at the top), {@code DIR/<scenario>.txt} and refreshes {@code DIR/report.html}.
 *
 * <ul>
 *   <li>{@code throughput}: raw Cassandra inserts of the same data (baseline), the closed-model maximum
 *       (baseline), then an open-model ramp from half to 1.3× that maximum: the highest step whose
 *       durable rate kept up with the offered one (≥ 95%), with ≤ 1% failed requests and ack p99 within
 *       {@code --ack-bound} is the sustained maximum.
 *   <li>{@code latency}: ingest → WebSocket at half the sustained maximum (from {@code
 *       DIR/throughput.json} when present), 100 subscribers on one campaign.
 *   <li>{@code fanout}: 1,000 subscribers over 4 campaigns at a moderate rate, after the same with 10
 *       subscribers (baseline); drops, disconnections, the node's heap, and live subscribers left on the
 *       node after the sockets close.
 *   <li>{@code mixed}: ingest at half the maximum with dashboard reads beside it; the same reads without
 *       ingest afterwards (baseline).
 *   <li>{@code soak}: a long run at a third of the maximum, latency and the node's heap per window,
 *       their drift from the first windows to the last.
 * </ul>
 */
public final class Harness {

  static final List<String> SCENARIOS = List.of("throughput", "latency", "fanout", "mixed", "soak");

  static final String USAGE = """
      Usage: bench-harness SCENARIO --url URL --token T --out DIR [options]
        SCENARIO                   throughput | latency | fanout | mixed | soak
        --cql HOST:PORT            the node's Cassandra, for the raw-insert baseline of throughput (default none: skipped)
        --datacenter NAME          its local datacenter                   (default datacenter1)
        --rate N                   offered events/s (latency ½, mixed ½, soak ⅓ of DIR/throughput.json, else 28000/28000/15000;
                                   fanout 5000)
        --duration D               measured window (latency/fanout/mixed 60s, soak 10m; throughput: per ramp step 20s)
        --warmup D                 unmeasured warm-up (30s; fanout 20s; throughput ramp step 10s)
        --subscribers N            WebSocket subscribers (latency 100, fanout 1000, mixed/soak 10)
        --watched-campaigns N      campaigns the subscribers spread over (fanout 4, else 1)
        --reads N                  dashboard reads/s in mixed          (default 20)
        --window D                 soak window                        (default 60s)
        --ack-bound D              throughput: ack p99 a sustained step must stay within (default 2s)
        --lines-per-request N      throughput ramp body size            (default 10000)
        --prewarm D                closed-model ingest before latency/mixed/soak, not measured (default 45s; 0 = none)
        --label TEXT               name of the run in the report
      """;

  private final String scenario;
  private final URI url;
  private final Optional<String> token;
  private final Path out;
  private final CliFlags flags;
  private final PrintStream log;
  private final String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  /** {@code --prewarm}: closed-model ingest before the open-model scenarios (throughput measures a cold node's ramp). */
  private final Duration prewarm;
  /**
   * The influencers and campaigns of the warm-up and of the measured runs (ingest-bench's {@code
   * --population}): the warm-up warms the entities the measured run then writes to, and the measured
   * run's pool, when it cycles, sends new posts and orders of the same people. A node in steady state
   * sees that; with a population per run, the warm-up left 2,000 idle influencers in the heap and the
   * measured window created 1,000 new ones (~120 MB of entity state in 60 s), so its full collections
   * were a cold start's.
   */
  private final String population = "w" + CliFlags.randomRunId();

  Harness(String scenario, URI url, Optional<String> token, Path out, CliFlags flags, PrintStream log) {
    this.scenario = scenario;
    this.url = url;
    this.token = token;
    this.out = out;
    this.flags = flags;
    this.log = log;
    this.prewarm = scenario.equals("throughput") ? Duration.ZERO : flags.duration("prewarm", "45s");
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || CliFlags.wantsHelp(args)) {
      System.out.print(USAGE);
      System.exit(args.length == 0 ? 2 : 0);
    }
    ScenarioReport report;
    try {
      report = run(args, System.out);
    } catch (BenchOptions.UsageException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.println("Try --help.");
      System.exit(2);
      return;
    } catch (LiveLatencyBench.SetupException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.exit(report.passed() ? 0 : 1);
  }

  /**
   * Runs {@code args[0]} with the flags after it, writes its files, prints progress and the summary
   * to {@code log}, and returns the report.
   *
   * @throws BenchOptions.UsageException for an unknown scenario or flag
   */
  public static ScenarioReport run(String[] args, PrintStream log) throws IOException, InterruptedException {
    String scenario = args[0];
    if (!SCENARIOS.contains(scenario)) throw new BenchOptions.UsageException("unknown scenario '" + scenario + "'");
    CliFlags flags = CliFlags.parse(java.util.Arrays.copyOfRange(args, 1, args.length), Set.of());
    URI url = CliFlags.httpUrl("url", flags.text("url", "http://127.0.0.1:8080"));
    Optional<String> token = Optional.ofNullable(flags.text("token", null)).filter(t -> !t.isBlank());
    Path out = Path.of(flags.text("out", "bench-results"));
    return new Harness(scenario, URI.create(url.getScheme() + "://" + url.getRawAuthority()), token, out, flags, log)
        .run();
  }

  ScenarioReport run() throws IOException, InterruptedException {
    ScenarioReport report = switch (scenario) {
      case "throughput" -> throughput();
      case "latency" -> latency();
      case "fanout" -> fanout();
      case "mixed" -> mixed();
      case "soak" -> soak();
      default -> throw new BenchOptions.UsageException("unknown scenario '" + scenario + "'");
    };
    Path json = report.write(out);
    Path html = HtmlReport.write(out);
    log.println();
    log.print(report.summary());
    log.println("wrote " + json + ", " + out.resolve(scenario + ".txt") + " and " + html);
    return report;
  }

  // ------------------------------------------------------------------------------- throughput

  private ScenarioReport throughput() throws IOException, InterruptedException {
    String label = flags.text("label", "throughput ramp");
    Duration ackBound = flags.duration("ack-bound", "2s");
    int lines = (int) flags.number("lines-per-request", 10_000);
    Duration stepWarmup = flags.duration("warmup", "10s");
    Duration stepDuration = flags.duration("duration", "20s");
    String cql = flags.text("cql", null);
    String datacenter = flags.text("datacenter", "datacenter1");
    flags.rejectUnknown();
    ScenarioReport.Builder report = new ScenarioReport.Builder("throughput", label, startedAt, url.toString());

    RawCassandraBaseline.Result raw = null;
    RawCassandraBaseline.Result batched = null;
    if (cql != null) {
      int colon = cql.lastIndexOf(':');
      if (colon < 0) throw new BenchOptions.UsageException("--cql must be HOST:PORT");
      String host = cql.substring(0, colon);
      int port = Integer.parseInt(cql.substring(colon + 1));
      raw = RawCassandraBaseline.run(host, port, datacenter, 42, 200_000, 1, Duration.ofSeconds(10),
          Duration.ofSeconds(20), 256, log);
      batched = RawCassandraBaseline.run(host, port, datacenter, 42, 200_000, 20, Duration.ofSeconds(10),
          Duration.ofSeconds(20), 64, log);
    }

    log.println("== closed model: 4 connections, 20,000-line bodies, 20 s warm-up, 40 s measured");
    BenchResult closed = IngestBench.run(BenchOptions.parse(args("--url", url.toString(), "--warmup", "20s",
        "--duration", "40s", "--connections", "4", "--lines-per-request", "20000", "--pregenerate-events", "1000000",
        "--label", "closed-model maximum")), log);
    double ceiling = closed.eventsPerSecond();
    if (ceiling <= 0) throw new LiveLatencyBench.SetupException("the closed-model run measured nothing", null);

    // bodies of `lines` lines (every step sends the same bodies): rate r means one request every lines × 1000 / r ms
    LiveBenchOptions sized = LiveBenchOptions.parse(args("--url", url.toString(), "--rate", String.valueOf(lines * 5L),
        "--subscribers", "1", "--interval-ms", "200", "--pregenerate-events", "2000000", "--label", "ramp",
        "--warmup", stepWarmup.toMillis() + "ms", "--duration", stepDuration.toMillis() + "ms"));
    RequestPool pool = LiveLatencyBench.backgroundPool(sized, log);
    long offset = 0;
    LiveBenchResult best = null;
    String stoppedBy = "the last step";
    for (double share = 0.5; share <= 1.31; share += 0.1) {
      long rate = Math.round(ceiling * share);
      int interval = (int) Math.max(1, Math.round(lines * 1000.0 / rate));
      LiveBenchOptions step = sized.step(String.format(Locale.ROOT, "ramp %.0f%%", share * 100), rate, interval,
          stepWarmup, stepDuration, Optional.empty());
      // keep the body size: the rate follows the interval
      long exact = Math.round(lines * 1000.0 / interval);
      step = step.step(step.label(), exact, interval, stepWarmup, stepDuration, Optional.empty());
      for (long nudge = 1; step.linesPerRequest() != lines && nudge < 1000; nudge++) {
        long tried = exact + (step.linesPerRequest() < lines ? nudge : -nudge);
        step = step.step(step.label(), tried, interval, stepWarmup, stepDuration, Optional.empty());
      }
      log.printf(Locale.ROOT, "== ramp step: %s events/s offered (%.0f%% of the closed-model maximum)%n",
          BenchResult.count(Math.round(step.offeredRate())), share * 100);
      LiveBenchResult r = LiveLatencyBench.run(step, pool, offset, log);
      offset += step.scheduledRequests();
      boolean keptUp = r.achievedEventsPerSecond() >= 0.95 * r.offeredEventsPerSecond();
      boolean fewFailures = r.failedRatio() <= BenchResult.MAX_FAILED_RATIO;
      boolean fastAcks = r.ackLatencyMs().p99() <= ackBound.toMillis();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("offered", Math.round(r.offeredEventsPerSecond()));
      row.put("achieved", Math.round(r.achievedEventsPerSecond()));
      row.put("ackP50Ms", r.ackLatencyMs().p50());
      row.put("ackP99Ms", r.ackLatencyMs().p99());
      row.put("updateP99Ms", r.updateLatencyMs().p99());
      row.put("failedPercent", Math.round(r.failedRatio() * 10_000) / 100.0);
      row.put("maxInFlight", r.maxInFlight());
      row.put("sustained", keptUp && fewFailures && fastAcks ? "yes" : "no");
      report.step(row);
      if (!(keptUp && fewFailures && fastAcks)) {
        stoppedBy = String.format(Locale.ROOT, "%s events/s offered: %s", BenchResult.count(Math.round(r.offeredEventsPerSecond())),
            !keptUp ? "achieved " + BenchResult.count(Math.round(r.achievedEventsPerSecond())) + " < 95% of offered"
                : !fewFailures ? "more than 1% of requests failed"
                : String.format(Locale.ROOT, "ack p99 %.0f ms > %d ms", r.ackLatencyMs().p99(), ackBound.toMillis()));
        break;
      }
      best = r;
    }
    double sustained = best == null ? 0 : best.achievedEventsPerSecond();
    report.eventsPerSecond(sustained)
        .latency("ack latency at the highest sustained step", best == null ? LatencySummary.EMPTY : best.ackLatencyMs())
        .figure("offeredAtSustainedStep", best == null ? 0 : best.offeredEventsPerSecond())
        .figure("linesPerRequest", lines)
        .figure("ackBoundMs", ackBound.toMillis())
        .figures("closedModelAck", closed.latencyMs())
        .baseline("closedModelEventsPerSecond", ceiling, "sustainedToClosedModel", sustained);
    if (raw != null) {
      report.baseline("rawCassandraRowsPerSecond", raw.rowsPerSecond(), "sustainedToRawCassandra", sustained)
          .figures("rawCassandraInsert", raw.latencyMs());
      report.baseline("rawCassandraBatchedRowsPerSecond", batched.rowsPerSecond(), "sustainedToRawCassandraBatched",
          sustained).figures("rawCassandraBatch", batched.latencyMs());
      report.note("Raw Cassandra baselines: the same events as rows in their entity's partition, one row per insert"
          + " (256 in flight) and 20 rows of one partition per unlogged batch (64 in flight; the journal writes a"
          + " persist's events so), by the Cassandra driver in the bench's JVM, sharing the box like the node does.");
    }
    report.note("Ramp stopped by " + stoppedBy + ".");
    report.target("≥ 50,000 durable events/s (one node + embedded Cassandra, this box)", sustained >= 50_000,
        BenchResult.count(Math.round(sustained)) + " events/s");
    if (best == null) report.failure("not even the first ramp step was sustained");
    return report.build();
  }

  // ------------------------------------------------------------------------------- latency

  private ScenarioReport latency() throws IOException, InterruptedException {
    long rate = rateFromThroughput(0.5, 28_000);
    LiveBenchOptions options = liveOptions("latency", rate, 100, 1, "30s", "60s", 0, "0s");
    prewarm();
    LiveBenchResult r = LiveLatencyBench.run(options, log);
    ScenarioReport.Builder report = liveReport("latency", r, "ingest request → WebSocket update");
    report.target("p99 ingest → WebSocket ≤ 100 ms at half the maximum rate", r.updateLatencyMs().p99() <= 100,
        String.format(Locale.ROOT, "p99 %.1f ms", r.updateLatencyMs().p99()));
    return report.build();
  }

  // ------------------------------------------------------------------------------- fanout

  private ScenarioReport fanout() throws IOException, InterruptedException {
    long rate = flags.number("rate", 5_000);
    int subscribers = (int) flags.number("subscribers", 1000);
    int campaigns = (int) flags.number("watched-campaigns", 4);
    String warmup = flags.text("warmup", "20s");
    String duration = flags.text("duration", "60s");
    String label = flags.text("label", "fanout");
    flags.rejectUnknown();
    HttpClient client = HttpClient.newHttpClient();
    prewarm();
    Long heapBefore = heapAfterGc(client);
    log.println("== fanout baseline: 10 subscribers, otherwise the same");
    Duration fewWarmup = min(CliFlags.parseDuration(warmup), Duration.ofSeconds(10));
    Duration fewDuration = min(CliFlags.parseDuration(duration), Duration.ofSeconds(20));
    LiveBenchResult few = LiveLatencyBench.run(LiveBenchOptions.parse(args("--url", url.toString(), "--rate",
        String.valueOf(rate), "--subscribers", "10", "--watched-campaigns", String.valueOf(campaigns), "--interval-ms",
        "200", "--population", population, "--warmup", fewWarmup.toMillis() + "ms", "--duration",
        fewDuration.toMillis() + "ms", "--label", "fanout baseline (10 subscribers)")), log);
    log.printf("== fanout: %d subscribers over %d campaigns%n", subscribers, campaigns);
    LiveBenchResult r = LiveLatencyBench.run(LiveBenchOptions.parse(args("--url", url.toString(), "--rate",
        String.valueOf(rate), "--subscribers", String.valueOf(subscribers), "--watched-campaigns",
        String.valueOf(campaigns), "--interval-ms", "200", "--population", population, "--warmup", warmup,
        "--duration", duration, "--label", label)), log);
    ScenarioReport.Builder report = liveReport("fanout", r, "ingest request → WebSocket delivery");
    Long heapDuring = heapAfterGc(client);
    // The sockets are closed. /metrics shows the last metrics tick (5 s by default): poll until the
    // node's subscriber gauge reads 0, for at most 20 s, and report how long that took.
    long closedAt = System.nanoTime();
    Optional<NodeGauges> after = NodeGauges.read(client, url, token);
    while (after.flatMap(g -> g.value("inflow_websocket_subscribers", "")).map(v -> v > 0).orElse(false)
        && System.nanoTime() - closedAt < Duration.ofSeconds(20).toNanos()) {
      Thread.sleep(1_000);
      after = NodeGauges.read(client, url, token);
    }
    if (after.isPresent()) report.figure("subscribersGoneAfterSeconds", (System.nanoTime() - closedAt) / 1e9);
    report.baseline("updateP99MsWith10Subscribers", few.updateLatencyMs().p99(), "p99To10Subscribers",
        r.updateLatencyMs().p99());
    report.figure("droppedUpdates", r.missedSamples());
    report.figure("disconnectedSubscribers", r.subscribersDisconnected().size());
    if (heapBefore != null) report.figure("nodeHeapAfterGcBeforeBytes", heapBefore);
    if (heapDuring != null) report.figure("nodeHeapAfterGcAfterBytes", heapDuring);
    after.flatMap(g -> g.value("inflow_websocket_subscribers", "")).ifPresent(v -> {
      report.figure("subscribersLeftOnNode", v);
      if (v > 0) {
        report.failure(Math.round(v) + " subscriber(s) still registered on the node 20 s after every socket closed");
      }
    });
    report.target("1,000 subscribers with p99 delivery ≤ 250 ms", subscribers >= 1000 && r.updateLatencyMs().p99() <= 250,
        String.format(Locale.ROOT, "%d subscribers, p99 %.1f ms", subscribers, r.updateLatencyMs().p99()));
    report.target("no drops", r.missedSamples() == 0 && r.subscribersDisconnected().isEmpty(),
        r.missedSamples() + " updates never shown, " + r.subscribersDisconnected().size() + " disconnected");
    return report.build();
  }

  // ------------------------------------------------------------------------------- mixed

  private ScenarioReport mixed() throws IOException, InterruptedException {
    long rate = rateFromThroughput(0.5, 28_000);
    long reads = flags.number("reads", 20);
    LiveBenchOptions options = liveOptions("mixed", rate, 10, 1, "30s", "60s", reads, "0s");
    prewarm();
    LiveBenchResult r = LiveLatencyBench.run(options, log);
    LiveBenchResult.Reads rd = r.reads();
    ScenarioReport.Builder report = liveReport("mixed", r, "dashboard read (any endpoint)");
    report.latency("dashboard read (any endpoint)", rd.latencyMs());
    report.figures("update", r.updateLatencyMs());
    report.figure("readsPerSecond", rd.offeredPerSecond()).figure("reads", rd.requests()).figure("failedReads", rd.failed());
    rd.byEndpoint().forEach((kind, l) -> report.figure("read." + kind + "P50Ms", l.p50()).figure("read." + kind + "P99Ms", l.p99()));
    report.baseline("readP99MsWithoutIngest", rd.idleLatencyMs().p99(), "readP99ToWithoutIngest", rd.latencyMs().p99());
    Double max = throughputMax();
    if (max != null) report.baseline("throughputEventsPerSecond", max, "ingestToThroughput", r.achievedEventsPerSecond());
    if (rd.failed() > rd.requests() / 100) {
      report.failure("more than 1% of reads failed (" + rd.failuresByStatus() + "; " + rd.firstFailure() + ")");
    }
    return report.build();
  }

  // ------------------------------------------------------------------------------- soak

  private ScenarioReport soak() throws IOException, InterruptedException {
    long rate = rateFromThroughput(1 / 3.0, 15_000);
    String window = flags.text("window", "60s");
    LiveBenchOptions options = liveOptions("soak", rate, 10, 1, "30s", "10m", 0, window);
    prewarm();
    LiveBenchResult r = LiveLatencyBench.run(options, log);
    ScenarioReport.Builder report = liveReport("soak", r, "ingest request → WebSocket update");
    List<LiveBenchResult.Window> windows = r.windows();
    SimpleRegression heap = new SimpleRegression();
    for (LiveBenchResult.Window w : windows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("minute", Math.round(w.endSeconds() / 6.0) / 10.0);
      row.put("eventsPerSecond", Math.round(w.eventsPerSecond()));
      row.put("ackP99Ms", w.ackLatencyMs().p99());
      row.put("updateP99Ms", w.updateLatencyMs().p99());
      row.put("heapAfterGcMiB", w.heapAfterGcBytes() == null ? "?" : (Object) (Math.round(w.heapAfterGcBytes() / 1048576.0 * 10) / 10.0));
      report.step(row);
      if (w.heapAfterGcBytes() != null) heap.addData(w.endSeconds() / 3600.0, w.heapAfterGcBytes() / 1048576.0);
    }
    if (windows.size() >= 4) {
      int quarter = Math.max(1, windows.size() / 4);
      List<LiveBenchResult.Window> first = windows.subList(0, quarter);
      List<LiveBenchResult.Window> last = windows.subList(windows.size() - quarter, windows.size());
      double firstP99 = first.stream().mapToDouble(w -> w.updateLatencyMs().p99()).average().orElse(0);
      double lastP99 = last.stream().mapToDouble(w -> w.updateLatencyMs().p99()).average().orElse(0);
      double firstAck = first.stream().mapToDouble(w -> w.ackLatencyMs().p99()).average().orElse(0);
      double lastAck = last.stream().mapToDouble(w -> w.ackLatencyMs().p99()).average().orElse(0);
      report.baseline("updateP99MsFirstQuarter", firstP99, "updateP99LastToFirstQuarter", lastP99);
      report.baseline("ackP99MsFirstQuarter", firstAck, "ackP99LastToFirstQuarter", lastAck);
      report.figure("updateP99MsLastQuarter", lastP99).figure("ackP99MsLastQuarter", lastAck);
    } else {
      report.note("Fewer than 4 windows: no drift figures (lengthen --duration or shorten --window).");
    }
    if (heap.getN() >= 4) {
      report.figure("heapAfterGcSlopeMiBPerHour", heap.getSlope());
      report.note(String.format(Locale.ROOT,
          "Heap after GC drifts %+.1f MiB per hour (least squares over %d windows); entities that go idle are passivated after 5 minutes.",
          heap.getSlope(), heap.getN()));
    }
    return report.build();
  }

  // ------------------------------------------------------------------------------- shared

  /** Options for a live run: flags override the scenario's defaults. */
  private LiveBenchOptions liveOptions(String label, long rate, int subscribers, int campaigns, String warmup,
      String duration, long reads, String window) {
    LiveBenchOptions options = LiveBenchOptions.parse(args("--url", url.toString(),
        "--rate", String.valueOf(rate),
        "--subscribers", String.valueOf(flags.number("subscribers", subscribers)),
        "--watched-campaigns", String.valueOf(flags.number("watched-campaigns", campaigns)),
        "--interval-ms", "200",
        "--population", population,
        "--warmup", flags.text("warmup", warmup),
        "--duration", flags.text("duration", duration),
        "--reads", String.valueOf(reads),
        "--window", window,
        "--clicks-out", out.resolve(label + ".clicks.csv").toString(),
        "--label", flags.text("label", label)));
    flags.rejectUnknown();
    return options;
  }

  /** A closed-model run, not measured, so that an open-model run does not start on a cold node. */
  private void prewarm() throws IOException, InterruptedException {
    if (prewarm.isZero()) return;
    log.printf(Locale.ROOT, "== warming the node up: closed-model ingest for %d s (not measured)%n", prewarm.toSeconds());
    IngestBench.run(BenchOptions.parse(args("--url", url.toString(), "--warmup", "0s", "--duration",
        prewarm.toSeconds() + "s", "--connections", "4", "--lines-per-request", "20000", "--pregenerate-events", "1000000",
        "--label", "prewarm", "--population", population)), new PrintStream(java.io.OutputStream.nullOutputStream()));
  }

  private ScenarioReport.Builder liveReport(String name, LiveBenchResult r, String latency) {
    ScenarioReport.Builder report = new ScenarioReport.Builder(name, r.label(), startedAt, url.toString())
        .eventsPerSecond(r.achievedEventsPerSecond())
        .latency(latency, r.updateLatencyMs())
        .figure("offeredEventsPerSecond", r.offeredEventsPerSecond())
        .figure("subscribers", r.subscribers())
        .figure("watchedCampaigns", Math.max(1, r.watchedCampaigns()))
        .figures("ack", r.ackLatencyMs())
        .figure("failedRequests", r.failedRequests())
        .figure("missedUpdates", r.missedSamples())
        .figure("messagesPerSubscriberMean", r.messagesPerSubscriber().mid())
        .figure("inFlightAtWindowStart", r.inFlightAtWindowStart());
    Double max = throughputMax();
    if (max != null && !name.equals("mixed")) {
      report.baseline("throughputEventsPerSecond", max, "offeredToThroughput", r.offeredEventsPerSecond());
    }
    if (!r.passed()) report.failure(r.verdict().replaceFirst("^FAIL \\((.*)\\)$", "$1"));
    return report;
  }

  /** {@code share} of the sustained rate in {@code DIR/throughput.json}, else {@code fallback}; --rate wins. */
  private long rateFromThroughput(double share, long fallback) {
    long asked = flags.number("rate", 0);
    if (asked > 0) return asked;
    Double max = throughputMax();
    if (max == null) {
      log.printf("(no %s: offering %s events/s; run the throughput scenario first to offer a share of the maximum)%n",
          out.resolve("throughput.json"), BenchResult.count(fallback));
      return fallback;
    }
    long rate = Math.round(max * share);
    log.printf(Locale.ROOT, "(offering %s events/s: %.0f%% of the sustained %s in %s)%n", BenchResult.count(rate),
        share * 100, BenchResult.count(Math.round(max)), out.resolve("throughput.json"));
    return rate;
  }

  private Double throughputMax() {
    Path file = out.resolve("throughput.json");
    if (!Files.isRegularFile(file)) return null;
    try {
      double v = ScenarioReport.read(file).eventsPerSecond();
      return v > 0 ? v : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Long heapAfterGc(HttpClient client) {
    return NodeGauges.read(client, url, token).map(g -> g.heapBytes("after_gc")).orElse(null);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The arguments plus the token, when there is one. */
  private String[] args(String... pairs) {
    List<String> all = new ArrayList<>(List.of(pairs));
    token.ifPresent(t -> {
      all.add("--token");
      all.add(t);
    });
    return all.toArray(String[]::new);
  }
}
