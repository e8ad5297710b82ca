package io.inflow.node;

import io.inflow.analytics.eval.TribuoFiles;
import io.inflow.analytics.sentiment.LabelledComment;
import io.inflow.analytics.sentiment.SentimentAnalyzer;
import io.inflow.analytics.sentiment.SentimentEvaluation;
import io.inflow.analytics.sentiment.TrainedSentimentModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The sentiment classifier's commands; each prints only its result on standard output, problems go
 * to standard error (exit 2 for bad usage, 1 when a file cannot be read or written or a labelled
 * line is bad).
 *
 * <ul>
 *   <li>{@code ./inflow train sentiment --in labelled.tsv --out model-file [--seed N]}: holds out a
 *       seeded 20% of the comments, trains a Tribuo model on the rest (features from the lexicon
 *       analyser), writes it, and prints the held-out evaluation beside the lexicon's alone.
 *   <li>{@code ./inflow eval sentiment --in labelled.tsv [--model file]}: accuracy, macro-F1,
 *       per-class precision and recall and the confusion matrix of the default analyser (or the
 *       given model).
 * </ul>
 * The labelled file has {@code text<TAB>label} lines, label {@code positive|neutral|negative}.
 */
final class SentimentCommand {
  static final long DEFAULT_SEED = 1001;
  static final double HELD_OUT_SHARE = 0.2;
  private static final String TRAIN_USAGE = "usage: ./inflow train sentiment --in LABELLED.tsv --out MODEL [--seed N]";
  private static final String EVAL_USAGE = "usage: ./inflow eval sentiment --in LABELLED.tsv [--model MODEL]";

  private SentimentCommand() {}

  static int train(List<String> args, PrintStream out, PrintStream err) {
    return run("train", TRAIN_USAGE, args, Set.of("--in", "--out", "--seed"), err, flags -> {
      Path in = Path.of(CommandFlags.required(flags, "--in"));
      Path modelFile = Path.of(CommandFlags.required(flags, "--out"));
      long seed = CommandFlags.seed(flags, DEFAULT_SEED);
      List<LabelledComment> comments = new ArrayList<>(LabelledComment.read(in));
      Collections.shuffle(comments, new Random(seed));
      int heldOut = (int) Math.round(comments.size() * HELD_OUT_SHARE);
      List<LabelledComment> test = comments.subList(0, heldOut);
      List<LabelledComment> training = comments.subList(heldOut, comments.size());
      java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
      TrainedSentimentModel model = TrainedSentimentModel.train(training);
      model.save(modelFile);
      out.printf(Locale.ROOT, "trained on %d of %d comments, seed %d; model written to %s%n", training.size(),
          comments.size(), seed, modelFile);
      if (!test.isEmpty()) {
        out.println(SentimentEvaluation.of(SentimentAnalyzer.withModel(model), test).report("held out (" + test.size() + "): trained model"));
        out.println(SentimentEvaluation.of(SentimentAnalyzer.lexiconOnly(), test).report("held out: lexicon alone"));
      }
    });
  }

  static int eval(List<String> args, PrintStream out, PrintStream err) {
    return run("eval", EVAL_USAGE, args, Set.of("--in", "--model"), err, flags -> {
      Path in = Path.of(CommandFlags.required(flags, "--in"));
      SentimentAnalyzer analyzer = flags.containsKey("--model")
          ? SentimentAnalyzer.withModel(TrainedSentimentModel.load(Path.of(flags.get("--model"))))
          : SentimentAnalyzer.lexiconOnly();
      List<LabelledComment> comments = LabelledComment.read(in);
      out.println(SentimentEvaluation.of(analyzer, comments).report((flags.containsKey("--model") ? "model " + flags.get("--model")
          : "default analyser (lexicon)") + " on " + in));
    });
  }

  private interface Body {
    void run(java.util.Map<String, String> flags) throws IOException;
  }

  private static int run(String command, String usage, List<String> args, Set<String> allowed, PrintStream err,
      Body body) {
    try {
      body.run(CommandFlags.parse(args, allowed));
      return 0;
    } catch (TribuoFiles.ModelFileException | LabelledComment.BadLineException e) {
      return fail(err, command, e.getMessage(), null);
    } catch (IllegalArgumentException e) {
      return fail(err, command, e.getMessage(), usage);
    } catch (IOException e) {
      return fail(err, command, e.toString(), null);
    }
  }

  private static int fail(PrintStream err, String command, String message, String usage) {
    err.println("inflow " + command + " sentiment: " + message);
    if (usage != null) err.println(usage);
    return usage != null ? 2 : 1;
  }
}
