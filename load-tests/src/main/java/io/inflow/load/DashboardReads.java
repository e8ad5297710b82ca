package io.inflow.load;

import io.inflow.protocol.api.CampaignDefinition;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Dashboard-style reads offered beside the ingest ({@code --reads N}, the {@code mixed} scenario):
 * what the analysts of an agency do while their campaigns run. Open model like the ingest: read
 * {@code k} is scheduled at {@code start + k / N} seconds and sent without waiting for earlier
 * replies; its latency runs from the scheduled time to the complete reply.
 *
 * <p>The mix, per 100 reads: 30 campaign views ({@code GET /api/v1/campaigns/{id}}), 5 campaign
 * reports ({@code …/report?bucket=day&by=influencer}, the default 30 days: a report reads the campaign's
 * whole journal, so a dashboard asks for one when a campaign page opens, and follows it live after), 30
 * influencer profiles, 15 fraud reports, 10 ranked influencer lists ({@code ?sort=er|followers|views&limit=20}),
 * 10 brand overviews; ids drawn uniformly from the background traffic's campaigns, brands and influencers, whose
 * campaigns are defined ({@code PUT}) before the run so that reports and overviews have something to
 * show. After the run the same reads are measured without ingest for 10 s (at most the measured
 * window): the in-run baseline.
 */
final class DashboardReads {

  /** The kinds of read with their share of the mix (per 100). */
  enum Kind {
    CAMPAIGN(30), REPORT(5), INFLUENCER(30), FRAUD(15), LIST(10), OVERVIEW(10);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of read number {@code u} ∈ [0, 100). */
    static Kind of(int u) {
      int sum = 0;
      for (Kind k : values()) {
        sum += k.weight;
        if (u < sum) return k;
      }
      throw new IllegalArgumentException("u must be in [0, 100): " + u);
    }
  }

  private static final Duration IDLE_BASELINE = Duration.ofSeconds(10);
  private static final String[] SORTS = {"er", "followers", "views"};

  private final LiveBenchOptions options;
  private final HttpClient client;
  private final List<String> campaigns;
  private final List<String> brands;
  private final List<String> influencers;
  private Phase loaded;
  private Thread scheduler;

  private DashboardReads(LiveBenchOptions options, HttpClient client, List<String> campaigns, List<String> brands,
      List<String> influencers) {
    this.options = options;
    this.client = client;
    this.campaigns = campaigns;
    this.brands = brands;
    this.influencers = influencers;
  }

