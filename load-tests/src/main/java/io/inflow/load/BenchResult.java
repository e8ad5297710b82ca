package io.inflow.load;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of one {@link IngestBench} run, as printed (table) and stored (one JSON line). Every
 * count covers the measured window only: requests that completed after the warm-up and before the
 * end of the run. Requests still in flight when the clock stopped are counted in {@code
 * lateRequests} and nowhere else.
 *
 * @param eventsSent lines in all measured requests, failed ones included
 * @param accepted events the node reported durable (from 2xx replies)
 * @param unaccounted lines of 2xx requests that the reply neither accepted, nor called duplicates,
 *     nor rejected (should be 0; anything else means the node lost count)
 * @param eventsPerSecond sustained durable events per second: accepted ÷ measured seconds
 * @param latencyMs acknowledgement latency of successful (2xx) requests, send to full reply
 * @param failuresByStatus non-2xx replies by HTTP status
 * @param badReplies 2xx replies whose body was not the expected JSON
 * @param cyclesUsed how many times the request pool was re-sent under fresh ids (see RequestPool)
 * @param stopReason what ended the run: {@code duration}, {@code max-requests}, {@code
 *     pool-exhausted} or {@code interrupted}
 * @param firstFailure what went wrong with one failed request (status and the start of the body,
 *     or the exception), to tell at a glance why requests failed; null when none did
 */
public record BenchResult(
    String label,
    String mode,
    String url,
    String startedAt,
    String runId,
    int connections,
    int eventsPerRequest,
    int influencers,
    int campaigns,
    long seed,
    double warmupSeconds,
    double measuredSeconds,
    long requests,
    long succeededRequests,
    long failedRequests,
    double failedRatio,
    long eventsSent,
    long accepted,
    long duplicates,
    long rejected,
    long unaccounted,
    double eventsPerSecond,
    double requestsPerSecond,
    LatencySummary latencyMs,
    Map<String, Long> failuresByStatus,
    long ioErrors,
    long timeouts,
    long badReplies,
    Map<String, Long> rejectedByCode,
    long warmupRequests,
    long lateRequests,
    long poolEvents,
    int poolBodies,
    int cyclesUsed,
    String stopReason,
    String firstFailure) {

  /** More failed requests than this share makes the run a failure (exit status 1). */
  public static final double MAX_FAILED_RATIO = 0.01;

  public BenchResult {
    failuresByStatus = Map.copyOf(failuresByStatus);
    rejectedByCode = Map.copyOf(rejectedByCode);
  }

  /** True when the run measured something and at most 1% of its requests failed. */
  public boolean passed() {
    return requests > 0 && failedRatio <= MAX_FAILED_RATIO;
  }

  public String toJson() {
    return EventJson.write(this);
  }

  public static BenchResult fromJson(String line) {
    return EventJson.read(line, BenchResult.class);
  }

  /** A human-readable report. */
  public String toTable() {
    StringBuilder t = new StringBuilder();
    t.append("Inflow ingest bench: ").append(label).append('\n');
    row(t, "target", url);
    row(t, "mode", (mode.equals("ndjson") ? "NDJSON, " + count(eventsPerRequest) + " events/request"
        : "one event per request (application/json)") + ", " + connections + " connections, closed model");
    row(t, "workload", count(influencers) + " influencers, " + count(campaigns) + " campaigns, seed "
        + seed + ", run id " + runId);
    row(t, "request pool", count(poolEvents) + " events in " + count(poolBodies) + " bodies, cycles used "
        + cyclesUsed);
    row(t, "window", String.format(Locale.ROOT, "warm-up %.1f s, measured %.1f s, stopped by %s",
        warmupSeconds, measuredSeconds, stopReason));
    t.append("  ").append("-".repeat(72)).append('\n');
    row(t, "durable events/s", count(Math.round(eventsPerSecond)));
    row(t, "requests/s", String.format(Locale.ROOT, "%.2f", requestsPerSecond));
    row(t, "requests", count(requests) + ": ok " + count(succeededRequests) + ", failed "
        + count(failedRequests) + String.format(Locale.ROOT, " (%.2f%%)", failedRatio * 100));
    row(t, "events", "sent " + count(eventsSent) + ", accepted " + count(accepted) + ", duplicates "
        + count(duplicates) + ", rejected " + count(rejected) + ", unaccounted " + count(unaccounted));
    row(t, "ack latency ms", String.format(Locale.ROOT,
        "p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (mean %.1f, n=%s)", latencyMs.p50(),
        latencyMs.p90(), latencyMs.p99(), latencyMs.p999(), latencyMs.max(), latencyMs.mean(),
        count(latencyMs.count())));
    String statuses = failuresByStatus.isEmpty() ? "none" : failuresByStatus.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> "HTTP " + e.getKey() + " ×" + count(e.getValue()))
        .collect(Collectors.joining(", "));
    row(t, "failures", statuses + "; io errors " + count(ioErrors) + ", timeouts " + count(timeouts)
        + ", bad replies " + count(badReplies));
    if (firstFailure != null) {
      row(t, "e.g.", firstFailure);
    }
    row(t, "rejected by code", rejectedByCode.isEmpty() ? "none" : rejectedByCode.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " ×" + count(e.getValue()))
        .collect(Collectors.joining(", ")));
    row(t, "not measured", count(warmupRequests) + " warm-up requests, " + count(lateRequests)
        + " completed after the window");
    row(t, "verdict", passed() ? "PASS (failed requests ≤ 1%)"
        : requests == 0 ? "FAIL (nothing measured)" : "FAIL (more than 1% of requests failed)");
    return t.toString();
  }

  static void row(StringBuilder table, String name, String value) {
    table.append(String.format(Locale.ROOT, "  %-18s %s%n", name, value));
  }

  /** {@code 12,345}: thousands separated, as every report prints counts. */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
