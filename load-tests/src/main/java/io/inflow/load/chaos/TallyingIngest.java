package io.inflow.load.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.load.EventJson;
import io.inflow.protocol.api.IngestResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A client that ingests continuously and keeps its own tally of what the cluster acknowledged, for
 * chaos runs: click events for a fixed set of influencers in one campaign, in NDJSON batches posted
 * round-robin to whichever nodes are listed as up at the time. A batch that fails (connection
 * refused, timeout, any non-2xx) is posted again later, with the same event ids, to the next node,
 * until one acknowledges it. Ingest is idempotent by eventId, so a batch that was persisted before
 * its reply was lost still counts once. After {@link #drain} every influencer's clicks must equal
 * {@link #acknowledged()} exactly: fewer means an acknowledged event was lost, more means one was
 * counted twice.
 */
public final class TallyingIngest implements AutoCloseable {

  /**
   * @param campaignId the campaign every click belongs to ({@link #defineCampaign} creates it)
   * @param influencers influencers {@code <campaignId>-i0 … i(n−1)}, clicked in turn
   * @param batchSize clicks per request
   * @param pause pause between requests (the offered rate)
   * @param requestTimeout how long a request may take before it counts as failed and is retried
   */
  public record Settings(String campaignId, int influencers, int batchSize, Duration pause, Duration requestTimeout) {
    public Settings {
      if (influencers < 1 || batchSize < 1) throw new IllegalArgumentException("influencers and batch size must be ≥ 1");
    }
  }

  private record Batch(long first, byte[] body, Map<String, Integer> clicksPerInfluencer, int events) {}

  private static final Instant OCCURRED = Instant.parse("2026-11-20T12:00:00Z");

  private final Settings settings;
  private final Supplier<List<URI>> targets;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
  private final Deque<Batch> failed = new ArrayDeque<>();
  private final AtomicLong acknowledgedEvents = new AtomicLong();
  private final AtomicLong failedRequests = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private volatile String lastFailure;
  private volatile boolean running;
  private long nextClick;
  private long nextTarget;
  private Thread thread;

  /**
   * @param targets the base URLs ({@code http://host:port}) of the nodes to post to now; asked
   *     before every request, so a test can drop a node it killed and add one it started
   * @param token a bearer token allowed to ingest (and to define the campaign)
   */
  public TallyingIngest(Settings settings, Supplier<List<URI>> targets, String token) {
    this.settings = settings;
    this.targets = targets;
    this.token = token;
  }

  public static String influencerId(String campaignId, int index) {
    return campaignId + "-i" + index;
  }

  public List<String> influencerIds() {
    return java.util.stream.IntStream.range(0, settings.influencers())
        .mapToObj(i -> influencerId(settings.campaignId(), i)).toList();
  }

  /** Creates (or replaces) the campaign through the first target; throws if the node refuses. */
  public void defineCampaign() throws IOException, InterruptedException {
    String body = """
        {"brandId":"chaos","name":"Chaos","budget":1000,"currency":"EUR",
         "startsAt":"2026-11-01T00:00:00Z","endsAt":"2026-12-31T00:00:00Z"}""";
    HttpResponse<String> reply = http.send(request(targets.get().get(0).resolve("/api/v1/campaigns/" + settings.campaignId()))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() != 200) throw new IOException("defining the campaign: HTTP " + reply.statusCode() + " " + reply.body());
  }

  /** Starts posting on a thread of its own. */
  public synchronized void start() {
    if (thread != null) throw new IllegalStateException("already started");
    running = true;
    thread = new Thread(() -> {
      while (running) {
        Batch batch;
        synchronized (failed) {
          batch = failed.pollFirst();
        }
        post(batch != null ? batch : nextBatch());
        sleep(settings.pause());
      }
    }, "tallying-ingest");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops making new batches (failed ones stay pending until {@link #drain}). */
  public void stop() throws InterruptedException {
    running = false;
    Thread t = thread;
    if (t != null) t.join();
  }

  /**
   * Posts every failed batch again, one at a time, until all are acknowledged or {@code timeout}
   * passes; returns whether nothing is left pending.
   */
  public boolean drain(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Batch batch;
      synchronized (failed) {
        batch = failed.pollFirst();
      }
      if (batch == null) return true;
      if (!post(batch)) sleep(Duration.ofMillis(200));
    }
    return pending() == 0;
  }

  public int pending() {
    synchronized (failed) {
      return failed.size();
    }
  }

  /** Acknowledged clicks per influencer (influencers never acknowledged are absent). */
  public Map<String, Long> acknowledged() {
    return new TreeMap<>(acknowledged);
  }

  public long acknowledgedEvents() {
    return acknowledgedEvents.get();
  }

  public long requests() {
    return requests.get();
  }

  public long failedRequests() {
    return failedRequests.get();
  }

  /** The last failure seen (for messages), or null. */
  public String lastFailure() {
    return lastFailure;
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private Batch nextBatch() {
    StringBuilder body = new StringBuilder(settings.batchSize() * 170);
    Map<String, Integer> perInfluencer = new LinkedHashMap<>();
    long first = nextClick;
    for (int i = 0; i < settings.batchSize(); i++) {
      long n = nextClick++;
      String influencer = influencerId(settings.campaignId(), (int) (n % settings.influencers()));
      body.append("{\"type\":\"click\",\"eventId\":\"").append(settings.campaignId()).append("-click-").append(n)
          .append("\",\"campaignId\":\"").append(settings.campaignId())
          .append("\",\"influencerId\":\"").append(influencer)
          .append("\",\"occurredAt\":\"").append(OCCURRED.plusMillis(n)).append("\"}\n");
      perInfluencer.merge(influencer, 1, Integer::sum);
    }
    return new Batch(first, body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), perInfluencer,
        settings.batchSize());
  }

  /** One attempt; a failed batch goes back to the queue. Returns whether it was acknowledged. */
  private boolean post(Batch batch) {
    List<URI> now = targets.get();
    if (now.isEmpty()) {
      requeue(batch, "no node to post to");
      return false;
    }
    URI target = now.get((int) (nextTarget++ % now.size()));
    requests.incrementAndGet();
    try {
      HttpResponse<byte[]> reply = http.send(request(target.resolve("/api/v1/events"))
          .timeout(settings.requestTimeout()).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body())).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (reply.statusCode() / 100 == 2) {
        IngestResult result = EventJson.mapper().readValue(reply.body(), IngestResult.class);
        if (result.rejected() == null || result.rejected().isEmpty()) {
          batch.clicksPerInfluencer().forEach((id, n) -> acknowledged.merge(id, (long) n, Long::sum));
          acknowledgedEvents.addAndGet(batch.events());
          return true;
        }
        // a rejected click is a bug in this client: report it rather than retry it forever
        throw new IllegalStateException("the node rejected clicks of batch " + batch.first() + ": " + result.rejected());
      }
      requeue(batch, target + ": HTTP " + reply.statusCode() + " " + snippet(reply.body()));
    } catch (IOException e) {
      requeue(batch, target + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      requeue(batch, "interrupted");
    }
    return false;
  }

  private void requeue(Batch batch, String why) {
    failedRequests.incrementAndGet();
    lastFailure = why;
    synchronized (failed) {
      failed.addLast(batch);
    }
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
  }

  /** An influencer's clicks as a node reports them, or −1 if it does not answer 200 in time. */
  public long clicksOf(URI target, String influencerId, Duration timeout) {
    try {
      HttpResponse<byte[]> reply = http.send(request(target.resolve("/api/v1/influencers/" + influencerId))
          .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (reply.statusCode() != 200) return -1;
      JsonNode view = EventJson.mapper().readTree(reply.body());
      return view.path("clicks").asLong(-1);
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String snippet(byte[] body) {
    String text = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }

  private static void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) return;
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