  /**
   * Defines the background traffic's campaigns on the node (the generator of {@code pool}: same seed,
   * size and run id) and returns the reader of their ids.
   */
  static DashboardReads prepare(LiveBenchOptions options, RequestPool pool, HttpClient client, PrintStream out)
      throws IOException, InterruptedException {
    if (pool == null || options.campaigns() == 0) {
      throw new LiveLatencyBench.SetupException("--reads needs background traffic with campaigns", null);
    }
    TrafficGenerator generator = LiveLatencyBench.backgroundGenerator(options);
    Map<String, CampaignDefinition> definitions = generator.campaignDefinitions();
    for (Map.Entry<String, CampaignDefinition> e : definitions.entrySet()) {
      HttpRequest.Builder put = HttpRequest.newBuilder(options.campaignUrl(e.getKey())).timeout(options.requestTimeout())
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(e.getValue())));
      options.token().ifPresent(t -> put.header("Authorization", "Bearer " + t));
      HttpResponse<String> response = client.send(put.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new LiveLatencyBench.SetupException("PUT campaign " + e.getKey() + " answered HTTP "
            + response.statusCode() + ": " + response.body(), null);
      }
    }
    List<String> brands = definitions.values().stream().map(CampaignDefinition::brandId).distinct().toList();
    out.printf(Locale.ROOT, "Defined %d background campaigns of %d brands for %s dashboard reads/s%n",
        definitions.size(), brands.size(), BenchResult.count(Math.round(options.readsPerSecond())));
    return new DashboardReads(options, client, List.copyOf(definitions.keySet()), brands, generator.influencerIds());
  }

  /** Starts the schedule beside the ingest: reads from {@code startNanos}, measured from {@code measureFrom}. */
  void start(long startNanos, long measureFrom, long endNanos) {
    loaded = new Phase();
    scheduler = new Thread(() -> schedule(loaded, startNanos, measureFrom, endNanos), "live-bench-reads");
    scheduler.setDaemon(true);
    scheduler.start();
  }

  void awaitSchedule() throws InterruptedException {
    if (scheduler != null) scheduler.join();
  }

  /**
   * Waits for the reads still in flight, then measures the same mix alone for a while (the node has
   * the data now, and no ingest) and returns both.
   */
  LiveBenchResult.Reads finish(Duration timeout) throws InterruptedException {
    loaded.await(timeout);
    Phase idle = new Phase();
    long start = System.nanoTime();
    Duration alone = IDLE_BASELINE.compareTo(options.duration()) < 0 ? IDLE_BASELINE : options.duration();
    schedule(idle, start, start, start + alone.toNanos());
    idle.await(timeout);
    Histogram all = LatencySummary.newHistogram();
    Map<String, LatencySummary> byKind = new TreeMap<>();
    synchronized (loaded) {
      loaded.byKind.forEach((kind, h) -> {
        all.add(h);
        byKind.put(kind.wire(), LatencySummary.of(h));
      });
      Histogram idleAll = LatencySummary.newHistogram();
      synchronized (idle) {
        idle.byKind.values().forEach(idleAll::add);
      }
      return new LiveBenchResult.Reads(options.readsPerSecond(), loaded.measured, loaded.failed,
          loaded.failures, LatencySummary.of(all), byKind, LatencySummary.of(idleAll), loaded.firstFailure);
    }
  }

  private void schedule(Phase phase, long startNanos, long measureFrom, long endNanos) {
    SplittableRandom random = new SplittableRandom(options.seed() ^ startNanos);
    double periodNanos = 1e9 / options.readsPerSecond();
    for (long k = 0; ; k++) {
      long at = startNanos + Math.round(k * periodNanos);
      if (at >= endNanos) return;
      long wait;
      while ((wait = at - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
        if (Thread.currentThread().isInterrupted()) return;
      }
      Kind kind = Kind.of(random.nextInt(100));
      boolean measured = at >= measureFrom;
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(kind, random)).timeout(options.requestTimeout())
          .header("Accept", "application/json").GET();
      options.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
      phase.sent();
      client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, failure) -> phase.completed(kind, measured, at, System.nanoTime(),
              failure == null ? response.statusCode() : -1, failure == null ? null : failure.toString()));
    }
  }

  private URI uri(Kind kind, SplittableRandom random) {
    String campaign = campaigns.get(random.nextInt(campaigns.size()));
    String influencer = influencers.get(random.nextInt(influencers.size()));
    String path = switch (kind) {
      case CAMPAIGN -> "/api/v1/campaigns/" + campaign;
      case REPORT -> "/api/v1/campaigns/" + campaign + "/report?bucket=day&by=influencer";
      case INFLUENCER -> "/api/v1/influencers/" + influencer;
      case FRAUD -> "/api/v1/influencers/" + influencer + "/fraud";
      case LIST -> "/api/v1/influencers?sort=" + SORTS[random.nextInt(SORTS.length)] + "&limit=20";
      case OVERVIEW -> "/api/v1/brands/" + brands.get(random.nextInt(brands.size())) + "/overview";
    };
    return options.baseUrl().resolve(path);
  }

  /** The reads of one phase (beside the ingest, or alone). */
  private static final class Phase {
    final Map<Kind, Histogram> byKind = new EnumMap<>(Kind.class);
    final Map<String, Long> failures = new LinkedHashMap<>();
    long sent;
    long completed;
    long measured;
    long failed;
    String firstFailure;

    synchronized void sent() {
      sent++;
    }

    synchronized void completed(Kind kind, boolean isMeasured, long scheduledNanos, long doneNanos, int status,
        String failure) {
      completed++;
      if (isMeasured) {
        measured++;
        if (status == 200) {
          byKind.computeIfAbsent(kind, k -> LatencySummary.newHistogram())
              .recordValue(Math.max(0, doneNanos - scheduledNanos) / 1_000);
        } else {
          failed++;
          failures.merge(status < 0 ? "io" : String.valueOf(status), 1L, Long::sum);
          if (firstFailure == null) {
            firstFailure = kind.wire() + ": " + (status < 0 ? failure : "HTTP " + status);
          }
        }
      }
      if (completed == sent) notifyAll();
    }

    synchronized void await(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (completed < sent) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return;
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }
}
