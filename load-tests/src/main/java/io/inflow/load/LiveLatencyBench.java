package io.inflow.load;

import io.inflow.load.IngestBench.Outcome;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.event.Click;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Latency from an ingest request to the WebSocket update that shows it, at a fixed offered rate,
 * with many subscribers on one campaign (issue 3, "Figures to report").
 *
 * <ol>
 *   <li>Background traffic is generated first ({@link TrafficGenerator} through {@link
 *       RequestPool}, cycled under fresh ids when the run needs more).
 *   <li>One watched campaign is defined ({@code PUT /api/v1/campaigns/{id}}) and {@code
 *       --subscribers} WebSockets are opened on {@code /api/v1/campaigns/{id}/live}; the load starts
 *       once every subscriber has its snapshot.
 *   <li>Open model: request {@code k} is scheduled at {@code start + (k − 1) × interval} and carries
 *       the next {@code lines − 1} background events plus exactly one {@code click} on the watched
 *       campaign (unique eventId, {@code occurredAt} encoding {@code k}, see {@link WatchedClicks}).
 *       One sender thread puts requests on the wire asynchronously and never waits for replies, so
 *       a slow reply delays no later request; latencies are taken from the scheduled time, so a late
 *       sender cannot hide a stall either.
 *   <li>Each subscriber turns its messages into per-click latencies ({@link SubscriberLatency});
 *       replies give the acknowledgement latency. After the schedule, the bench waits for every
 *       reply, then up to {@code --drain} for every subscriber to show every acknowledged click.
 * </ol>
 *
 * <p>Threads: the sender, a progress printer, and small fixed pools given explicitly to both HTTP
 * clients and to every asynchronous continuation; nothing runs on the common ForkJoinPool. Exit
 * status: 0 when the run passed ({@link LiveBenchResult#passed()}), 1 otherwise, 2 for bad
 * arguments.
 */
public final class LiveLatencyBench {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  /** Lead between the last snapshot and the first scheduled request. */
  private static final Duration START_LEAD = Duration.ofMillis(100);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private LiveLatencyBench() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (LiveBenchOptions.wantsHelp(args)) {
      System.out.print(LiveBenchOptions.USAGE);
      return;
    }
    LiveBenchOptions options;
    try {
      options = LiveBenchOptions.parse(args);
    } catch (BenchOptions.UsageException e) {
      System.err.println("live-bench: " + e.getMessage());
      System.err.println("Try --help.");
      System.exit(2);
      return;
    }
    try {
      LiveBenchResult result = run(options, System.out);
      System.exit(result.passed() ? 0 : 1);
    } catch (SetupException e) {
      System.err.println("live-bench: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The run could not start: the campaign could not be defined or subscribers not connected. */
  public static final class SetupException extends IOException {
    private static final long serialVersionUID = 1L;

    public SetupException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Generates the background traffic, runs the benchmark, prints progress, the table and the JSON
   * line to {@code out}, writes {@code --json-out} if asked, and returns the result.
   */
  public static LiveBenchResult run(LiveBenchOptions options, PrintStream out) throws IOException, InterruptedException {
    return run(options, backgroundPool(options, out), 0, out);
  }

  /**
   * The same with background traffic generated beforehand ({@link #backgroundPool}), so that the
   * steps of a ramp share one pool; its bodies must hold {@link LiveBenchOptions#backgroundLinesPerRequest()}
   * lines (null when that is 0). Request {@code k} sends body {@code poolOffset + k − 1}: a ramp passes
   * the requests its earlier steps sent, so no step repeats an event id of another.
   */
  public static LiveBenchResult run(LiveBenchOptions options, RequestPool pool, long poolOffset, PrintStream out)
      throws IOException, InterruptedException {
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ExecutorService ingestIo = Executors.newFixedThreadPool(2, IngestBench.daemonThreads("live-bench-http-"));
    ExecutorService socketIo = Executors.newFixedThreadPool(2, IngestBench.daemonThreads("live-bench-ws-"));
    ExecutorService continuations = Executors.newSingleThreadExecutor(IngestBench.daemonThreads("live-bench-cont-"));
    List<Subscriber> subscribers = new ArrayList<>();
    try {
      HttpClient ingestClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT).executor(ingestIo).build();
      HttpClient socketClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT).executor(socketIo).build();
      Watched watched = Watched.of(options.runId(), options.watchedCampaigns());
      for (int j = 0; j < watched.campaignIds().size(); j++) defineCampaign(ingestClient, options, watched, j, out);
      DashboardReads reads = null;
      if (options.readsPerSecond() > 0) {
        reads = DashboardReads.prepare(options, pool, ingestClient, out);
      }
      connect(socketClient, options, watched, subscribers, continuations, out);

      Instant wallNow = Instant.now();
      long nanosNow = System.nanoTime();
      long start = nanosNow + START_LEAD.toNanos();
      // Click k occurs at base + k ms: whole ms, a second in the past, so never after its send.
      Instant occurredBase = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
      WatchedClicks clicks = new WatchedClicks(start, Duration.ofMillis(options.intervalMs()), options.warmup(),
          options.duration(), occurredBase);
      ClickTimeline timeline = new ClickTimeline(clicks, wallNow, nanosNow);
      for (Subscriber s : subscribers) s.track(new SubscriberLatency(s.number, clicks, timeline));
      RequestTally tally = new RequestTally(clicks);
      out.printf(Locale.ROOT, "Offering %s events/s (%s lines every %d ms) to %s: warm-up %.1f s, then %.1f s measured%n",
          BenchResult.count(Math.round(options.offeredRate())), BenchResult.count(options.linesPerRequest()),
          options.intervalMs(), options.eventsUrl(), options.warmup().toMillis() / 1e3,
          options.duration().toMillis() / 1e3);

      CountDownLatch finished = new CountDownLatch(1);
      WindowSampler windows = new WindowSampler(options, clicks, tally, subscribers, ingestClient, out);
      Thread progress = new Thread(() -> reportProgress(clicks, tally, subscribers, finished, windows, out),
          "live-bench-progress");
      progress.setDaemon(true);
      progress.start();
      if (reads != null) reads.start(clicks.startNanos(), clicks.warmupEndNanos(), clicks.endNanos());
      Sender sender = new Sender(options, pool, poolOffset, watched, clicks, tally, ingestClient, continuations);
      Thread senderThread = new Thread(sender, "live-bench-sender");
      senderThread.setDaemon(true);
      senderThread.setPriority(Thread.MAX_PRIORITY);
      senderThread.start();
      try {
        senderThread.join();
        if (reads != null) reads.awaitSchedule();
        long lastSent = tally.dispatched();
        out.printf(Locale.ROOT, "Schedule done (%s requests sent); waiting for replies and late updates...%n",
            BenchResult.count(lastSent));
        tally.awaitCompletion(options.requestTimeout().plusSeconds(5));
        drain(subscribers, lastSent, options.drainTimeout());
        long drainedAt = System.nanoTime();
        for (Subscriber s : subscribers) s.latency().finish(lastSent, drainedAt);
      } finally {
        finished.countDown();
        senderThread.interrupt();
      }
      progress.join(1_000);
      windows.finish(System.nanoTime());
      for (Subscriber s : subscribers) s.markFinished();
      LiveBenchResult.Reads readFigures = reads == null ? null : reads.finish(options.requestTimeout());
      LiveBenchResult result;
      synchronized (tally) { // replies that completed after the wait are counted consistently
        result = summarise(options, startedAt, watched, clicks, tally, subscribers, readFigures, windows.windows());
      }
      IngestBench.report(result.toTable(), result.toJson(), out, options.jsonOut());
      if (options.clicksOut().isPresent()) {
        timeline.write(options.clicksOut().get());
        out.println("Wrote every measured click's latency to " + options.clicksOut().get().toAbsolutePath());
      }
      return result;
    } finally {
      closeAll(subscribers);
      continuations.shutdownNow();
      ingestIo.shutdownNow();
      socketIo.shutdownNow();
    }
  }

  // ------------------------------------------------------------------------------- set-up

  /**
   * Ids of the watched campaigns ({@code <runId>-watch}, then {@code -watch2}, …), their brand and
   * the influencer (enrolled in each) whose clicks are watched.
   */
  record Watched(List<String> campaignIds, String brandId, String influencerId, String runId) {
    static Watched of(String runId, int campaigns) {
      List<String> ids = new ArrayList<>();
      for (int j = 0; j < campaigns; j++) ids.add(runId + "-watch" + (j == 0 ? "" : String.valueOf(j + 1)));
      return new Watched(List.copyOf(ids), runId + "-watch-b", runId + "-watch-i", runId);
    }

    /** The watched campaign of subscriber {@code number} (1-based): round robin. */
    String campaignOf(int subscriber) {
      return campaignIds.get((subscriber - 1) % campaignIds.size());
    }

    /** Event id of click {@code ordinal} on watched campaign {@code j} (0-based). */
    String clickEventId(long ordinal, int j) {
      return runId + "-w" + ordinal + (j == 0 ? "" : "-" + (j + 1));
    }

    boolean isClickOf(String eventId, long ordinal) {
      for (int j = 0; j < campaignIds.size(); j++) if (clickEventId(ordinal, j).equals(eventId)) return true;
      return false;
    }

    /** The NDJSON lines (each with its newline) of watched click {@code ordinal}, one per watched campaign. */
    byte[] clickLines(long ordinal, Instant occurredAt) {
      java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream(200 * campaignIds.size());
      for (int j = 0; j < campaignIds.size(); j++) {
        lines.writeBytes(EventJson.toBytes(new Click(clickEventId(ordinal, j), campaignIds.get(j), influencerId,
            occurredAt, null)));
        lines.write('\n');
      }
      return lines.toByteArray();
    }
  }

  /** The generator of a run's background traffic (its ids carry the namespace {@code <runId>00}). */
  static TrafficGenerator backgroundGenerator(LiveBenchOptions options) {
    return new TrafficGenerator(options.generatorConfig());
  }

  /** The background traffic of a run: generated before the clock starts (null when requests carry only clicks). */
  public static RequestPool backgroundPool(LiveBenchOptions options, PrintStream out) {
    if (options.backgroundLinesPerRequest() == 0) return null;
    int perBody = options.backgroundLinesPerRequest();
    long events = (options.poolEvents() + perBody - 1) / perBody * perBody; // whole bodies: every request the same size
    out.printf(Locale.ROOT, "Generating %s background events (%s influencers, %s campaigns, seed %d, run id %s)...%n",
        BenchResult.count(events), BenchResult.count(options.influencers()), BenchResult.count(options.campaigns()),
        options.seed(), options.runId());
    long t0 = System.nanoTime();
    RequestPool pool = RequestPool.generate(backgroundGenerator(options), options.runId(), events, perBody, false);
    out.printf(Locale.ROOT, "  %s bodies, %s in all, in %.1f s%n", BenchResult.count(pool.size()),
        IngestBench.bytes(pool.totalBytes()), (System.nanoTime() - t0) / 1e9);
    return pool;
  }

  private static HttpRequest.Builder authorised(HttpRequest.Builder builder, LiveBenchOptions options) {
    options.token().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    return builder;
  }

  private static void defineCampaign(HttpClient client, LiveBenchOptions options, Watched watched, int j,
      PrintStream out) throws IOException, InterruptedException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    CampaignDefinition definition = new CampaignDefinition(watched.brandId(),
        "Live latency bench " + watched.runId(), new BigDecimal("100000.00"), "EUR", now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(30)),
        List.of(new Enrolment(watched.influencerId(), new BigDecimal("1000.00"), null, null, null)), Map.of());
    String campaignId = watched.campaignIds().get(j);
    HttpRequest request = authorised(HttpRequest.newBuilder(options.campaignUrl(campaignId)), options)
        .timeout(options.requestTimeout())
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(definition)))
        .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SetupException("cannot define the watched campaign at " + request.uri() + ": " + e, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SetupException("PUT " + request.uri() + " answered HTTP " + response.statusCode() + ": "
          + response.body(), null);
    }
    out.printf("Defined campaign %s (HTTP %d)%n", campaignId, response.statusCode());
  }

  private static void connect(HttpClient client, LiveBenchOptions options, Watched watched,
      List<Subscriber> subscribers, ExecutorService continuations, PrintStream out)
      throws IOException, InterruptedException {
    out.printf("Opening %d WebSocket subscribers on %s%s...%n", options.subscribers(),
        options.liveUrl(watched.campaignIds().get(0)), watched.campaignIds().size() == 1 ? ""
            : " and " + (watched.campaignIds().size() - 1) + " more watched campaign(s), round robin");
    long t0 = System.nanoTime();
    List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
    for (int i = 1; i <= options.subscribers(); i++) {
      Subscriber subscriber = new Subscriber(i);
      subscribers.add(subscriber);
      WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
      options.token().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
      opening.add(builder.buildAsync(options.liveUrl(watched.campaignOf(i)), subscriber)
          .whenCompleteAsync((socket, failure) -> subscriber.opened(socket, failure), continuations));
    }
    long deadline = System.nanoTime() + SNAPSHOT_TIMEOUT.toNanos();
    for (int i = 0; i < opening.size(); i++) {
      try {
        opening.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        throw new SetupException("subscriber " + (i + 1) + " could not open its WebSocket: " + e.getCause(), e.getCause());
      } catch (TimeoutException e) {
        throw new SetupException("subscriber " + (i + 1) + " did not connect within " + SNAPSHOT_TIMEOUT.toSeconds()
            + " s", e);
      }
    }
    for (Subscriber s : subscribers) {
      if (!s.awaitSnapshot(Math.max(1, deadline - System.nanoTime()))) {
        throw new SetupException("subscriber " + s.number + " got no snapshot within " + SNAPSHOT_TIMEOUT.toSeconds()
            + " s" + (s.closeReason() == null ? "" : " (" + s.closeReason() + ")"), null);
      }
    }
    out.printf(Locale.ROOT, "  all %d snapshots in %.2f s%n", subscribers.size(), (System.nanoTime() - t0) / 1e9);
  }

  private static void drain(List<Subscriber> subscribers, long lastSent, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (Subscriber s : subscribers) {
        if (!s.isClosed() && !s.latency().caughtUp(lastSent)) {
          all = false;
          break;
        }
      }
      if (all) return;
      Thread.sleep(20);
    }
  }

  /** Closes every socket normally, waiting at most {@link #CLOSE_TIMEOUT} in all, then aborts them. */
  private static void closeAll(List<Subscriber> subscribers) {
    List<CompletableFuture<WebSocket>> closing = new ArrayList<>();
    for (Subscriber s : subscribers) {
      CompletableFuture<WebSocket> close = s.startClose();
      if (close != null) closing.add(close);
    }
    long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
    for (CompletableFuture<WebSocket> close : closing) {
      try {
        close.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // aborted below either way
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Subscriber s : subscribers) s.abort();
  }

  private static void reportProgress(WatchedClicks clicks, RequestTally tally, List<Subscriber> subscribers,
      CountDownLatch finished, WindowSampler windows, PrintStream out) {
    long tick = windows.tickMillis(PROGRESS_EVERY.toMillis());
    long printed = clicks.startNanos();
    try {
      while (!finished.await(tick, TimeUnit.MILLISECONDS)) {
        long now = System.nanoTime();
        windows.maybeSample(now);
        if (now - printed < PROGRESS_EVERY.toNanos() - tick * 500_000L) continue;
        printed = now;
        String phase = now < clicks.warmupEndNanos() ? "warm-up" : now < clicks.endNanos() ? "measuring" : "draining";
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        int open = 0;
        for (Subscriber s : subscribers) {
          if (s.isClosed()) continue;
          open++;
          long seen = s.latency().visibleOrdinal();
          lowest = Math.min(lowest, seen);
          highest = Math.max(highest, seen);
        }
        out.printf(Locale.ROOT, "  [%6.1f s %-9s] sent %s, acked %s, failed %s, in flight %d; subscribers %d open,"
                + " all clicks shown up to #%s..#%s%n",
            (now - clicks.startNanos()) / 1e9, phase, BenchResult.count(tally.dispatched()),
            BenchResult.count(tally.acked()), BenchResult.count(tally.failedAll()), tally.inFlight(), open,
            open == 0 ? "-" : BenchResult.count(lowest), open == 0 ? "-" : BenchResult.count(highest));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------------------- summary

  private static LiveBenchResult summarise(LiveBenchOptions options, Instant startedAt, Watched watched,
      WatchedClicks clicks, RequestTally tally, List<Subscriber> subscribers, LiveBenchResult.Reads reads,
      List<LiveBenchResult.Window> windows) {
    Histogram updates = LatencySummary.newHistogram();
    List<Long> messages = new ArrayList<>();
    List<Double> p99s = new ArrayList<>();
    Map<String, Long> behind = new LinkedHashMap<>();
    Map<String, String> disconnected = new LinkedHashMap<>();
    long samples = 0, missed = 0, outOfOrder = 0, undecoded = 0, stale = 0, impossible = 0, bad = 0;
    for (Subscriber s : subscribers) {
      SubscriberLatency l = s.latency();
      Histogram h = l.latencyMicros();
      updates.add(h);
      messages.add(l.messages());
      p99s.add(LatencySummary.of(h).p99());
      samples += l.samples();
      missed += l.missed();
      outOfOrder += l.outOfOrderMessages();
      undecoded += l.undecodedMessages();
      stale += l.staleMessages();
      impossible += l.impossible();
      bad += s.badMessages();
      if (l.missed() > 0) behind.put(String.valueOf(s.number), l.missed());
      if (s.closeReason() != null) disconnected.put(String.valueOf(s.number), s.closeReason());
    }
    double seconds = options.duration().toMillis() / 1e3;
    LatencySummary updateLatency = LatencySummary.of(updates);
    long measuredClicks = clicks.measuredCount();
    double failedRatio = tally.requests == 0 ? 0 : (double) tally.failed() / tally.requests;
    return new LiveBenchResult(
        options.label(),
        options.baseUrl().toString(),
        startedAt.toString(),
        options.runId(),
        watched.campaignIds().get(0),
        options.subscribers(),
        options.rate(),
        options.offeredRate(),
        Math.round(tally.accepted / seconds * 10) / 10.0,
        options.intervalMs(),
        options.linesPerRequest(),
        options.influencers(),
        options.campaigns(),
        options.seed(),
        options.warmup().toMillis() / 1e3,
        seconds,
        tally.requests,
        tally.dispatched(),
        tally.succeeded,
        tally.failed(),
        failedRatio,
        tally.statuses,
        tally.ioErrors,
        tally.timeouts,
        tally.badReplies,
        tally.requests * options.linesPerRequest(),
        tally.accepted,
        tally.duplicates,
        tally.rejected,
        tally.maxInFlight,
        Math.max(0, tally.inFlightAtWindowStart),
        LatencySummary.of(tally.sendLagMicros),
        LatencySummary.of(tally.ackMicros),
        updateLatency,
        measuredClicks,
        samples,
        missed,
        spread(p99s, true),
        spread(messages.stream().map(Long::doubleValue).toList(), false),
        messages,
        behind,
        disconnected,
        outOfOrder,
        undecoded,
        stale,
        impossible,
        bad,
        tally.ackInversions(),
        LiveBenchResult.P99_TARGET_MS,
        samples > 0 && updateLatency.p99() <= LiveBenchResult.P99_TARGET_MS,
        tally.firstFailure,
        LiveBenchResult.verdictOf(samples, failedRatio, disconnected.size(), missed, impossible),
        options.watchedCampaigns(),
        reads,
        windows);
  }

  /** Min, median (or mean) and max; zeros for an empty list. */
  static LiveBenchResult.Spread spread(List<Double> values, boolean median) {
    if (values.isEmpty()) return new LiveBenchResult.Spread(0, 0, 0);
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double mid = median
        ? (sorted.length % 2 == 1 ? sorted[sorted.length / 2]
            : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2)
        : Arrays.stream(sorted).average().orElse(0);
    return new LiveBenchResult.Spread(sorted[0], Math.round(mid * 1000) / 1000.0, sorted[sorted.length - 1]);
  }

  // ------------------------------------------------------------------------------- sending

  /** The body of a reply with the nanoTime at which it was complete (taken on the client's executor). */
  record TimedBody(byte[] bytes, long completedNanos) {}

  private static final HttpResponse.BodyHandler<TimedBody> TIMED = info -> HttpResponse.BodySubscribers.mapping(
      HttpResponse.BodySubscribers.ofByteArray(), bytes -> new TimedBody(bytes, System.nanoTime()));

  /** Puts request k on the wire at its scheduled time, never waiting for a reply. */
  private static final class Sender implements Runnable {
    private final LiveBenchOptions options;
    private final RequestPool pool;
    private final long poolOffset;
    private final Watched watched;
    private final WatchedClicks clicks;
    private final RequestTally tally;
    private final HttpClient client;
    private final ExecutorService continuations;
    private final HttpRequest.Builder template;

    Sender(LiveBenchOptions options, RequestPool pool, long poolOffset, Watched watched, WatchedClicks clicks,
        RequestTally tally, HttpClient client, ExecutorService continuations) {
      this.options = options;
      this.pool = pool;
      this.poolOffset = poolOffset;
      this.watched = watched;
      this.clicks = clicks;
      this.tally = tally;
      this.client = client;
      this.continuations = continuations;
      this.template = authorised(HttpRequest.newBuilder(options.eventsUrl()), options)
          .timeout(options.requestTimeout())
          .header("Content-Type", RequestPool.NDJSON)
          .header("Accept", "application/json");
    }

    @Override
    public void run() {
      for (long k = 1; k <= clicks.lastOrdinal(); k++) {
        if (!sleepUntil(clicks.scheduledAt(k))) return;
        long ordinal = k;
        byte[] click = watched.clickLines(ordinal, clicks.occurredAt(ordinal));
        HttpRequest.BodyPublisher body;
        if (pool == null) {
          body = HttpRequest.BodyPublishers.ofByteArray(click);
        } else {
          RequestPool.Body background = pool.body(poolOffset + ordinal - 1);
          if (background == null) return; // all 1,296 cycles used: the run stops short
          body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(background.bytes()),
              HttpRequest.BodyPublishers.ofByteArray(click));
        }
        HttpRequest request = template.copy().POST(body).build();
        tally.dispatched(ordinal, System.nanoTime());
        client.sendAsync(request, TIMED).whenCompleteAsync(
            (response, failure) -> tally.completed(ordinal, outcome(response, failure), options.linesPerRequest(),
                watched),
            continuations);
      }
    }

    private static boolean sleepUntil(long nanos) {
      long wait;
      while ((wait = nanos - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
        if (Thread.currentThread().isInterrupted()) return false;
      }
      return true;
    }

    private static Completed outcome(HttpResponse<TimedBody> response, Throwable failure) {
      if (failure == null) {
        TimedBody body = response.body();
        return new Completed(Outcome.of(response.statusCode(), body.bytes(), response), body.completedNanos());
      }
      long now = System.nanoTime();
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      if (cause instanceof HttpTimeoutException timeout) {
        return new Completed(Outcome.failed(Outcome.Kind.TIMEOUT, timeout), now);
      }
      IOException io = cause instanceof IOException e ? e : new IOException(cause.toString(), cause);
      return new Completed(Outcome.failed(Outcome.Kind.IO_ERROR, io), now);
    }
  }

  record Completed(Outcome outcome, long atNanos) {}

  /** Requests sent and their replies; measured tallies cover requests scheduled in the window. */
  static final class RequestTally {
    private final WatchedClicks clicks;
    private final long[] ackedAt;
    final Histogram sendLagMicros = LatencySummary.newHistogram();
    final Histogram ackMicros = LatencySummary.newHistogram();
    /** Acks of requests completed since the last {@link #takeWindow}, any phase. */
    private Histogram windowAckMicros = LatencySummary.newHistogram();
    private long windowAccepted;
    final Map<String, Long> statuses = new TreeMap<>();
    private long dispatched;
    private long completedAll;
    private long ackedAll;
    private long failedAll;
    private int inFlight;
    int maxInFlight;
    /** Requests still unanswered when the first measured one left: the backlog the warm-up left. */
    int inFlightAtWindowStart = -1;
    long requests;
    long succeeded;
    long accepted;
    long duplicates;
    long rejected;
    long ioErrors;
    long timeouts;
    long badReplies;
    String firstFailure;

    RequestTally(WatchedClicks clicks) {
      this.clicks = clicks;
      this.ackedAt = new long[(int) clicks.lastOrdinal() + 2];
    }

    synchronized void dispatched(long ordinal, long atNanos) {
      dispatched = ordinal;
      if (inFlightAtWindowStart < 0 && clicks.measured(ordinal)) inFlightAtWindowStart = inFlight;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (clicks.measured(ordinal)) sendLagMicros.recordValue(Math.max(0, atNanos - clicks.scheduledAt(ordinal)) / 1_000);
    }

    synchronized void completed(long ordinal, Completed done, int lines, Watched watched) {
      int firstClickLine = lines - watched.campaignIds().size() + 1;
      Outcome outcome = done.outcome();
      completedAll++;
      inFlight--;
      boolean clickRejected = false;
      if (outcome.succeeded()) {
        ackedAll++;
        ackedAt[(int) ordinal] = done.atNanos();
        List<ErrorDetail> lineErrors = outcome.reply.rejected() == null ? List.of() : outcome.reply.rejected();
        java.util.function.Predicate<ErrorDetail> isClick = d -> watched.isClickOf(d.eventId(), ordinal)
            || (d.line() != null && d.line() >= firstClickLine);
        clickRejected = lineErrors.stream().anyMatch(isClick);
        if (clickRejected && firstFailure == null) {
          firstFailure = "a watched click was rejected: " + lineErrors.stream().filter(isClick)
              .findFirst().map(ErrorDetail::message).orElse("");
        }
      } else {
        failedAll++;
      }
      if (!outcome.succeeded() || clickRejected) clicks.markFailed(ordinal);
      if (clicks.measured(ordinal)) {
        requests++;
        if (!outcome.succeeded() && firstFailure == null) firstFailure = outcome.failure;
        if (outcome.kind == Outcome.Kind.TIMEOUT) {
          timeouts++;
        } else if (outcome.kind == Outcome.Kind.IO_ERROR) {
          ioErrors++;
        } else if (outcome.status / 100 != 2) {
          statuses.merge(String.valueOf(outcome.status), 1L, Long::sum);
        } else if (outcome.reply == null) {
          badReplies++;
        } else {
          succeeded++;
          ackMicros.recordValue(Math.max(0, done.atNanos() - clicks.scheduledAt(ordinal)) / 1_000);
          windowAckMicros.recordValue(Math.max(0, done.atNanos() - clicks.scheduledAt(ordinal)) / 1_000);
          windowAccepted += outcome.reply.accepted();
          accepted += outcome.reply.accepted();
          duplicates += outcome.reply.duplicates();
          rejected += outcome.reply.rejected() == null ? 0 : outcome.reply.rejected().size();
        }
      }
      if (completedAll == dispatched) notifyAll();
    }

    /** Waits until every dispatched request completed (or {@code timeout}). */
    synchronized void awaitCompletion(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (completedAll < dispatched) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return;
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    synchronized long dispatched() {
      return dispatched;
    }

    /** Ack latencies and accepted events of the measured requests completed since the last call. */
    synchronized Map.Entry<Histogram, Long> takeWindow() {
      Map.Entry<Histogram, Long> window = Map.entry(windowAckMicros, windowAccepted);
      windowAckMicros = LatencySummary.newHistogram();
      windowAccepted = 0;
      return window;
    }

    synchronized long acked() {
      return ackedAll;
    }

    synchronized long failedAll() {
      return failedAll;
    }

    synchronized int inFlight() {
      return inFlight;
    }

    synchronized long failed() {
      return requests - succeeded;
    }

    /** Measured successful requests acknowledged before the successful one scheduled just before them. */
    synchronized long ackInversions() {
      long inversions = 0;
      for (long k = 2; k <= dispatched; k++) {
        if (!clicks.measured(k) || !clicks.measured(k - 1)) continue;
        long previous = ackedAt[(int) (k - 1)];
        long current = ackedAt[(int) k];
        if (previous != 0 && current != 0 && current < previous) inversions++;
      }
      return inversions;
    }
  }

  // ------------------------------------------------------------------------------- receiving

  /**
   * One WebSocket subscriber. Messages are timed when complete, parsed, and handed to its {@link
   * SubscriberLatency}; until that exists (the schedule starts after every snapshot), they are held.
   */
  static final class Subscriber implements WebSocket.Listener {
    private record Held(LiveFrame frame, long arrivalNanos) {}

    final int number;
    private final StringBuilder partial = new StringBuilder();
    private final List<Held> held = new ArrayList<>();
    private final CountDownLatch snapshot = new CountDownLatch(1);
    private SubscriberLatency latency;
    private WebSocket socket;
    private String closeReason;
    private boolean closing;
    private long badMessages;

    Subscriber(int number) {
      this.number = number;
    }

    synchronized void opened(WebSocket socket, Throwable failure) {
      this.socket = socket;
      if (failure != null && closeReason == null) closeReason = "could not connect: " + failure;
    }

    /** From now on messages go to {@code tracker}; those held so far are replayed into it first. */
    synchronized void track(SubscriberLatency tracker) {
      for (Held message : held) tracker.onMessage(message.frame(), message.arrivalNanos());
      held.clear();
      latency = tracker;
    }

    synchronized SubscriberLatency latency() {
      return latency;
    }

    boolean awaitSnapshot(long nanos) throws InterruptedException {
      return snapshot.await(nanos, TimeUnit.NANOSECONDS);
    }

    synchronized boolean isClosed() {
      return closeReason != null;
    }

    synchronized String closeReason() {
      return closeReason;
    }

    synchronized long badMessages() {
      return badMessages;
    }

    /** The bench is done with this subscriber: closing it from now on is no disconnection. */
    synchronized void markFinished() {
      closing = true;
    }

    /** Starts a normal close; null when there is nothing to close. */
    CompletableFuture<WebSocket> startClose() {
      WebSocket ws;
      synchronized (this) {
        closing = true;
        ws = socket;
      }
      if (ws == null || ws.isOutputClosed()) return null;
      return ws.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
    }

    /** Drops the connection at once (after the close handshake had its chance). */
    synchronized void abort() {
      if (socket != null) socket.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      String text = null;
      long arrival = 0;
      synchronized (this) {
        partial.append(data);
        if (last) {
          arrival = System.nanoTime();
          text = partial.toString();
          partial.setLength(0);
        }
      }
      if (text != null) received(text, arrival);
      webSocket.request(1);
      return null;
    }

    private void received(String text, long arrival) {
      LiveFrame frame;
      try {
        frame = LiveFrame.parse(text);
      } catch (LiveFrame.BadFrameException e) {
        synchronized (this) {
          badMessages++;
        }
        return;
      }
      synchronized (this) {
        if (latency != null) {
          latency.onMessage(frame, arrival);
        } else {
          held.add(new Held(frame, arrival));
        }
      }
      if (frame.carriesState()) snapshot.countDown();
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      synchronized (this) {
        if (last) badMessages++;
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      synchronized (this) {
        if (!closing && closeReason == null) {
          closeReason = "closed by the server: " + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason);
        }
      }
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      synchronized (this) {
        if (!closing && closeReason == null) closeReason = "error: " + error;
      }
    }
  }
}
