package io.inflow.load.fraud;

import io.inflow.load.BenchOptions.UsageException;
import io.inflow.load.CliFlags;
import io.inflow.protocol.event.IngestEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ./inflow generate fraud --seed N [--influencers N] [--days N] [--end ISO-instant] --out DIR}:
 * writes {@code DIR/events.ndjson} and {@code DIR/labels.tsv} (see {@link FraudPopulation}).
 */
public final class GenerateFraudPopulation {

  static final String USAGE = """
      usage: ./inflow generate fraud --seed N [--influencers 400] [--days 60] [--end 2026-11-29T10:00:00Z] --out DIR
        Writes DIR/events.ndjson (time-ordered NDJSON for POST /api/v1/events) and DIR/labels.tsv (ground truth).
        Seeds 1-999 are for development and tuning; never tune on the evaluation seed (20261129).
      """;

  private GenerateFraudPopulation() {}

  public static void main(String[] args) throws IOException {
    if (CliFlags.wantsHelp(args)) {
      System.out.print(USAGE);
      return;
    }
    FraudPopulation.Config config;
    Path out;
    try {
      CliFlags flags = CliFlags.parse(args, Set.of());
      String seed = flags.text("seed", null);
      if (seed == null) throw new UsageException("--seed is required");
      String dir = flags.text("out", null);
      if (dir == null) throw new UsageException("--out is required");
      config = config(flags, Long.parseLong(seed));
      flags.rejectUnknown();
      out = Path.of(dir);
    } catch (UsageException | NumberFormatException e) {
      System.err.println("generate fraud: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    List<InfluencerLabel> labels = new FraudPopulation(config).write(out);
    System.out.printf(Locale.ROOT, "Wrote %s and %s in %.1f s%n", out.resolve("events.ndjson"),
        out.resolve("labels.tsv"), (System.nanoTime() - started) / 1e9);
    System.out.println(summary(config, labels));
  }

  /** The population flags shared with the evaluation: --influencers, --days, --end. */
  static FraudPopulation.Config config(CliFlags flags, long seed) {
    long influencers = flags.number("influencers", 400);
    long days = flags.number("days", 60);
    if (influencers < 1 || influencers > 1_000_000) throw new UsageException("--influencers must be 1–1,000,000");
    if (days < 14 || days > 3_650) throw new UsageException("--days must be 14–3,650");
    String endText = flags.text("end", null);
    Instant end;
    try {
      end = endText == null ? Instant.now().truncatedTo(ChronoUnit.HOURS) : Instant.parse(endText);
    } catch (DateTimeParseException e) {
      throw new UsageException("--end must be an ISO-8601 instant such as 2026-11-29T10:00:00Z: " + endText);
    }
    return FraudPopulation.Config.of(seed, (int) influencers, (int) days, end);
  }

  /** Influencers per label and the total events (one paragraph). */
  static String summary(FraudPopulation.Config config, List<InfluencerLabel> labels) {
    Map<String, Long> perLabel = labels.stream().collect(
        Collectors.groupingBy(l -> l.label().wireName(), TreeMap::new, Collectors.counting()));
    long events = labels.stream().mapToLong(InfluencerLabel::events).sum();
    return String.format(Locale.ROOT, "seed %d: %d influencers over %d days to %s, %,d events; per label %s",
        config.seed(), labels.size(), config.days(), config.end(), events, perLabel);
  }

  /** Counts events by type (for tests and the README's figures). */
  static Map<String, Long> countByType(List<IngestEvent> events) {
    return events.stream().collect(Collectors.groupingBy(IngestEvent::typeName, TreeMap::new, Collectors.counting()));
  }
}
