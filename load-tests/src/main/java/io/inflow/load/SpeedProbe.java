package io.inflow.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How fast this machine is running right now, measured beside a benchmark: a fixed unit of work
 * (SHA-256 over the same 512 KiB) every {@code --every} milliseconds, timed in the probe thread's own
 * CPU time. On a shared virtual machine the same work costs more CPU time when the host is busier
 * (siblings on the core, another guest), and it does so for the node and Cassandra as much as for
 * the probe: dividing a run's CPU per event by the probe's CPU per unit compares runs made at
 * different moments. On the 2-core reference box the same code has measured 36 and 62 ms of node CPU
 * per 1,000 events in two runs twenty minutes apart, with Cassandra's CPU per event moving alike.
 *
 * <p>{@code SpeedProbe --out FILE [--every 250]} runs until stopped (SIGTERM) and then writes one
 * line to FILE: {@code units <n> meanMicros <mean> p10Micros <p10> p90Micros <p90>}. About 1% of one
 * core at the default pace.
 */
public final class SpeedProbe {

  private static final int UNIT_BYTES = 512 * 1024;

  private SpeedProbe() {}

  public static void main(String[] args) throws Exception {
    CliFlags flags = CliFlags.parse(args, java.util.Set.of());
    Path out = Path.of(flags.text("out", "speed-probe.txt"));
    long everyMillis = flags.number("every", 250);
    flags.rejectUnknown();
    AtomicBoolean stop = new AtomicBoolean();
    long[] samples = new long[1 << 16];
    int[] count = {0};
    Thread worker = new Thread(() -> {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      byte[] data = new byte[UNIT_BYTES];
      for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31 + 7);
      MessageDigest sha;
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      for (int warm = 0; warm < 20; warm++) sha.digest(data); // JIT first
      while (!stop.get()) {
        long before = threads.getCurrentThreadCpuTime();
        sha.digest(data);
        long spent = threads.getCurrentThreadCpuTime() - before;
        synchronized (samples) {
          if (count[0] < samples.length) samples[count[0]++] = spent;
        }
        try {
          Thread.sleep(everyMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "speed-probe");
    worker.setDaemon(true);
    worker.start();
    Thread report = new Thread(() -> {
      stop.set(true);
      long[] taken;
      synchronized (samples) {
        taken = Arrays.copyOf(samples, count[0]);
      }
      try {
        Files.writeString(out, summary(taken) + "\n");
      } catch (IOException e) {
        System.err.println("speed-probe: cannot write " + out + ": " + e.getMessage());
      }
    });
    Runtime.getRuntime().addShutdownHook(report);
    worker.join();
  }

  /** {@code units n meanMicros m p10Micros a p90Micros b} of CPU nanoseconds per unit. */
  static String summary(long[] nanos) {
    if (nanos.length == 0) return "units 0 meanMicros 0 p10Micros 0 p90Micros 0";
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e3;
    return String.format(Locale.ROOT, "units %d meanMicros %.1f p10Micros %.1f p90Micros %.1f", sorted.length, mean,
        sorted[(int) (sorted.length * 0.1)] / 1e3, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.9))] / 1e3);
  }
}
