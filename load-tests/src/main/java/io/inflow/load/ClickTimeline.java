package io.inflow.load;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Every measured watched click's latency as its subscribers saw it (fewest and most milliseconds,
 * and how many subscribers resolved it), dated at its scheduled send on the wall clock, written as
 * CSV by {@code --clicks-out}. The summary percentiles say how slow the tail is; this says when it
 * happened, so a slow click can be set beside the node's and Cassandra's GC logs (both dated with
 * {@code -Xlog:gc…:time}) and whatever else was logged at that moment.
 *
 * <p>One instance is the {@link SubscriberLatency.SampleSink} of every subscriber: samples arrive on
 * the subscribers' threads, so recording is synchronized (a few hundred clicks a second at most).
 */
final class ClickTimeline implements SubscriberLatency.SampleSink {
  static final String HEADER = "ordinal,scheduled_at,min_ms,max_ms,subscribers";

  private final WatchedClicks clicks;
  private final Instant wallAtStart;
  private final long nanosAtStart;
  private long[] min = new long[0];
  private long[] max = new long[0];
  private int[] count = new int[0];

  /**
   * @param wallAtStart the wall clock at {@code nanosAtStart}, a {@link System#nanoTime()} read at
   *     the same moment: the two clocks that date a click's scheduled send
   */
  ClickTimeline(WatchedClicks clicks, Instant wallAtStart, long nanosAtStart) {
    this.clicks = clicks;
    this.wallAtStart = wallAtStart;
    this.nanosAtStart = nanosAtStart;
  }

  @Override
  public synchronized void sample(long ordinal, long latencyNanos) {
    int i = Math.toIntExact(ordinal);
    if (i >= count.length) {
      int capacity = Math.max(i + 1, count.length * 2);
      min = Arrays.copyOf(min, capacity);
      max = Arrays.copyOf(max, capacity);
      count = Arrays.copyOf(count, capacity);
    }
    if (count[i] == 0 || latencyNanos < min[i]) min[i] = latencyNanos;
    if (count[i] == 0 || latencyNanos > max[i]) max[i] = latencyNanos;
    count[i]++;
  }

  /** The wall-clock instant at which click {@code ordinal} was scheduled to be sent. */
  Instant scheduledAt(long ordinal) {
    return wallAtStart.plusNanos(clicks.scheduledAt(ordinal) - nanosAtStart);
  }

  /** One line per click with samples, in ordinal order, under {@link #HEADER}. */
  synchronized void write(Writer out) throws IOException {
    out.write(HEADER + "\n");
    for (int i = 1; i < count.length; i++) {
      if (count[i] == 0) continue;
      out.write(String.format(Locale.ROOT, "%d,%s,%.3f,%.3f,%d%n", i, scheduledAt(i), min[i] / 1e6, max[i] / 1e6,
          count[i]));
    }
  }

  void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(w);
    }
  }
}
