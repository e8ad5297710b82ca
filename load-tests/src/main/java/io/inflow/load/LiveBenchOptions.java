package io.inflow.load;

import io.inflow.load.BenchOptions.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of {@link LiveLatencyBench}; same flag syntax as {@link BenchOptions} (see
 * {@link CliFlags}).
 *
 * @param baseUrl the node, {@code scheme://host:port} (any path given is dropped)
 * @param rate offered events per second (background lines plus the watched clicks)
 * @param intervalMs one request every this many milliseconds, on a fixed schedule
 * @param pregenerateEvents background events generated before the run; 0 = enough for the whole
 *     run, at most {@link #MAX_AUTO_PREGENERATED}
 * @param drainTimeout after the last request completes, how long subscribers get to show every
 *     acknowledged click before the missing ones are written off
 * @param watchedCampaigns campaigns watched at once: subscriber {@code s} watches campaign {@code s mod
 *     watchedCampaigns}, and every request carries one click for each of them (fan-out)
 * @param readsPerSecond dashboard-style reads (campaigns, reports, influencer lists and profiles)
 *     offered beside the ingest, open model; 0 = none
 * @param window report latency and the node's heap every this often during the run (soak); zero = only
 *     the totals
 */
public record LiveBenchOptions(
    URI baseUrl,
    Optional<String> token,
    long rate,
    int subscribers,
    Duration warmup,
    Duration duration,
    int intervalMs,
    long seed,
    String label,
    Optional<Path> jsonOut,
    int influencers,
    int campaigns,
    long pregenerateEvents,
    Duration requestTimeout,
    Duration drainTimeout,
    String runId,
    int watchedCampaigns,
    double readsPerSecond,
    Duration window,
    Optional<String> population,
    Optional<Path> clicksOut) {

  /** Half of the ~57,000 durable events/s measured with 20,000-line requests on the 2-core box. */
  public static final long DEFAULT_RATE = 28_000;

  /** Cap of the automatic pool size (~230 bytes per event: about 230 MiB); later requests cycle. */
  public static final long MAX_AUTO_PREGENERATED = 1_000_000;

  public static final String USAGE =
      """
      Usage: live-bench [options]
        --url URL                  node base URL                       (default http://127.0.0.1:8080)
        --token T                  send Authorization: Bearer T        (default none)
        --rate N                   offered events/s, open model        (default 28000)
        --subscribers N            WebSocket subscribers of the watched campaign (default 100)
        --warmup D                 unmeasured warm-up                  (default 30s)
        --duration D               measured window                     (default 60s)
        --interval-ms N            one request every N ms               (default 50; rate × N / 1000 lines each)
        --seed N                   background traffic seed             (default 42)
        --label TEXT               name of this run in reports         (default live)
        --json-out FILE            also write the JSON result line to FILE
        --influencers N            background influencers              (default 1000)
        --campaigns N              background campaigns                (default 20)
        --pregenerate-events N     background events generated first   (default: the whole run, at most 1000000)
        --request-timeout D        per-request timeout                 (default 30s)
        --drain D                  wait for late updates after the run (default 10s)
        --run-id ID                6 lower-case letters/digits prefixing every id (default random)
        --population ID            1–24 lower-case letters/digits prefixing background influencer, campaign
                                   and brand ids instead (ingest-bench's flag of the same name)
        --watched-campaigns N      campaigns the subscribers spread over; one click each per request (default 1)
        --reads N                  dashboard reads/s beside the ingest (campaign, report, lists), open model (default 0)
        --window D                 print ack/update latency and the node's heap every D (default 0: totals only)
        --clicks-out FILE          also write every measured click's latency, dated, as CSV to FILE
        --help                     print this text
      Durations: 500ms, 30s, 2m, 1h or plain seconds.
      """;

  public LiveBenchOptions {
    if (rate < 1) throw new UsageException("--rate must be ≥ 1");
    if (subscribers < 1) throw new UsageException("--subscribers must be ≥ 1");
    if (intervalMs < 1) throw new UsageException("--interval-ms must be ≥ 1");
    if (watchedCampaigns < 1 || watchedCampaigns > 100) throw new UsageException("--watched-campaigns must be 1..100");
    if (rate * intervalMs < 1000L * watchedCampaigns - 500) {
      throw new UsageException("--rate × --interval-ms / 1000 must be at least one line per watched campaign per request"
          + " (the watched clicks)");
    }
    if (!(readsPerSecond >= 0) || readsPerSecond > 10_000) throw new UsageException("--reads must be 0..10000");
    if (window.isNegative()) throw new UsageException("--window must be ≥ 0");
    if (influencers < 1) throw new UsageException("--influencers must be ≥ 1");
    if (campaigns < 0) throw new UsageException("--campaigns must be ≥ 0");
    if (pregenerateEvents < 0) throw new UsageException("--pregenerate-events must be ≥ 0");
    if (warmup.isNegative() || duration.isNegative() || duration.isZero() || requestTimeout.isZero()
        || requestTimeout.isNegative() || drainTimeout.isNegative()) {
      throw new UsageException("--warmup and --drain must be ≥ 0, --duration and --request-timeout > 0");
    }
    if (!runId.matches("[a-z0-9]{6}")) throw new UsageException("--run-id must be 6 lower-case letters or digits");
    CliFlags.checkPopulation(population);
  }

  public static boolean wantsHelp(String... args) {
    return CliFlags.wantsHelp(args);
  }

  public static LiveBenchOptions parse(String... args) {
    CliFlags r = CliFlags.parse(args, Set.of());
    LiveBenchOptions options = new LiveBenchOptions(
        baseUrl(r.text("url", "http://127.0.0.1:8080")),
        Optional.ofNullable(r.text("token", null)).filter(t -> !t.isBlank()),
        r.number("rate", DEFAULT_RATE),
        (int) r.number("subscribers", 100),
        r.duration("warmup", "30s"),
        r.duration("duration", "60s"),
        (int) r.number("interval-ms", 50),
        r.number("seed", 42),
        r.text("label", "live"),
        Optional.ofNullable(r.text("json-out", null)).map(Path::of),
        (int) r.number("influencers", 1000),
        (int) r.number("campaigns", 20),
        r.number("pregenerate-events", 0),
        r.duration("request-timeout", "30s"),
        r.duration("drain", "10s"),
        r.text("run-id", CliFlags.randomRunId()),
        (int) r.number("watched-campaigns", 1),
        r.number("reads", 0),
        r.duration("window", "0s"),
        Optional.ofNullable(r.text("population", null)),
        Optional.ofNullable(r.text("clicks-out", null)).map(Path::of));
    r.rejectUnknown();
    return options;
  }

  /** Lines per request: the offered rate spread over the requests, rounded; the last lines are the watched clicks. */
  public int linesPerRequest() {
    return (int) Math.max(watchedCampaigns, Math.round(rate * intervalMs / 1000.0));
  }

  /** Background (TrafficGenerator) lines per request. */
  public int backgroundLinesPerRequest() {
    return linesPerRequest() - watchedCampaigns;
  }

  /** The same options with another label, rate and interval (the steps of a ramp). */
  public LiveBenchOptions step(String label, long rate, int intervalMs, Duration warmup, Duration duration,
      Optional<Path> jsonOut) {
    return new LiveBenchOptions(baseUrl, token, rate, subscribers, warmup, duration, intervalMs, seed, label, jsonOut,
        influencers, campaigns, pregenerateEvents, requestTimeout, drainTimeout, CliFlags.randomRunId(),
        watchedCampaigns, readsPerSecond, window, population, Optional.empty());
  }

  /** The generator of this run's background traffic: namespace {@code <runId>00}, and the population if given. */
  public TrafficGenerator.Config generatorConfig() {
    return CliFlags.generatorConfig(seed, influencers, campaigns, runId, population);
  }

  /** The rate really offered once lines are rounded to whole events per request. */
  public double offeredRate() {
    return linesPerRequest() * 1000.0 / intervalMs;
  }

  /** Requests on the schedule: one every interval from the start until warm-up plus duration. */
  public long scheduledRequests() {
    long total = warmup.plus(duration).toMillis();
    return (total + intervalMs - 1) / intervalMs;
  }

  /** Background events generated before the run. */
  public long poolEvents() {
    if (pregenerateEvents > 0) return pregenerateEvents;
    long wanted = scheduledRequests() * backgroundLinesPerRequest();
    return Math.max(1, Math.min(MAX_AUTO_PREGENERATED, wanted));
  }

  public URI eventsUrl() {
    return baseUrl.resolve(BenchOptions.EVENTS_PATH);
  }

  public URI campaignUrl(String campaignId) {
    return baseUrl.resolve("/api/v1/campaigns/" + campaignId);
  }

  /** {@code ws(s)://host:port/api/v1/campaigns/{id}/live}. */
  public URI liveUrl(String campaignId) {
    String scheme = baseUrl.getScheme().equals("https") ? "wss" : "ws";
    return URI.create(scheme + "://" + baseUrl.getRawAuthority() + "/api/v1/campaigns/" + campaignId + "/live");
  }

  private static URI baseUrl(String text) {
    URI uri = CliFlags.httpUrl("url", text);
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
  }
}
