package io.inflow.node;

import io.inflow.analytics.fraud.accounts.AccountClassifier;
import io.inflow.analytics.fraud.accounts.AccountEvaluation;
import io.inflow.analytics.fraud.accounts.AccountModelException;
import io.inflow.analytics.fraud.accounts.LabelledAccount;
import io.inflow.analytics.fraud.accounts.LabelledAccounts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The account classifier's commands; each prints only its result on standard output, problems go
 * to standard error (exit 2 for bad usage, 1 when a file cannot be read or written).
 *
 * <ul>
 *   <li>{@code ./inflow train accounts --in labelled.jsonl --out model-file [--seed N]}: holds out
 *       a seeded 20% of the accounts, trains on the rest, writes that model and prints the training
 *       size and the held-out evaluation.
 *   <li>{@code ./inflow eval accounts --in labelled.jsonl [--model file]}: the shipped model's (or
 *       the given one's) precision, recall, F1, ROC AUC, confusion matrix and accuracy.
 * </ul>
 */
final class AccountsCommand {
  static final long DEFAULT_SEED = 1001;
  static final double HELD_OUT_SHARE = 0.2;

  private static final String TRAIN_USAGE = "usage: ./inflow train accounts --in LABELLED.jsonl --out MODEL [--seed N]";
  private static final String EVAL_USAGE = "usage: ./inflow eval accounts --in LABELLED.jsonl [--model MODEL]";

  /** Tribuo logs each tree it builds at INFO; the command prints its own summary instead. */
  private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

  private AccountsCommand() {}

  static int train(List<String> args, PrintStream out, PrintStream err) {
    return run("train", TRAIN_USAGE, args, Set.of("--in", "--out", "--seed"), err, flags -> {
      Path in = Path.of(CommandFlags.required(flags, "--in"));
      Path modelFile = Path.of(CommandFlags.required(flags, "--out"));
      long seed = CommandFlags.seed(flags, DEFAULT_SEED);
      List<LabelledAccount> accounts = LabelledAccounts.read(in);
      TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
      AccountEvaluation.Split split = AccountEvaluation.split(accounts, HELD_OUT_SHARE, seed);
      AccountClassifier classifier = AccountClassifier.train(split.training(), seed);
      classifier.save(modelFile);
      out.printf(Locale.ROOT, "trained on %d of %d accounts (%d suspicious), seed %d; model written to %s%n",
          split.training().size(), accounts.size(), split.training().stream().filter(LabelledAccount::suspicious).count(),
          seed, modelFile);
      out.printf(Locale.ROOT, "held out %d accounts (%.0f%%):%n", split.heldOut().size(), HELD_OUT_SHARE * 100);
      out.println(AccountEvaluation.of(classifier, split.heldOut()).report("held out"));
    });
  }

  static int eval(List<String> args, PrintStream out, PrintStream err) {
    return run("eval", EVAL_USAGE, args, Set.of("--in", "--model"), err, flags -> {
      Path in = Path.of(CommandFlags.required(flags, "--in"));
      AccountClassifier classifier = flags.containsKey("--model")
          ? AccountClassifier.load(Path.of(flags.get("--model"))) : AccountClassifier.shipped();
      List<LabelledAccount> accounts = LabelledAccounts.read(in);
      out.printf(Locale.ROOT, "%s on %s (%d accounts)%n",
          flags.containsKey("--model") ? "model " + flags.get("--model") : "shipped model", in, accounts.size());
      out.println(AccountEvaluation.of(classifier, accounts).report("accounts"));
    });
  }

  private interface Body {
    void run(Map<String, String> flags) throws IOException;
  }

  /** Runs {@code body} on the parsed flags: 0 when it returns, 2 for bad usage, 1 for bad files. */
  private static int run(String command, String usage, List<String> args, Set<String> allowed, PrintStream err,
      Body body) {
    try {
      body.run(CommandFlags.parse(args, allowed));
      return 0;
    } catch (AccountModelException e) {
      return fail(err, command, e.getMessage(), null);
    } catch (LabelledAccounts.BadLineException e) {
      return fail(err, command, "the labelled file, " + e.getMessage(), null);
    } catch (IllegalArgumentException e) {
      return fail(err, command, e.getMessage(), usage);
    } catch (IOException e) {
      return fail(err, command, e.toString(), null);
    }
  }

  private static int fail(PrintStream err, String command, String message, String usage) {
    err.println("inflow " + command + " accounts: " + message);
    if (usage != null) err.println(usage);
    return usage != null ? 2 : 1;
  }
}
