package io.inflow.load.chaos;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * How long after a node died its entities take to answer again on the survivors. Right after the
 * kill, every influencer is asked for (GET, short timeout) through the nodes still listed, again and
 * again, until it answers. Entities whose first answer failed lived on the dead node (or behind it):
 * they answer once the split-brain resolver has downed the node and their shards have been
 * reallocated and recovered from Cassandra.
 */
public final class RecoveryWatch {
  private RecoveryWatch() {}

  /**
   * @param affected entities whose first request failed
   * @param allAnswered from the kill until the last of them answered (zero if none was affected)
   * @param medianAnswered the median of their times
   * @param unanswered entities still not answering at the deadline
   */
  public record Result(int probed, int affected, Duration allAnswered, Duration medianAnswered, int unanswered) {
    public String summary() {
      return String.format(java.util.Locale.ROOT,
          "%d of %d entities did not answer at first; all answered %.1f s after the kill (median %.1f s)%s",
          affected, probed, allAnswered.toMillis() / 1000.0, medianAnswered.toMillis() / 1000.0,
          unanswered == 0 ? "" : "; " + unanswered + " never answered");
    }
  }

  /**
   * @param killedAtNanos {@link System#nanoTime()} at the kill
   * @param deadline give up on an entity after this long from the kill
   */
  public static Result watch(TallyingIngest client, Supplier<List<URI>> targets, List<String> influencerIds,
      long killedAtNanos, Duration deadline) throws InterruptedException {
    Duration probeTimeout = Duration.ofMillis(1500);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, Math.max(1, influencerIds.size())));
    try {
      List<Future<long[]>> answers = new ArrayList<>();
      for (String id : influencerIds) {
        answers.add(pool.submit(() -> {
          boolean failedFirst = false;
          int attempt = 0;
          while (System.nanoTime() - killedAtNanos < deadline.toNanos()) {
            List<URI> now = targets.get();
            if (!now.isEmpty() && client.clicksOf(now.get(attempt++ % now.size()), id, probeTimeout) >= 0) {
              return new long[] {failedFirst ? 1 : 0, System.nanoTime() - killedAtNanos};
            }
            failedFirst = true;
            Thread.sleep(200);
          }
          return new long[] {1, -1};
        }));
      }
      List<Long> times = new ArrayList<>();
      int unanswered = 0;
      for (Future<long[]> f : answers) {
        long[] a;
        try {
          a = f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
        if (a[1] < 0) unanswered++;
        else if (a[0] == 1) times.add(a[1]);
      }
      times.sort(null);
      Duration all = times.isEmpty() ? Duration.ZERO : Duration.ofNanos(times.get(times.size() - 1));
      Duration median = times.isEmpty() ? Duration.ZERO : Duration.ofNanos(times.get(times.size() / 2));
      return new Result(influencerIds.size(), times.size() + unanswered, all, median, unanswered);
    } finally {
      pool.shutdownNow();
    }
  }
}
