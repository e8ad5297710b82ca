package io.inflow.load;

import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.api.IngestResult;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Closed-model ingest throughput run against a live node: {@code --connections} workers each send
 * a request to {@code POST /api/v1/events}, wait for the acknowledgement (which the node sends only
 * once the accepted events are durable), and send the next. Bodies are generated before the clock
 * starts (see {@link RequestPool}); the first {@code --warmup} is not measured (cold JVMs run at a
 * third of their speed on 2 cores).
 *
 * <p>Each worker is a platform thread blocking in {@link HttpClient#send}; the client gets its own
 * small executor, so nothing runs on the common ForkJoinPool (whose parallelism is 1 on 2 cores and
 * which then spawns a thread per callback). Each worker records into its own histogram and
 * counters, merged once at the end, so measuring adds no contention.
 *
 * <p>Failed requests are not retried (their events are simply not durable in this run). A 503 or
 * 429 with {@code Retry-After} makes that worker wait as told (at most 5 s, never past the window).
 * Exit status: 0 when at most 1% of measured requests failed, 1 otherwise or when nothing was
 * measured, 2 for bad arguments.
 */
public final class IngestBench {

  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);
  private static final Duration PAUSE_AFTER_IO_ERROR = Duration.ofMillis(100);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private IngestBench() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (BenchOptions.wantsHelp(args)) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (BenchOptions.UsageException e) {
      System.err.println("ingest-bench: " + e.getMessage());
      System.err.println("Try --help.");
      System.exit(2);
      return;
    }
    BenchResult result = run(options, System.out);
    System.exit(exitCode(result));
  }

  /** 0 when the run passed, 1 when more than 1% of requests failed or nothing was measured. */
  public static int exitCode(BenchResult result) {
    return result.passed() ? 0 : 1;
  }

  /**
   * Generates the request pool, runs the benchmark, prints progress, the table and the JSON line to
   * {@code out}, writes {@code --json-out} if asked, and returns the result.
   */
  public static BenchResult run(BenchOptions options, PrintStream out) throws IOException, InterruptedException {
    out.printf(Locale.ROOT, "Generating %s events (%s influencers, %s campaigns, seed %d, run id %s)...%n",
        BenchResult.count(options.pregenerateEvents()), BenchResult.count(options.influencers()),
        BenchResult.count(options.campaigns()), options.seed(), options.runId());
    long generationStart = System.nanoTime();
    TrafficGenerator generator = new TrafficGenerator(options.generatorConfig());
    RequestPool pool = RequestPool.generate(generator, options.runId(), options.pregenerateEvents(),
        options.eventsPerRequest(), options.singleEventRequests());
    out.printf(Locale.ROOT, "  %s bodies, %s in all, largest %s, in %.1f s%n", BenchResult.count(pool.size()),
        bytes(pool.totalBytes()), bytes(pool.largestBody()), (System.nanoTime() - generationStart) / 1e9);
    if (pool.largestBody() > 8 << 20) {
      out.println("  warning: bodies exceed 8 MiB, the node's default limit; expect HTTP 413");
    }

    ExecutorService httpExecutor = Executors.newFixedThreadPool(
        Math.min(4, options.connections()), daemonThreads("bench-http-"));
    try {
      HttpClient client = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(httpExecutor)
          .build();
      return measure(options, pool, client, out);
    } finally {
      httpExecutor.shutdownNow();
    }
  }

  private static BenchResult measure(BenchOptions options, RequestPool pool, HttpClient client, PrintStream out)
      throws IOException, InterruptedException {
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long start = System.nanoTime();
    Clock clock = new Clock(start, start + options.warmup().toNanos(),
        start + options.warmup().toNanos() + options.duration().toNanos());
    Shared shared = new Shared(options.maxRequests());
    List<HttpRequest.Builder> templates = new ArrayList<>();
    for (URI url : options.urls()) {
      HttpRequest.Builder template = HttpRequest.newBuilder(url)
          .timeout(options.requestTimeout())
          .header("Content-Type", pool.contentType())
          .header("Accept", "application/json");
      options.token().ifPresent(token -> template.header("Authorization", "Bearer " + token));
      templates.add(template);
    }

    out.printf(Locale.ROOT, "Posting to %s with %d connections: warm-up %.1f s, then %.1f s measured%n",
        options.urls().size() == 1 ? options.url() : options.urls(), options.connections(),
        options.warmup().toMillis() / 1e3, options.duration().toMillis() / 1e3);
    List<Worker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < options.connections(); i++) {
      Worker worker = new Worker(pool, client, templates.get(i % templates.size()), clock, shared);
      workers.add(worker);
      Thread thread = new Thread(worker, "bench-conn-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    CountDownLatch finished = new CountDownLatch(1);
    Thread progress = new Thread(() -> reportProgress(clock, shared, finished, out), "bench-progress");
    progress.setDaemon(true);
    progress.start();
    threads.forEach(Thread::start);
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } finally {
      finished.countDown();
      threads.forEach(Thread::interrupt);
    }
    progress.join(1_000);

    BenchResult result = summarise(options, pool, clock, startedAt, workers);
    report(result.toTable(), result.toJson(), out, options.jsonOut());
    return result;
  }

  /** Prints a blank line, the table and the JSON line, and writes the JSON line to {@code jsonOut}. */
  static void report(String table, String json, PrintStream out, Optional<Path> jsonOut) throws IOException {
    out.println();
    out.print(table);
    out.println(json);
    if (jsonOut.isPresent()) {
      Path file = jsonOut.get().toAbsolutePath();
      Files.createDirectories(file.getParent());
      Files.writeString(file, json + "\n");
    }
  }

  private static BenchResult summarise(BenchOptions options, RequestPool pool, Clock clock, Instant startedAt,
      List<Worker> workers) {
    Histogram latency = LatencySummary.newHistogram();
    Map<String, Long> statuses = new TreeMap<>();
    Map<String, Long> codes = new TreeMap<>();
    long requests = 0, succeeded = 0, sent = 0, linesOk = 0, accepted = 0, duplicates = 0, rejected = 0;
    long ioErrors = 0, timeouts = 0, badReplies = 0, warmup = 0, late = 0, lastCompletion = clock.warmupEnd;
    int cycles = 0;
    String firstFailure = null;
    boolean clockStopped = false;
    String stopReason = "duration";
    for (Worker w : workers) {
      latency.add(w.latencyMicros);
      w.statuses.forEach((status, n) -> statuses.merge(String.valueOf(status), n, Long::sum));
      w.rejectedCodes.forEach((code, n) -> codes.merge(code, n, Long::sum));
      requests += w.requests;
      succeeded += w.succeeded;
      sent += w.eventsSent;
      linesOk += w.linesInSucceeded;
      accepted += w.accepted;
      duplicates += w.duplicates;
      rejected += w.rejected;
      ioErrors += w.ioErrors;
      timeouts += w.timeouts;
      badReplies += w.badReplies;
      warmup += w.warmupRequests;
      late += w.lateRequests;
      lastCompletion = Math.max(lastCompletion, w.lastMeasuredCompletion);
      cycles = Math.max(cycles, w.highestCycle + 1);
      if (firstFailure == null) firstFailure = w.firstFailure;
      clockStopped |= w.stopReason.equals("duration");
      if (!w.stopReason.equals("duration")) stopReason = w.stopReason;
    }
    if (clockStopped) stopReason = "duration";
    // The window ends with the clock, or earlier when the workers ran out of requests.
    long windowEnd = clockStopped ? clock.end : Math.min(clock.end, lastCompletion);
    double seconds = Math.max(0, windowEnd - clock.warmupEnd) / 1e9;
    long failed = requests - succeeded;
    return new BenchResult(
        options.label(),
        options.singleEventRequests() ? "single-event" : "ndjson",
        options.urls().stream().map(URI::toString).collect(java.util.stream.Collectors.joining(",")),
        startedAt.toString(),
        options.runId(),
        options.connections(),
        options.eventsPerRequest(),
        options.influencers(),
        options.campaigns(),
        options.seed(),
        options.warmup().toMillis() / 1e3,
        Math.round(seconds * 1000) / 1000.0,
        requests,
        succeeded,
        failed,
        requests == 0 ? 0 : (double) failed / requests,
        sent,
        accepted,
        duplicates,
        rejected,
        linesOk - accepted - duplicates - rejected,
        seconds == 0 ? 0 : Math.round(accepted / seconds * 10) / 10.0,
        seconds == 0 ? 0 : Math.round(requests / seconds * 1000) / 1000.0,
        LatencySummary.of(latency),
        statuses,
        ioErrors,
        timeouts,
        badReplies,
        codes,
        warmup,
        late,
        pool.events(),
        pool.size(),
        cycles,
        stopReason,
        firstFailure);
  }

  private static void reportProgress(Clock clock, Shared shared, CountDownLatch finished, PrintStream out) {
    long lastAccepted = 0;
    long lastTime = clock.start;
    try {
      while (!finished.await(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
        long now = System.nanoTime();
        long acceptedNow = shared.accepted.sum();
        String phase = now < clock.warmupEnd ? "warm-up" : now <= clock.end ? "measuring" : "draining";
        out.printf(Locale.ROOT, "  [%6.1f s %-9s] accepted %s (%s/s), requests %s, failed %s%n",
            (now - clock.start) / 1e9, phase, BenchResult.count(acceptedNow),
            BenchResult.count(Math.round((acceptedNow - lastAccepted) / ((now - lastTime) / 1e9))),
            BenchResult.count(shared.completed.sum()), BenchResult.count(shared.failed.sum()));
        lastAccepted = acceptedNow;
        lastTime = now;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String bytes(long count) {
    if (count >= 1L << 20) return String.format(Locale.ROOT, "%.1f MiB", count / (double) (1L << 20));
    if (count >= 1L << 10) return String.format(Locale.ROOT, "%.1f KiB", count / (double) (1L << 10));
    return count + " B";
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger next = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Seconds from a {@code Retry-After} header (delta-seconds or HTTP date), if present and valid. */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
    if (header.isEmpty()) return Optional.empty();
    String value = header.get();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  /** Monotonic instants (System.nanoTime) bounding the run. */
  private record Clock(long start, long warmupEnd, long end) {}

  /** What workers share: the request sequence and totals for the progress line. */
  private static final class Shared {
    final AtomicLong nextRequest = new AtomicLong();
    final long maxRequests;
    final LongAdder accepted = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder failed = new LongAdder();

    Shared(long maxRequests) {
      this.maxRequests = maxRequests;
    }
  }

  /** One connection's closed loop and its private tallies of measured requests. */
  private static final class Worker implements Runnable {
    private final RequestPool pool;
    private final HttpClient client;
    private final HttpRequest.Builder requestBuilder;
    private final Clock clock;
    private final Shared shared;

    final Histogram latencyMicros = LatencySummary.newHistogram();
    final Map<Integer, Long> statuses = new TreeMap<>();
    final Map<String, Long> rejectedCodes = new TreeMap<>();
    long requests;
    long succeeded;
    long eventsSent;
    long linesInSucceeded;
    long accepted;
    long duplicates;
    long rejected;
    long ioErrors;
    long timeouts;
    long badReplies;
    long warmupRequests;
    long lateRequests;
    long lastMeasuredCompletion;
    int highestCycle;
    String stopReason = "duration";
    String firstFailure;

    Worker(RequestPool pool, HttpClient client, HttpRequest.Builder template, Clock clock, Shared shared) {
      this.pool = pool;
      this.client = client;
      this.requestBuilder = template.copy(); // builders are not shared between threads
      this.clock = clock;
      this.shared = shared;
    }

    @Override
    public void run() {
      while (System.nanoTime() < clock.end) {
        long index = shared.nextRequest.getAndIncrement();
        if (shared.maxRequests > 0 && index >= shared.maxRequests) {
          stopReason = "max-requests";
          return;
        }
        RequestPool.Body body = pool.body(index);
        if (body == null) {
          stopReason = "pool-exhausted";
          return;
        }
        highestCycle = Math.max(highestCycle, body.cycle());
        HttpRequest request = requestBuilder.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
        Outcome outcome;
        long sentAt = System.nanoTime();
        try {
          outcome = Outcome.of(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (HttpTimeoutException e) {
          outcome = Outcome.failed(Outcome.Kind.TIMEOUT, e);
        } catch (IOException e) {
          outcome = Outcome.failed(Outcome.Kind.IO_ERROR, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopReason = "interrupted";
          return;
        }
        long doneAt = System.nanoTime();
        shared.completed.increment();
        shared.accepted.add(outcome.reply == null ? 0 : outcome.reply.accepted());
        if (!outcome.succeeded()) shared.failed.increment();
        if (doneAt < clock.warmupEnd) {
          warmupRequests++;
        } else if (doneAt > clock.end) {
          lateRequests++;
        } else {
          tally(outcome, body.lines(), doneAt - sentAt);
          lastMeasuredCompletion = doneAt;
        }
        if (!pause(outcome)) {
          stopReason = "interrupted";
          return;
        }
      }
    }

    private void tally(Outcome outcome, int lines, long latencyNanos) {
      requests++;
      eventsSent += lines;
      if (!outcome.succeeded() && firstFailure == null) {
        firstFailure = outcome.failure;
      }
      if (outcome.kind == Outcome.Kind.TIMEOUT) {
        timeouts++;
      } else if (outcome.kind == Outcome.Kind.IO_ERROR) {
        ioErrors++;
      } else if (outcome.status / 100 != 2) {
        statuses.merge(outcome.status, 1L, Long::sum);
      } else if (outcome.reply == null) {
        badReplies++;
      } else {
        succeeded++;
        latencyMicros.recordValue(Math.max(0, latencyNanos / 1_000));
        linesInSucceeded += lines;
        accepted += outcome.reply.accepted();
        duplicates += outcome.reply.duplicates();
        List<ErrorDetail> rejectedLines = outcome.reply.rejected() == null ? List.of() : outcome.reply.rejected();
        rejected += rejectedLines.size();
        for (ErrorDetail detail : rejectedLines) {
          rejectedCodes.merge(detail.code() == null ? "(no code)" : detail.code(), 1L, Long::sum);
        }
      }
    }

    /** Waits as the node asked, or briefly after an I/O error; false when interrupted. */
    private boolean pause(Outcome outcome) {
      Duration wait = outcome.kind == Outcome.Kind.IO_ERROR ? PAUSE_AFTER_IO_ERROR : outcome.retryAfter;
      if (wait == null || wait.isZero()) return true;
      long untilEnd = Math.max(0, clock.end - System.nanoTime());
      long millis = Math.min(Math.min(wait.toMillis(), MAX_RETRY_AFTER.toMillis()), untilEnd / 1_000_000);
      try {
        Thread.sleep(millis);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** What came back for one request; {@code failure} describes it when it did not succeed. */
  static final class Outcome {
    enum Kind { REPLY, TIMEOUT, IO_ERROR }

    private static final int SNIPPET_CHARS = 300;

    final Kind kind;
    final int status;
    final IngestResult reply;
    final Duration retryAfter;
    final String failure;

    private Outcome(Kind kind, int status, IngestResult reply, Duration retryAfter, String failure) {
      this.kind = kind;
      this.status = status;
      this.reply = reply;
      this.retryAfter = retryAfter;
      this.failure = failure;
    }

    static Outcome failed(Kind kind, IOException e) {
      return new Outcome(kind, 0, null, null, e.getClass().getName() + ": " + e.getMessage());
    }

    static Outcome of(HttpResponse<byte[]> response) {
      return of(response.statusCode(), response.body(), response);
    }

    /** The outcome of a reply whose body was read elsewhere; {@code response} gives the headers. */
    static Outcome of(int status, byte[] body, HttpResponse<?> response) {
      if (status / 100 == 2) {
        IngestResult reply = parseReply(body);
        return new Outcome(Kind.REPLY, status, reply, null,
            reply == null ? "HTTP " + status + " with a body that is not an ingest result: " + snippet(body) : null);
      }
      Duration retry = status == 503 || status == 429 ? retryAfter(response).orElse(null) : null;
      return new Outcome(Kind.REPLY, status, null, retry, "HTTP " + status + ": " + snippet(body));
    }

    boolean succeeded() {
      return kind == Kind.REPLY && status / 100 == 2 && reply != null;
    }

    private static String snippet(byte[] body) {
      if (body == null || body.length == 0) return "(empty body)";
      String text = new String(body, 0, Math.min(body.length, SNIPPET_CHARS * 4), StandardCharsets.UTF_8).strip();
      return text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "…" : text;
    }

    private static IngestResult parseReply(byte[] body) {
      if (body == null || body.length == 0) return null;
      try {
        return EventJson.mapper().readValue(body, IngestResult.class);
      } catch (IOException e) {
        return null;
      }
    }
  }
}
