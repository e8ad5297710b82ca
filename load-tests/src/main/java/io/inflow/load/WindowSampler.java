package io.inflow.load;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The windows of a long run ({@code --window}, the soak): every window of the measured period, the
 * events acknowledged in it, its ack and update latency (requests and clicks scheduled in the measured
 * period whose reply or update arrived in the window) and the node's heap read from {@code /metrics}
 * at its end. Called from the progress thread every few seconds; a window closes at the first call
 * past its end, and its rate uses the time really elapsed.
 */
final class WindowSampler {

  private final LiveBenchOptions options;
  private final WatchedClicks clicks;
  private final LiveLatencyBench.RequestTally tally;
  private final List<LiveLatencyBench.Subscriber> subscribers;
  private final HttpClient client;
  private final PrintStream out;
  private final List<LiveBenchResult.Window> windows = new ArrayList<>();
  private final long windowNanos;
  private long lastNanos;
  private long nextNanos;

  WindowSampler(LiveBenchOptions options, WatchedClicks clicks, LiveLatencyBench.RequestTally tally,
      List<LiveLatencyBench.Subscriber> subscribers, HttpClient client, PrintStream out) {
    this.options = options;
    this.clicks = clicks;
    this.tally = tally;
    this.subscribers = subscribers;
    this.client = client;
    this.out = out;
    this.windowNanos = options.window().toNanos();
    this.lastNanos = clicks.warmupEndNanos();
    this.nextNanos = clicks.warmupEndNanos() + windowNanos;
  }

  /** How often the progress thread should call {@link #maybeSample}: often enough for windows shorter than {@code progressMillis}. */
  long tickMillis(long progressMillis) {
    return windowNanos == 0 ? progressMillis : Math.max(10, Math.min(progressMillis, windowNanos / 5_000_000));
  }

  /** After the drain: closes the last window if the progress thread stopped before its end. */
  void finish(long now) {
    if (windowNanos > 0 && lastNanos < clicks.endNanos() && now - lastNanos >= windowNanos / 2) sample(now);
  }

  /** Closes the current window if {@code now} is past its end (and still within the measured period). */
  void maybeSample(long now) {
    if (windowNanos == 0 || now < nextNanos || lastNanos >= clicks.endNanos()) return;
    sample(now);
  }

  private void sample(long now) {
    Map.Entry<Histogram, Long> acks = tally.takeWindow();
    Histogram updates = LatencySummary.newHistogram();
    for (LiveLatencyBench.Subscriber s : subscribers) {
      SubscriberLatency latency = s.latency();
      if (latency != null) updates.add(latency.takeWindow());
    }
    Optional<NodeGauges> gauges = NodeGauges.read(client, options.baseUrl(), options.token());
    double seconds = (now - lastNanos) / 1e9;
    LiveBenchResult.Window window = new LiveBenchResult.Window(
        Math.round((now - clicks.warmupEndNanos()) / 1e8) / 10.0,
        Math.round(acks.getValue() / seconds * 10) / 10.0,
        LatencySummary.of(acks.getKey()),
        LatencySummary.of(updates),
        tally.inFlight(),
        gauges.map(g -> g.heapBytes("used")).orElse(null),
        gauges.map(g -> g.heapBytes("after_gc")).orElse(null));
    synchronized (windows) {
      windows.add(window);
    }
    out.printf(Locale.ROOT, "  window to %.0f s: %s events/s, ack p99 %.1f ms, update p99 %.1f ms, heap after GC %s%n",
        window.endSeconds(), BenchResult.count(Math.round(window.eventsPerSecond())), window.ackLatencyMs().p99(),
        window.updateLatencyMs().p99(),
        window.heapAfterGcBytes() == null ? "? (no /metrics)" : IngestBench.bytes(window.heapAfterGcBytes()));
    lastNanos = now;
    while (nextNanos <= now) nextNanos += windowNanos;
  }

  List<LiveBenchResult.Window> windows() {
    synchronized (windows) {
      return List.copyOf(windows);
    }
  }
}
