package io.inflow.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Compares {@link IngestBench} results: {@code CompareRuns base.json other.json [more.json ...]}.
 * Each file holds one or more JSON result lines (appended runs are fine); the first run read is the
 * baseline and every figure of the others is shown with its ratio to it. Because absolute figures
 * on a shared 2-core machine are noisy, the ratio of runs made back to back is the number to quote.
 * Configuration differences between runs (connections, batch size, workload) are listed, since a
 * ratio between unlike runs means little.
 */
public final class CompareRuns {

  private CompareRuns() {}

  public static void main(String[] args) {
    if (args.length < 1 || List.of(args).contains("--help")) {
      System.out.println("Usage: CompareRuns BASELINE.json OTHER.json [MORE.json ...]");
      System.exit(args.length < 1 ? 2 : 0);
    }
    List<BenchResult> runs;
    try {
      runs = read(args);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      System.err.println("compare-runs: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (runs.size() < 2) {
      System.err.println("compare-runs: need at least two runs, found " + runs.size());
      System.exit(2);
    }
    print(runs, System.out);
  }

  /** Every result line of every file, in order. */
  public static List<BenchResult> read(String... files) {
    List<BenchResult> runs = new ArrayList<>();
    for (String name : files) {
      Path file = Path.of(name);
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      for (String line : lines) {
        if (line.isBlank()) continue;
        try {
          runs.add(BenchResult.fromJson(line));
        } catch (UncheckedIOException e) {
          throw new IllegalArgumentException(file + " holds a line that is not a bench result: "
              + e.getCause().getMessage(), e);
        }
      }
    }
    return runs;
  }

  /** Prints the comparison table to {@code out}. */
  public static void print(List<BenchResult> runs, PrintStream out) {
    out.print(table(runs));
  }

  /** The comparison as text: one column per run, "value (×ratio to baseline)". */
  public static String table(List<BenchResult> runs) {
    BenchResult base = runs.get(0);
    List<Metric> metrics = List.of(
        new Metric("durable events/s", "%,.0f", BenchResult::eventsPerSecond),
        new Metric("requests/s", "%,.2f", BenchResult::requestsPerSecond),
        new Metric("ack p50 ms", "%,.1f", r -> r.latencyMs().p50()),
        new Metric("ack p90 ms", "%,.1f", r -> r.latencyMs().p90()),
        new Metric("ack p99 ms", "%,.1f", r -> r.latencyMs().p99()),
        new Metric("ack p99.9 ms", "%,.1f", r -> r.latencyMs().p999()),
        new Metric("ack max ms", "%,.1f", r -> r.latencyMs().max()),
        new Metric("failed requests %", "%.2f", r -> r.failedRatio() * 100),
        new Metric("rejected events", "%,.0f", r -> r.rejected()),
        new Metric("measured s", "%.1f", BenchResult::measuredSeconds));

    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of(""));
    runs.forEach(r -> header.add(r.label()));
    rows.add(header);
    for (Metric metric : metrics) {
      List<String> row = new ArrayList<>(List.of(metric.name));
      double baseValue = metric.value.applyAsDouble(base);
      for (int i = 0; i < runs.size(); i++) {
        double value = metric.value.applyAsDouble(runs.get(i));
        String cell = String.format(Locale.ROOT, metric.format, value);
        if (i > 0) cell += " (" + ratio(value, baseValue) + ")";
        row.add(cell);
      }
      rows.add(row);
    }

    StringBuilder out = new StringBuilder();
    out.append("Baseline: ").append(base.label()).append(" (").append(base.startedAt()).append(")\n");
    int[] widths = new int[header.size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        line.append(c == 0 ? pad(cell, widths[c]) : padLeft(cell, widths[c])).append("  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    out.append('\n');
    for (int i = 1; i < runs.size(); i++) {
      BenchResult run = runs.get(i);
      out.append(String.format(Locale.ROOT, "%s / %s durable events/s: %s%n", run.label(), base.label(),
          ratio(run.eventsPerSecond(), base.eventsPerSecond())));
    }
    for (BenchResult run : runs.subList(1, runs.size())) {
      List<String> differences = differences(base, run);
      if (!differences.isEmpty()) {
        out.append("note: ").append(run.label()).append(" differs from the baseline in ")
            .append(String.join(", ", differences)).append('\n');
      }
    }
    for (BenchResult run : runs) {
      if (!run.passed()) {
        out.append("note: ").append(run.label()).append(" did not pass (")
            .append(run.requests() == 0 ? "nothing measured" : "more than 1% of requests failed")
            .append("); its figures are not comparable\n");
      }
    }
    return out.toString();
  }

  private static String ratio(double value, double base) {
    if (base == 0) return value == 0 ? "×1.00" : "×n/a";
    return String.format(Locale.ROOT, "×%.2f", value / base);
  }

  private static List<String> differences(BenchResult base, BenchResult run) {
    List<String> differences = new ArrayList<>();
    if (!base.mode().equals(run.mode())) differences.add("mode " + run.mode());
    if (base.connections() != run.connections()) differences.add("connections " + run.connections());
    if (base.eventsPerRequest() != run.eventsPerRequest()) differences.add("events/request " + run.eventsPerRequest());
    if (base.influencers() != run.influencers()) differences.add("influencers " + run.influencers());
    if (base.campaigns() != run.campaigns()) differences.add("campaigns " + run.campaigns());
    if (base.seed() != run.seed()) differences.add("seed " + run.seed());
    return differences;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String padLeft(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }

  private record Metric(String name, String format, ToDoubleFunction<BenchResult> value) {}
}
