package io.inflow.load.fraud;

import io.inflow.load.BatchPoster;
import io.inflow.load.BenchOptions;
import io.inflow.load.BenchOptions.UsageException;
import io.inflow.load.CliFlags;
import io.inflow.load.EventJson;
import io.inflow.protocol.api.FraudReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code ./inflow eval fraud}: generates a labelled population ({@link FraudPopulation}) with a seed
 * kept out of all tuning, posts it to a running node, waits until every influencer shows its events,
 * reads each influencer's fraud score and prints how well the scores separate fraud from organic
 * ({@link FraudMetrics}); writes {@code fraud-eval.json} with the same figures.
 *
 * <p>Exit status: 0 evaluated (whether or not the targets are met), 1 ingest or reads failed, 2 bad
 * arguments, 3 the node has no fraud endpoint (every {@code /fraud} read was 404).
 */
public final class FraudEvaluation {

  /**
   * The evaluation seed. Seeds 1–999 are for development and tuning; this one must never be used to
   * tune weights or thresholds, or the figures it gives stop meaning anything.
   */
  public static final long DEFAULT_SEED = 20261129L;
  static final int MAX_MISSES_PRINTED = 20;

  static final String USAGE = """
      usage: fraud-evaluation --url http://127.0.0.1:8080 --token TOKEN [--seed 20261129] [--influencers 400]
             [--days 60] [--end ISO-instant] [--out DIR] [--connections 4] [--lines-per-request 2000] [--wait 5m]
        Generates a labelled population (never tune on the default seed; seeds 1-999 are for tuning), posts it,
        waits until the node shows every event, reads GET /api/v1/influencers/{id}/fraud for each influencer and
        prints precision, recall, F1 and ROC AUC per fraud type and overall; writes DIR/fraud-eval.json.
      """;

  /** Everything {@code fraud-eval.json} holds. */
  public record EvalReport(
      long seed,
      int influencers,
      int days,
      String end,
      String url,
      String startedAt,
      BatchPoster.Report ingest,
      long eventsExpected,
      long eventsRecorded,
      int influencersComplete,
      double waitedSeconds,
      int scored,
      Map<String, Long> unscoredByStatus,
      boolean meetsTargets,
      FraudMetrics metrics) {}

  private FraudEvaluation() {}

