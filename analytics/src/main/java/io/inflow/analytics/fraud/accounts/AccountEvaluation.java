package io.inflow.analytics.fraud.accounts;

import io.inflow.analytics.eval.BinaryScores;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How well a classifier separates labelled accounts. Positive = suspicious; an account counts as
 * predicted suspicious when its probability reaches the classifier's threshold, mass followers
 * included (the mass-follower rule is a separate verdict and is not scored here); the ROC AUC ranks
 * by the probability. {@code verdicts} counts the verdict types the node would answer.
 */
public record AccountEvaluation(BinaryScores scores, double threshold, Map<AccountType, Long> verdicts) {

  /** A seeded partition of labelled accounts into training and held-out sets. */
  public record Split(List<LabelledAccount> training, List<LabelledAccount> heldOut) {}

  public static AccountEvaluation of(AccountClassifier classifier, List<LabelledAccount> accounts) {
    boolean[] actual = new boolean[accounts.size()];
    boolean[] predicted = new boolean[accounts.size()];
    double[] probabilities = new double[accounts.size()];
    Map<AccountType, Long> verdicts = new EnumMap<>(AccountType.class);
    for (AccountType type : AccountType.values()) verdicts.put(type, 0L);
    for (int i = 0; i < actual.length; i++) {
      LabelledAccount labelled = accounts.get(i);
      AccountVerdict verdict = classifier.classify(labelled.account());
      actual[i] = labelled.suspicious();
      probabilities[i] = verdict.suspiciousProbability();
      predicted[i] = probabilities[i] >= classifier.threshold();
      verdicts.merge(verdict.type(), 1L, Long::sum);
    }
    return new AccountEvaluation(BinaryScores.of(actual, predicted, probabilities), classifier.threshold(),
        Map.copyOf(verdicts));
  }

  /** Shuffles {@code accounts} with {@code seed} and holds out {@code heldOutShare} of them. */
  public static Split split(List<LabelledAccount> accounts, double heldOutShare, long seed) {
    if (!(heldOutShare > 0 && heldOutShare < 1)) throw new IllegalArgumentException("heldOutShare must be in (0, 1)");
    List<LabelledAccount> shuffled = new ArrayList<>(accounts);
    Collections.shuffle(shuffled, new Random(seed));
    int heldOut = (int) Math.round(shuffled.size() * heldOutShare);
    return new Split(List.copyOf(shuffled.subList(heldOut, shuffled.size())), List.copyOf(shuffled.subList(0, heldOut)));
  }

  /** Correct decisions ÷ accounts. */
  public double accuracy() {
    return scores.cases() == 0 ? 0 : (double) (scores.truePositives() + scores.trueNegatives()) / scores.cases();
  }

  /** The figures as text: the {@link BinaryScores} table, the confusion matrix, accuracy and verdicts. */
  public String report(String name) {
    long total = scores.cases();
    return String.join("\n",
        BinaryScores.header(),
        scores.row(name),
        "",
        String.format(Locale.ROOT, "confusion matrix (positive = suspicious, probability ≥ %.2f):", threshold),
        String.format(Locale.ROOT, "%-18s %16s %16s", "", "predicted real", "predicted susp."),
        String.format(Locale.ROOT, "%-18s %16d %16d", "actual real", scores.trueNegatives(), scores.falsePositives()),
        String.format(Locale.ROOT, "%-18s %16d %16d", "actual suspicious", scores.falseNegatives(), scores.truePositives()),
        String.format(Locale.ROOT, "accuracy %.3f over %d accounts", accuracy(), total),
        String.format(Locale.ROOT, "verdicts: real %d, mass_follower %d, suspicious %d",
            verdicts.get(AccountType.REAL), verdicts.get(AccountType.MASS_FOLLOWER), verdicts.get(AccountType.SUSPICIOUS)));
  }
}
