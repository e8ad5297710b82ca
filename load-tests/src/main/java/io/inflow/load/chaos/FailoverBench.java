package io.inflow.load.chaos;

import io.inflow.load.BenchOptions.UsageException;
import io.inflow.load.CliFlags;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./inflow bench failover}: a cluster started by {@code ./inflow start --nodes N} (the bench
 * script starts it), a client ingesting continuously with its own tally ({@link TallyingIngest}),
 * and {@code --kills} rounds of: kill -9 one node ({@code ./inflow node kill K}, in turn), time
 * until every influencer answers again ({@link RecoveryWatch}), start the node again and wait for it
 * to be up. At the end the tally is compared with every entity. Prints the time to answer again
 * (p50 and max over kills), events acknowledged and events lost (must be 0).
 */
public final class FailoverBench {
  private FailoverBench() {}

  static final String USAGE = """
      usage: failover-bench --urls http://127.0.0.1:18080,… --token T --inflow PATH/TO/inflow
                            [--kills 5] [--influencers 60] [--batch 40] [--pause 20ms] [--json-out F]
      Kills node 1, 2, … in turn (node K listens on the K-th url).""";

  public static void main(String[] args) throws Exception {
    if (CliFlags.wantsHelp(args)) {
      System.out.println(USAGE);
      return;
    }
    try {
      System.exit(run(args, System.out));
    } catch (UsageException e) {
      System.err.println("failover-bench: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
    }
  }

  static int run(String[] args, PrintStream out) throws Exception {
    CliFlags flags = CliFlags.parse(args, Set.of());
    List<URI> urls = new ArrayList<>();
    for (String u : flags.text("urls", "").split(",")) if (!u.isBlank()) urls.add(CliFlags.httpUrl("--urls", u.strip()));
    String token = flags.text("token", null);
    String inflow = flags.text("inflow", null);
    int kills = (int) flags.number("kills", 5);
    int influencers = (int) flags.number("influencers", 60);
    int batch = (int) flags.number("batch", 40);
    Duration pause = flags.duration("pause", "20ms");
    String jsonOut = flags.text("json-out", null);
    flags.rejectUnknown();
    if (urls.size() < 2) throw new UsageException("--urls needs two or more nodes");
    if (token == null || inflow == null) throw new UsageException("--token and --inflow are required");

    boolean[] down = new boolean[urls.size()];
    java.util.function.Supplier<List<URI>> live = () -> {
      List<URI> up = new ArrayList<>();
      for (int i = 0; i < urls.size(); i++) if (!down[i]) up.add(urls.get(i));
      return up;
    };
    TallyingIngest client = new TallyingIngest(new TallyingIngest.Settings("failover", influencers, batch, pause,
        Duration.ofSeconds(5)), live, token);
    client.defineCampaign();
    client.start();
    awaitAcknowledged(client, 2_000);
    List<Double> seconds = new ArrayList<>();
    for (int k = 0; k < kills; k++) {
      int node = k % urls.size();
      long before = client.acknowledgedEvents();
      down[node] = true;
      long killedAt = System.nanoTime();
      inflow(inflow, "node", "kill", String.valueOf(node + 1));
      RecoveryWatch.Result r = RecoveryWatch.watch(client, live, client.influencerIds(), killedAt, Duration.ofSeconds(120));
      out.printf(Locale.ROOT, "kill %d (node %d): %s%n", k + 1, node + 1, r.summary());
      if (r.unanswered() > 0) {
        client.stop();
        out.println("FAILED: entities did not answer again");
        return 1;
      }
      seconds.add(r.allAnswered().toMillis() / 1000.0);
      inflow(inflow, "node", "start", String.valueOf(node + 1));
      down[node] = false;
      awaitAcknowledged(client, before + 1_000);
    }
    client.stop();
    boolean drained = client.drain(Duration.ofSeconds(120));
    long counted = 0;
    long lost = 0;
    long doubled = 0;
    for (var e : client.acknowledged().entrySet()) {
      long n = client.clicksOf(live.get().get(0), e.getKey(), Duration.ofSeconds(15));
      counted += Math.max(0, n);
      if (n < e.getValue()) lost += e.getValue() - Math.max(0, n);
      if (n > e.getValue()) doubled += n - e.getValue();
    }
    List<Double> sorted = new ArrayList<>(seconds);
    sorted.sort(null);
    double p50 = sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) / 2);
    double max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    out.printf(Locale.ROOT, "failover over %d kills: time to answer again p50 %.1f s, max %.1f s (per kill %s)%n",
        seconds.size(), p50, max, seconds);
    out.printf(Locale.ROOT, "events acknowledged %,d (requests %,d, failed and retried %,d); counted by the entities %,d; "
        + "lost %,d; counted twice %,d%s%n", client.acknowledgedEvents(), client.requests(), client.failedRequests(),
        counted, lost, doubled, drained ? "" : "; " + client.pending() + " batches never acknowledged");
    if (jsonOut != null) {
      Files.writeString(Path.of(jsonOut), String.format(Locale.ROOT,
          "{\"scenario\":\"failover\",\"kills\":%d,\"p50Seconds\":%.3f,\"maxSeconds\":%.3f,\"perKillSeconds\":%s,"
              + "\"acknowledged\":%d,\"counted\":%d,\"lost\":%d,\"countedTwice\":%d,\"failedRequests\":%d}%n",
          seconds.size(), p50, max, seconds, client.acknowledgedEvents(), counted, lost, doubled, client.failedRequests()));
    }
    return lost == 0 && doubled == 0 && drained ? 0 : 1;
  }

  private static void awaitAcknowledged(TallyingIngest client, long events) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (client.acknowledgedEvents() < events) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("ingest stalled at " + client.acknowledgedEvents() + " acknowledged events; last failure: "
            + client.lastFailure());
      }
      Thread.sleep(200);
    }
  }

  private static void inflow(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).inheritIO().redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + ")");
  }
}
