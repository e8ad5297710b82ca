package io.inflow.load;

import io.inflow.protocol.api.ErrorDetail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts a finite set of events to {@code POST /api/v1/events} exactly once each (not a benchmark):
 * events are routed to lanes by a key (the influencer), each lane is sent in order on its own
 * connection, so one influencer's events reach the node in the order they were generated. A 503 or
 * 429 is retried after its {@code Retry-After} (at most 5 s), a timeout or I/O error up to five
 * times; ingest is idempotent by eventId, so a retried body only adds duplicates. Replies are read
 * with {@link IngestBench.Outcome}.
 */
public final class BatchPoster {

  private static final int MAX_ATTEMPTS = 6;
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);

  /** What the node said about everything posted. */
  public record Report(long requests, long failedRequests, long lines, long accepted, long duplicates, long rejected,
      Map<String, Long> rejectedCodes, String firstFailure, double seconds) {

    public boolean complete() {
      return failedRequests == 0 && rejected == 0;
    }

    public String summary() {
      return String.format(Locale.ROOT,
          "%,d lines in %,d requests in %.1f s (%,.0f events/s): accepted %,d, duplicates %,d, rejected %,d%s, failed requests %,d%s",
          lines, requests, seconds, seconds == 0 ? 0 : lines / seconds, accepted, duplicates, rejected,
          rejectedCodes.isEmpty() ? "" : " " + rejectedCodes, failedRequests,
          firstFailure == null ? "" : " (first: " + firstFailure + ")");
    }
  }

  /** Collects NDJSON lines into bodies of {@code linesPerBody} lines per lane. */
  public static final class Lanes {
    private final int linesPerBody;
    private final List<List<byte[]>> bodies = new ArrayList<>();
    private final List<List<Integer>> lineCounts = new ArrayList<>();
    private final List<ByteArrayOutputStream> open = new ArrayList<>();
    private final int[] openLines;

    public Lanes(int lanes, int linesPerBody) {
      if (lanes < 1 || linesPerBody < 1) throw new IllegalArgumentException("lanes and lines per body must be ≥ 1");
      this.linesPerBody = linesPerBody;
      this.openLines = new int[lanes];
      for (int i = 0; i < lanes; i++) {
        bodies.add(new ArrayList<>());
        lineCounts.add(new ArrayList<>());
        open.add(new ByteArrayOutputStream(linesPerBody * 300));
      }
    }

    /** Adds one line (without its newline) to the lane of {@code routingKey}. */
    public void add(String routingKey, byte[] line) {
      int lane = Math.floorMod(routingKey == null ? 0 : routingKey.hashCode(), openLines.length);
      ByteArrayOutputStream body = open.get(lane);
      body.writeBytes(line);
      body.write('\n');
      if (++openLines[lane] == linesPerBody) close(lane);
    }

    private void close(int lane) {
      if (openLines[lane] == 0) return;
      bodies.get(lane).add(open.get(lane).toByteArray());
      lineCounts.get(lane).add(openLines[lane]);
      open.get(lane).reset();
      openLines[lane] = 0;
    }

    /** One request pool per lane, with every line added so far. */
    List<RequestPool> pools() {
      List<RequestPool> pools = new ArrayList<>();
      for (int lane = 0; lane < openLines.length; lane++) {
        close(lane);
        pools.add(RequestPool.ofBodies(bodies.get(lane), lineCounts.get(lane)));
      }
      return pools;
    }
  }

  private BatchPoster() {}

  /**
   * Sends every body of every lane, lanes in parallel, and returns the node's totals; prints a
   * progress line to {@code progress} every 5 s.
   */
  public static Report post(URI eventsUrl, Optional<String> token, Lanes lanes, Duration requestTimeout,
      PrintStream progress) throws InterruptedException {
    List<RequestPool> pools = lanes.pools();
    ExecutorService httpExecutor = Executors.newFixedThreadPool(Math.min(4, pools.size()),
        IngestBench.daemonThreads("post-http-"));
    long start = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    long total = pools.stream().mapToLong(RequestPool::events).sum();
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).executor(httpExecutor).build();
      HttpRequest.Builder template = HttpRequest.newBuilder(eventsUrl).timeout(requestTimeout)
          .header("Content-Type", RequestPool.NDJSON).header("Accept", "application/json");
      token.ifPresent(t -> template.header("Authorization", "Bearer " + t));
      List<Lane> workers = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < pools.size(); i++) {
        Lane lane = new Lane(pools.get(i), client, template.copy(), sent);
        workers.add(lane);
        Thread thread = new Thread(lane, "post-lane-" + i);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        while (thread.isAlive()) {
          thread.join(5_000);
          if (thread.isAlive()) {
            progress.printf(Locale.ROOT, "  posted %,d of %,d events (%.0f s)%n", sent.get(), total,
                (System.nanoTime() - start) / 1e9);
          }
        }
      }
      return summarise(workers, (System.nanoTime() - start) / 1e9);
    } finally {
      httpExecutor.shutdownNow();
    }
  }

  private static Report summarise(List<Lane> lanes, double seconds) {
    long requests = 0, failed = 0, lines = 0, accepted = 0, duplicates = 0, rejected = 0;
    Map<String, Long> codes = new TreeMap<>();
    String firstFailure = null;
    for (Lane lane : lanes) {
      requests += lane.requests;
      failed += lane.failed;
      lines += lane.lines;
      accepted += lane.accepted;
      duplicates += lane.duplicates;
      rejected += lane.rejected;
      lane.codes.forEach((code, n) -> codes.merge(code, n, Long::sum));
      if (firstFailure == null) firstFailure = lane.firstFailure;
    }
    return new Report(requests, failed, lines, accepted, duplicates, rejected, codes, firstFailure,
        Math.round(seconds * 10) / 10.0);
  }

  /** One connection sending its pool's bodies in order. */
  private static final class Lane implements Runnable {
    private final RequestPool pool;
    private final HttpClient client;
    private final HttpRequest.Builder builder;
    private final AtomicLong sent;
    final Map<String, Long> codes = new TreeMap<>();
    long requests, failed, lines, accepted, duplicates, rejected;
    String firstFailure;

    Lane(RequestPool pool, HttpClient client, HttpRequest.Builder builder, AtomicLong sent) {
      this.pool = pool;
      this.client = client;
      this.builder = builder;
      this.sent = sent;
    }

    @Override
    public void run() {
      for (int i = 0; i < pool.size(); i++) {
        RequestPool.Body body = pool.body(i);
        IngestBench.Outcome outcome = sendWithRetries(body);
        if (outcome == null) return; // interrupted
        requests++;
        lines += body.lines();
        sent.addAndGet(body.lines());
        if (!outcome.succeeded()) {
          failed++;
          if (firstFailure == null) firstFailure = outcome.failure;
          continue;
        }
        accepted += outcome.reply.accepted();
        duplicates += outcome.reply.duplicates();
        List<ErrorDetail> refused = outcome.reply.rejected() == null ? List.of() : outcome.reply.rejected();
        rejected += refused.size();
        for (ErrorDetail detail : refused) {
          codes.merge(detail.code() == null ? "(no code)" : detail.code(), 1L, Long::sum);
          if (firstFailure == null) firstFailure = "rejected line: " + detail.code() + " " + detail.message();
        }
      }
    }

    private IngestBench.Outcome sendWithRetries(RequestPool.Body body) {
      HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
      IngestBench.Outcome outcome = null;
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        Duration wait;
        try {
          outcome = IngestBench.Outcome.of(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
          if (outcome.succeeded() || outcome.retryAfter == null && outcome.status != 503 && outcome.status != 429) {
            return outcome;
          }
          wait = outcome.retryAfter == null ? Duration.ofSeconds(1) : outcome.retryAfter;
        } catch (HttpTimeoutException e) {
          outcome = IngestBench.Outcome.failed(IngestBench.Outcome.Kind.TIMEOUT, e);
          wait = Duration.ofSeconds(attempt);
        } catch (IOException e) {
          outcome = IngestBench.Outcome.failed(IngestBench.Outcome.Kind.IO_ERROR, e);
          wait = Duration.ofSeconds(attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
        try {
          Thread.sleep(Math.min(wait.toMillis(), MAX_RETRY_AFTER.toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
      return outcome;
    }
  }
}
