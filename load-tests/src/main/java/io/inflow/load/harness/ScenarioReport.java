package io.inflow.load.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.inflow.load.BenchResult;
import io.inflow.load.EventJson;
import io.inflow.load.LatencySummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one scenario of {@code ./inflow bench} found, written as {@code DIR/<scenario>.json} (and a
 * short human summary {@code DIR/<scenario>.txt}): the headline figures flat at the top, so that any
 * tool can read them, then the details.
 *
 * @param eventsPerSecond durable (acknowledged) events per second of the run's measured window
 * @param p50Ms median of the scenario's headline latency, named by {@code latency}
 * @param latency what {@code p50Ms}/{@code p99Ms}/{@code maxMs} measure (ack, ingest→WebSocket, read)
 * @param figures every other figure of the run, by name (latencies in ms, rates per second, bytes)
 * @param baselines figures measured in the same run to compare against (raw Cassandra inserts, the
 *     closed-model maximum, the same reads without ingest, …)
 * @param ratios the result over each baseline: these hold across machines better than the figures
 * @param targets each target of the issue with "met …" or "NOT met …"
 * @param steps per step of a ramp or window of a soak, its figures (empty for the others)
 * @param verdict PASS, or FAIL with the reasons (failed requests, disconnections, missed updates)
 */
public record ScenarioReport(
    String scenario,
    String label,
    String startedAt,
    String url,
    double eventsPerSecond,
    double p50Ms,
    double p99Ms,
    double maxMs,
    String latency,
    Map<String, Double> figures,
    Map<String, Double> baselines,
    Map<String, Double> ratios,
    Map<String, String> targets,
    List<Map<String, Object>> steps,
    List<String> notes,
    String verdict) {

  public ScenarioReport {
    figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    baselines = baselines == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    ratios = ratios == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ratios));
    targets = targets == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    steps = steps == null ? List.of() : List.copyOf(steps);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** Builds a report field by field; numbers are rounded to 0.1 (rates, ms) or 0.001 (ratios). */
  public static final class Builder {
    private final String scenario;
    private final String label;
    private final String startedAt;
    private final String url;
    private double eventsPerSecond;
    private LatencySummary headline = LatencySummary.EMPTY;
    private String latency = "";
    private final Map<String, Double> figures = new LinkedHashMap<>();
    private final Map<String, Double> baselines = new LinkedHashMap<>();
    private final Map<String, Double> ratios = new LinkedHashMap<>();
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final List<Map<String, Object>> steps = new java.util.ArrayList<>();
    private final List<String> notes = new java.util.ArrayList<>();
    private final List<String> failures = new java.util.ArrayList<>();

    public Builder(String scenario, String label, String startedAt, String url) {
      this.scenario = scenario;
      this.label = label;
      this.startedAt = startedAt;
      this.url = url;
    }

    public Builder eventsPerSecond(double value) {
      eventsPerSecond = round1(value);
      return this;
    }

    /** The headline latency and what it measures. */
    public Builder latency(String what, LatencySummary summary) {
      latency = what;
      headline = summary;
      return this;
    }

    public Builder figure(String name, double value) {
      figures.put(name, round1(value));
      return this;
    }

    /** p50, p99 and max of a latency as {@code <prefix>P50Ms}, … */
    public Builder figures(String prefix, LatencySummary l) {
      figure(prefix + "P50Ms", l.p50());
      figure(prefix + "P99Ms", l.p99());
      return figure(prefix + "MaxMs", l.max());
    }

    /** A baseline, and the ratio {@code result / baseline} under {@code ratioName} (none when it is 0). */
    public Builder baseline(String name, double value, String ratioName, double result) {
      baselines.put(name, round1(value));
      if (value != 0 && ratioName != null) ratios.put(ratioName, Math.round(result / value * 1000) / 1000.0);
      return this;
    }

    public Builder target(String target, boolean met, String detail) {
      targets.put(target, (met ? "met" : "NOT met") + (detail.isEmpty() ? "" : " (" + detail + ")"));
      return this;
    }

    public Builder step(Map<String, Object> row) {
      steps.add(row);
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    /** A reason the run failed (errors, disconnections), not a missed target. */
    public Builder failure(String reason) {
      failures.add(reason);
      return this;
    }

    public ScenarioReport build() {
      return new ScenarioReport(scenario, label, startedAt, url, eventsPerSecond, headline.p50(), headline.p99(),
          headline.max(), latency, figures, baselines, ratios, targets, steps, notes,
          failures.isEmpty() ? "PASS" : "FAIL (" + String.join("; ", failures) + ")");
    }
  }

  static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }

  public boolean passed() {
    return verdict.startsWith("PASS");
  }

  public String toJson() {
    try {
      return EventJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ScenarioReport read(Path file) throws IOException {
    return EventJson.mapper().readValue(file.toFile(), ScenarioReport.class);
  }

  /** Writes {@code DIR/<scenario>.json} and {@code DIR/<scenario>.txt}; returns the JSON file. */
  public Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve(scenario + ".json");
    Files.writeString(json, toJson() + "\n");
    Files.writeString(dir.resolve(scenario + ".txt"), summary());
    return json;
  }

  /** A short human summary. */
  public String summary() {
    StringBuilder t = new StringBuilder();
    t.append("Inflow bench ").append(scenario).append(": ").append(label).append('\n');
    row(t, "node", url + ", started " + startedAt);
    row(t, "events/s", BenchResult.count(Math.round(eventsPerSecond)) + " durable");
    row(t, latency.isEmpty() ? "latency" : latency, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        p50Ms, p99Ms, maxMs));
    baselines.forEach((k, v) -> row(t, "baseline " + k, number(v)));
    ratios.forEach((k, v) -> row(t, "ratio " + k, String.format(Locale.ROOT, "×%.3f", v)));
    targets.forEach((k, v) -> row(t, "target", k + ": " + v));
    figures.forEach((k, v) -> row(t, k, number(v)));
    if (!steps.isEmpty()) {
      t.append("  steps:\n");
      for (Map<String, Object> step : steps) {
        StringBuilder line = new StringBuilder("   ");
        step.forEach((k, v) -> line.append(' ').append(k).append('=').append(v instanceof Number n ? number(n.doubleValue()) : v));
        t.append(line).append('\n');
      }
    }
    notes.forEach(n -> row(t, "note", n));
    row(t, "verdict", verdict);
    return t.toString();
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return BenchResult.count(Math.round(v));
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static void row(StringBuilder t, String name, String value) {
    t.append(String.format(Locale.ROOT, "  %-28s %s%n", name, value));
  }
}
