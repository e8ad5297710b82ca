package io.inflow.load;

import io.inflow.analytics.fraud.accounts.LabelledAccount;
import io.inflow.analytics.fraud.accounts.LabelledAccounts;
import io.inflow.load.BenchOptions.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./inflow generate accounts --seed N --count N --out file.jsonl [--suspicious-share 0.3]}:
 * writes labelled follower accounts from {@link AccountGenerator} as a labelled account file.
 *
 * <p>{@code ./inflow generate traffic --seed N --events N --out DIR [--influencers 1000] [--campaigns
 * 20]}: writes the bench's traffic ({@link TrafficGenerator}) for backfills and repeatable runs: {@code
 * DIR/events.ndjson} (one event per line, ready for {@code POST /api/v1/events}), {@code
 * DIR/campaigns.json} (each campaign's {@code PUT /api/v1/campaigns/{id}} body, by id) and {@code
 * DIR/truth.json} (the generator's own totals per influencer and campaign after the last event).
 *
 * <p>Each prints one line saying what it wrote; problems go to standard error with exit status 2.
 */
public final class Generate {
  private static final String USAGE =
      "usage: ./inflow generate accounts --seed N --count N --out FILE.jsonl [--suspicious-share 0.3]\n"
          + "       ./inflow generate traffic --seed N --events N --out DIR [--influencers 1000] [--campaigns 20]";

  private Generate() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length > 0 && args[0].equals("traffic")) return traffic(args, out);
      if (args.length == 0 || !args[0].equals("accounts")) {
        throw new UsageException(args.length == 0 ? "what to generate? (accounts, traffic; fraud: see ./inflow help)"
            : "unknown kind '" + args[0] + "'");
      }
      CliFlags flags = CliFlags.parse(java.util.Arrays.copyOfRange(args, 1, args.length), Set.of());
      long seed = flags.number("seed", Long.MIN_VALUE);
      long count = flags.number("count", -1);
      String outPath = flags.text("out", null);
      String share = flags.text("suspicious-share", String.valueOf(AccountGenerator.DEFAULT_SUSPICIOUS_SHARE));
      flags.rejectUnknown();
      if (seed == Long.MIN_VALUE) throw new UsageException("--seed is required");
      if (count < 1 || count > 10_000_000) throw new UsageException("--count must be from 1 to 10,000,000");
      if (outPath == null) throw new UsageException("--out is required");
      double suspiciousShare = parseShare(share);
      List<LabelledAccount> accounts = new AccountGenerator(seed, suspiciousShare).accounts((int) count);
      Path file = Path.of(outPath);
      LabelledAccounts.write(file, accounts);
      long suspicious = accounts.stream().filter(LabelledAccount::suspicious).count();
      out.printf(Locale.ROOT, "%d accounts (%d suspicious, %d real) written to %s%n", accounts.size(), suspicious,
          accounts.size() - suspicious, file);
      return 0;
    } catch (UsageException e) {
      err.println("inflow generate: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (IOException e) {
      err.println("inflow generate: cannot write: " + e);
      return 1;
    }
  }

  private static int traffic(String[] args, PrintStream out) throws IOException {
    CliFlags flags = CliFlags.parse(java.util.Arrays.copyOfRange(args, 1, args.length), Set.of());
    long seed = flags.number("seed", Long.MIN_VALUE);
    long events = flags.number("events", -1);
    long influencers = flags.number("influencers", 1000);
    long campaigns = flags.number("campaigns", 20);
    String outPath = flags.text("out", null);
    flags.rejectUnknown();
    if (seed == Long.MIN_VALUE) throw new UsageException("--seed is required");
    if (events < 1 || events > 1_000_000_000L) throw new UsageException("--events must be from 1 to 1,000,000,000");
    if (influencers < 1 || influencers > 10_000_000) throw new UsageException("--influencers must be from 1 to 10,000,000");
    if (campaigns < 0 || campaigns > 100_000) throw new UsageException("--campaigns must be from 0 to 100,000");
    if (outPath == null) throw new UsageException("--out is required");
    Path dir = Path.of(outPath);
    java.nio.file.Files.createDirectories(dir);
    TrafficGenerator generator = new TrafficGenerator(TrafficGenerator.Config.of(seed, (int) influencers, (int) campaigns));
    GroundTruth truth = generator.writeNdjson(dir.resolve("events.ndjson"), events);
    var writer = EventJson.mapper().writerWithDefaultPrettyPrinter();
    writer.writeValue(dir.resolve("campaigns.json").toFile(), generator.campaignDefinitions());
    writer.writeValue(dir.resolve("truth.json").toFile(), truth);
    out.printf(Locale.ROOT, "%s events of %s influencers and %s campaigns (seed %d) written to %s"
            + " (events.ndjson, campaigns.json, truth.json)%n", BenchResult.count(events), BenchResult.count(influencers),
        BenchResult.count(campaigns), seed, dir);
    return 0;
  }

  private static double parseShare(String text) {
    try {
      double share = Double.parseDouble(text);
      if (share >= 0 && share <= 1) return share;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new UsageException("--suspicious-share must be a number from 0 to 1, got '" + text + "'");
  }
}