  public static void main(String[] args) throws Exception {
    if (CliFlags.wantsHelp(args)) {
      System.out.print(USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException | NumberFormatException e) {
      System.err.println("eval fraud: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(options, System.out));
  }

  record Options(URI base, Optional<String> token, FraudPopulation.Config population, Path out, int connections,
      int linesPerRequest, Duration maxWait) {

    static Options parse(String[] args) {
      CliFlags flags = CliFlags.parse(args, Set.of());
      URI url = CliFlags.httpUrl("url", flags.text("url", "http://127.0.0.1:8080"));
      String token = flags.text("token", System.getenv("INFLOW_TOKEN"));
      long seed = flags.number("seed", DEFAULT_SEED);
      FraudPopulation.Config population = GenerateFraudPopulation.config(flags, seed);
      Path out = Path.of(flags.text("out", ".inflow/eval/runs/" + seed + "-"
          + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", ""))).toAbsolutePath();
      long connections = flags.number("connections", 4);
      long lines = flags.number("lines-per-request", 2_000);
      Duration wait = flags.duration("wait", "5m");
      flags.rejectUnknown();
      if (connections < 1 || connections > 64) throw new UsageException("--connections must be 1–64");
      if (lines < 1 || lines > 20_000) throw new UsageException("--lines-per-request must be 1–20,000");
      return new Options(URI.create(url.getScheme() + "://" + url.getRawAuthority()),
          Optional.ofNullable(token).filter(t -> !t.isBlank()), population, out, (int) connections, (int) lines, wait);
    }
  }

  static int run(Options options, PrintStream out) throws IOException, InterruptedException {
    Instant startedAt = Instant.now();
    FraudPopulation.Config config = options.population();
    out.printf(Locale.ROOT, "Generating %d influencers over %d days to %s, seed %d%s...%n", config.influencers(),
        config.days(), config.end(), config.seed(),
        config.seed() == DEFAULT_SEED ? " (the evaluation seed: never tune on it)" : "");
    BatchPoster.Lanes lanes = new BatchPoster.Lanes(options.connections(), options.linesPerRequest());
    List<InfluencerLabel> labels = generate(config, options.out(), lanes);
    out.println("  " + GenerateFraudPopulation.summary(config, labels));
    out.println("  written to " + options.out());

    out.printf(Locale.ROOT, "Posting to %s%s with %d connections...%n", options.base(), BenchOptions.EVENTS_PATH,
        options.connections());
    BatchPoster.Report ingest = BatchPoster.post(options.base().resolve(BenchOptions.EVENTS_PATH), options.token(),
        lanes, Duration.ofSeconds(60), out);
    out.println("  " + ingest.summary());
    if (ingest.requests() > 0 && ingest.failedRequests() == ingest.requests()) {
      out.println("eval fraud: every ingest request failed (" + ingest.firstFailure() + "); is the node up and the token valid?");
      return 1;
    }

    try (NodeReader node = new NodeReader(options.base(), options.token(), 4)) {
      Processing processing = awaitProcessing(node, labels, options.maxWait(), out);
      out.println("Reading GET /api/v1/influencers/{id}/fraud for every influencer...");
      List<NodeReader.Answer<FraudReport>> answers = node.fraudReports(
          labels.stream().map(InfluencerLabel::influencerId).toList());
      Map<String, Long> unscored = new TreeMap<>();
      List<FraudMetrics.Scored> cases = new ArrayList<>();
      String firstProblem = null;
      for (int i = 0; i < labels.size(); i++) {
        NodeReader.Answer<FraudReport> answer = answers.get(i);
        if (answer.ok()) {
          cases.add(new FraudMetrics.Scored(labels.get(i), answer.value()));
        } else {
          unscored.merge(answer.status() == 0 ? "io-error" : Integer.toString(answer.status()), 1L, Long::sum);
          if (firstProblem == null) firstProblem = answer.influencerId() + ": " + answer.problem();
        }
      }
      if (cases.isEmpty()) {
        boolean noEndpoint = unscored.getOrDefault("404", 0L) == labels.size();
        out.println(noEndpoint
            ? "eval fraud: GET /api/v1/influencers/{id}/fraud answered 404 for all " + labels.size()
                + " influencers: this node has no fraud endpoint (issue 5, point 3) or knows none of them. "
                + "Generation and ingest worked (" + processing.complete() + " of " + labels.size()
                + " influencers show all their events); the population is in " + options.out() + "."
            : "eval fraud: no fraud report could be read (" + unscored + "; first: " + firstProblem + ")");
        return noEndpoint ? 3 : 1;
      }
      FraudMetrics metrics = FraudMetrics.of(cases);
      out.println();
      out.print(metrics.table(MAX_MISSES_PRINTED));
      if (!unscored.isEmpty()) {
        out.println("Not scored (left out of the figures): " + unscored + "; first: " + firstProblem);
      }
      EvalReport report = new EvalReport(config.seed(), config.influencers(), config.days(), config.end().toString(),
          options.base().toString(), startedAt.toString(), ingest, processing.expected(), processing.recorded(),
          processing.complete(), processing.seconds(), cases.size(), unscored, metrics.meetsTargets(), metrics);
      Path json = options.out().resolve("fraud-eval.json");
      Files.writeString(json, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
      out.println("Wrote " + json);
      return unscored.isEmpty() && ingest.complete() ? 0 : 1;
    }
  }

  /** Writes events.ndjson and labels.tsv and routes every line to its influencer's lane. */
  static List<InfluencerLabel> generate(FraudPopulation.Config config, Path dir, BatchPoster.Lanes lanes)
      throws IOException {
    Files.createDirectories(dir);
    List<InfluencerLabel> labels;
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(dir.resolve("events.ndjson")), 1 << 16)) {
      labels = new FraudPopulation(config).generate(event -> {
        byte[] line = EventJson.toBytes(event);
        lanes.add(event.influencerId(), line);
        try {
          file.write(line);
          file.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    FraudPopulation.writeLabels(dir.resolve("labels.tsv"), labels);
    return labels;
  }

  record Processing(long expected, long recorded, int complete, double seconds) {}

  /**
   * Polls {@code eventsRecorded} until every influencer shows all its events, the totals stop
   * changing for three rounds, or {@code maxWait} passes. Ingest acknowledges only durable events,
   * so this is normally done at once; it guards against nodes that apply events later.
   */
  static Processing awaitProcessing(NodeReader node, List<InfluencerLabel> labels, Duration maxWait, PrintStream out)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + maxWait.toNanos();
    Map<String, Long> expected = new HashMap<>();
    labels.forEach(l -> expected.put(l.influencerId(), l.events()));
    long total = labels.stream().mapToLong(InfluencerLabel::events).sum();
    long previous = -1;
    int unchanged = 0;
    while (true) {
      List<NodeReader.Answer<Long>> answers = node.eventsRecorded(List.copyOf(expected.keySet()));
      long recorded = 0;
      int complete = 0;
      int unread = 0;
      for (NodeReader.Answer<Long> answer : answers) {
        if (!answer.ok()) {
          unread++;
          continue;
        }
        recorded += answer.value();
        if (answer.value() >= expected.get(answer.influencerId())) complete++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(Locale.ROOT, "  node shows %,d of %,d events; %d of %d influencers complete%s%n", recorded, total,
          complete, labels.size(), unread == 0 ? "" : " (" + unread + " could not be read)");
      // a stable total means something only when every influencer could be read
      unchanged = unread == 0 && recorded == previous ? unchanged + 1 : 0;
      if (complete == labels.size() || unchanged >= 2 || System.nanoTime() > deadline) {
        if (complete < labels.size()) {
          out.printf(Locale.ROOT, "  warning: %d influencers do not show all their events; scoring them anyway%n",
              labels.size() - complete);
        }
        return new Processing(total, recorded, complete, Math.round(seconds * 10) / 10.0);
      }
      previous = recorded;
      Thread.sleep(5_000);
    }
  }
}
