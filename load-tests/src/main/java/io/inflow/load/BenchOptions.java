package io.inflow.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of {@link IngestBench}. Flags take {@code --name value} or
 * {@code --name=value}; durations take {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or plain
 * seconds (parsing shared with the other benches in {@link CliFlags}).
 */
public record BenchOptions(
    List<URI> urls,
    Optional<String> token,
    Duration warmup,
    Duration duration,
    int connections,
    int linesPerRequest,
    boolean singleEventRequests,
    int influencers,
    int campaigns,
    long seed,
    String label,
    Optional<Path> jsonOut,
    long pregenerateEvents,
    long maxRequests,
    Duration requestTimeout,
    String runId,
    Optional<String> population) {

  /** Path appended when {@code --url} has none. */
  public static final String EVENTS_PATH = "/api/v1/events";

  public static final String USAGE =
      """
      Usage: ingest-bench [options]
        --url URL[,URL…]           node base URL or full ingest URL   (default http://127.0.0.1:8080);
                                   several: connections spread over the nodes round-robin
        --token T                  send Authorization: Bearer T        (default none)
        --warmup D                 unmeasured warm-up                  (default 30s)
        --duration D               measured window                     (default 60s)
        --connections N            concurrent requests, closed model   (default 4; 64 with --single-event-requests)
        --lines-per-request N      events per NDJSON body              (default 5000)
        --single-event-requests    one event per request as application/json
        --influencers N            simulated influencers               (default 1000)
        --campaigns N              simulated campaigns                 (default 20)
        --seed N                   generator seed                      (default 42)
        --label TEXT               name of this run in reports         (default run)
        --json-out FILE            also write the JSON result line to FILE
        --pregenerate-events N     events generated before the run     (default 2000000; 300000 single-event)
        --max-requests N           stop after N requests (0 = only the clock stops the run)
        --request-timeout D        per-request timeout                 (default 60s)
        --run-id ID                6 lower-case letters/digits prefixing every id (default random)
        --population ID            1–24 lower-case letters/digits prefixing influencer, campaign and brand
                                   ids instead: runs of one seed and population send new traffic of the
                                   same influencers (default: the run's own)
        --help                     print this text
      Durations: 500ms, 30s, 2m, 1h or plain seconds.
      """;

  /** Thrown for bad arguments; the message says which and why. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }

  public BenchOptions {
    if (connections < 1) throw new UsageException("--connections must be ≥ 1");
    if (linesPerRequest < 1) throw new UsageException("--lines-per-request must be ≥ 1");
    if (influencers < 1) throw new UsageException("--influencers must be ≥ 1");
    if (campaigns < 0) throw new UsageException("--campaigns must be ≥ 0");
    if (pregenerateEvents < 1) throw new UsageException("--pregenerate-events must be ≥ 1");
    if (maxRequests < 0) throw new UsageException("--max-requests must be ≥ 0");
    if (warmup.isNegative() || duration.isNegative() || duration.isZero() || requestTimeout.isZero()) {
      throw new UsageException("--warmup must be ≥ 0, --duration and --request-timeout > 0");
    }
    if (!runId.matches("[a-z0-9]{6}")) throw new UsageException("--run-id must be 6 lower-case letters or digits");
    CliFlags.checkPopulation(population);
  }

  /** True when {@code --help} is among the arguments. */
  public static boolean wantsHelp(String... args) {
    return CliFlags.wantsHelp(args);
  }

  public static BenchOptions parse(String... args) {
    CliFlags r = CliFlags.parse(args, Set.of("single-event-requests"));
    boolean single = r.bool("single-event-requests");
    BenchOptions options = new BenchOptions(
        java.util.Arrays.stream(r.text("url", "http://127.0.0.1:8080").split(",")).map(String::strip)
            .filter(u -> !u.isEmpty()).map(BenchOptions::eventsUrl).toList(),
        Optional.ofNullable(r.text("token", null)).filter(t -> !t.isBlank()),
        r.duration("warmup", "30s"),
        r.duration("duration", "60s"),
        (int) r.number("connections", single ? 64 : 4),
        (int) r.number("lines-per-request", 5000),
        single,
        (int) r.number("influencers", 1000),
        (int) r.number("campaigns", 20),
        r.number("seed", 42),
        r.text("label", "run"),
        Optional.ofNullable(r.text("json-out", null)).map(Path::of),
        r.number("pregenerate-events", single ? 300_000 : 2_000_000),
        r.number("max-requests", 0),
        r.duration("request-timeout", "60s"),
        r.text("run-id", CliFlags.randomRunId()),
        Optional.ofNullable(r.text("population", null)));
    r.rejectUnknown();
    return options;
  }

  /** The first node's ingest URL (connection i posts to {@code urls[i mod n]}). */
  public URI url() {
    return urls.get(0);
  }

  /** The generator of this run's traffic: namespace {@code <runId>00}, and the population if one was given. */
  public TrafficGenerator.Config generatorConfig() {
    return CliFlags.generatorConfig(seed, influencers, campaigns, runId, population);
  }

  /** Events in one request body. */
  public int eventsPerRequest() {
    return singleEventRequests ? 1 : linesPerRequest;
  }

  private static URI eventsUrl(String text) {
    URI uri = CliFlags.httpUrl("url", text);
    String path = uri.getPath();
    return path == null || path.isEmpty() || path.equals("/") ? uri.resolve(EVENTS_PATH) : uri;
  }
}
