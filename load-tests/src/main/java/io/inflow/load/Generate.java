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
 * writes labelled follower accounts from {@link AccountGenerator} as a labelled account file and
 * prints one line saying what it wrote; problems go to standard error with exit status 2.
 */
public final class Generate {
  private static final String USAGE =
      "usage: ./inflow generate accounts --seed N --count N --out FILE.jsonl [--suspicious-share 0.3]";

  private Generate() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length == 0 || !args[0].equals("accounts")) {
        throw new UsageException(args.length == 0 ? "what to generate? (accounts; fraud: see ./inflow help)" : "unknown kind '" + args[0] + "'");
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
