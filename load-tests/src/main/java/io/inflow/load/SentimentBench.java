package io.inflow.load;

import io.inflow.analytics.sentiment.SentimentAnalyzer;
import io.inflow.load.BenchOptions.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Comment classification throughput ({@code ./inflow bench sentiment}): the node's analyser
 * (language, lemmas, lexicon score, terms) run over labelled comment files for a fixed time on one
 * thread (comments per second per core) and on {@code --threads} threads, after a warm-up; then
 * once more as ingest calls it (short texts cached per thread). Also
 * per file, so Polish, English and other-language comments (which go to Lingua) show apart; the
 * Polish-and-English-only figure is the in-run baseline the others are compared with.
 *
 * <pre>
 * --in a.tsv,b.tsv   comment files (text in the first column); default: the labelled sets in
 *                    analytics/src/test/resources/sentiment/
 * --warmup 10s --duration 10s --threads 2 --json-out FILE
 * </pre>
 */
public final class SentimentBench {
  private static final String DEFAULT_IN = "analytics/src/test/resources/sentiment/labelled-pl.tsv,"
      + "analytics/src/test/resources/sentiment/labelled-en.tsv,analytics/src/test/resources/sentiment/labelled-other.tsv";

  private SentimentBench() {}

  public static void main(String[] args) throws Exception {
    if (CliFlags.wantsHelp(args)) {
      System.out.println("usage: ./inflow bench sentiment [--in a.tsv,b.tsv] [--warmup 10s] [--duration 10s] [--threads 2] [--json-out FILE]");
      return;
    }
    try {
      CliFlags flags = CliFlags.parse(args, Set.of());
      List<Path> files = new ArrayList<>();
      for (String f : flags.text("in", DEFAULT_IN).split(",")) files.add(Path.of(f.trim()));
      Duration warmup = flags.duration("warmup", "10s");
      Duration duration = flags.duration("duration", "10s");
      int threads = (int) flags.number("threads", 2);
      String jsonOut = flags.text("json-out", "");
      flags.rejectUnknown();
      if (threads < 1) throw new UsageException("--threads must be ≥ 1");
      run(files, warmup, duration, threads, jsonOut, System.out);
    } catch (UsageException e) {
      System.err.println("bench sentiment: " + e.getMessage());
      System.exit(2);
    }
  }

  static Map<String, Object> run(List<Path> files, Duration warmup, Duration duration, int threads, String jsonOut,
      PrintStream out) throws IOException, InterruptedException {
    Map<String, List<String>> byFile = new LinkedHashMap<>();
    for (Path f : files) {
      List<String> texts = new ArrayList<>();
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) continue;
        texts.add(line.split("\t")[0]);
      }
      if (texts.isEmpty()) throw new UsageException(f + " has no comments");
      byFile.put(f.getFileName().toString(), texts);
    }
    List<String> all = byFile.values().stream().flatMap(List::stream).toList();
    SentimentAnalyzer analyzer = SentimentAnalyzer.lexiconOnly();
    out.printf(Locale.ROOT, "Inflow sentiment bench: %d comments from %d files, warm-up %.1f s, %.1f s per measurement%n",
        all.size(), files.size(), warmup.toMillis() / 1000.0, duration.toMillis() / 1000.0);
    rate(analyzer, all, 1, warmup, false); // JIT, lexicons, Lingua models
    Map<String, Object> result = new LinkedHashMap<>();
    double single = rate(analyzer, all, 1, duration, false);
    result.put("commentsPerSecondPerCore", Math.round(single));
    double parallel = rate(analyzer, all, threads, duration, false);
    result.put("threads", threads);
    result.put("commentsPerSecond", Math.round(parallel));
    double cached = rate(analyzer, all, 1, duration, true);
    result.put("ingestPathPerCore", Math.round(cached));
    out.printf(Locale.ROOT, "  all files, 1 thread:  %,12.0f comments/s (per core; every comment analysed)%n", single);
    out.printf(Locale.ROOT, "  all files, %d threads: %,11.0f comments/s (×%.2f)%n", threads, parallel, parallel / single);
    out.printf(Locale.ROOT, "  as at ingest, 1 thread: %,10.0f comments/s (×%.2f: short texts cached, which this small"
        + " set of repeated comments favours)%n", cached, cached / single);
    List<String> polishEnglish = new ArrayList<>();
    byFile.forEach((name, texts) -> {
      if (!name.contains("other")) polishEnglish.addAll(texts);
    });
    double baseline = polishEnglish.isEmpty() ? single : rate(analyzer, polishEnglish, 1, duration, false);
    out.printf(Locale.ROOT, "  Polish and English only (baseline), 1 thread: %,10.0f comments/s%n", baseline);
    Map<String, Object> perFile = new LinkedHashMap<>();
    for (var e : byFile.entrySet()) {
      double r = rate(analyzer, e.getValue(), 1, duration, false);
      perFile.put(e.getKey(), Math.round(r));
      out.printf(Locale.ROOT, "  %-22s 1 thread: %,10.0f comments/s (×%.2f of baseline)%n", e.getKey(), r, r / baseline);
    }
    result.put("baselinePolishEnglishPerCore", Math.round(baseline));
    result.put("perFilePerCore", perFile);
    String json = io.inflow.protocol.codec.Json.mapper().writeValueAsString(result);
    out.println(json);
    if (!jsonOut.isEmpty()) {
      Path p = Path.of(jsonOut);
      if (p.getParent() != null) Files.createDirectories(p.getParent());
      Files.writeString(p, json + "\n");
    }
    return result;
  }

  /**
   * Comments classified per second on {@code threads} threads cycling through {@code texts}: each
   * one analysed ({@code analyze}), or as ingest does it ({@code classify}, short texts cached).
   */
  static double rate(SentimentAnalyzer analyzer, List<String> texts, int threads, Duration duration, boolean asIngest)
      throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int offset = t * 7919;
      Thread w = new Thread(() -> {
        long n = 0;
        int i = offset % texts.size();
        while ((n & 63) != 0 || System.nanoTime() < end) {
          if (asIngest) analyzer.classify(texts.get(i)); else analyzer.analyze(texts.get(i));
          if (++i == texts.size()) i = 0;
          n++;
        }
        done.addAndGet(n);
      }, "sentiment-bench-" + t);
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) w.join();
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }
}
