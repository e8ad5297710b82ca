package io.inflow.analytics.sentiment;

import java.util.List;
import java.util.Locale;

/**
 * Accuracy, macro-F1, per-class precision and recall, and the confusion matrix of predicted
 * against true labels (rows: true, columns: predicted, in {@link SentimentLabel} order).
 */
public record SentimentEvaluation(long[][] confusion) {

  public static SentimentEvaluation of(List<SentimentLabel> truth, List<SentimentLabel> predicted) {
    if (truth.size() != predicted.size()) throw new IllegalArgumentException("one prediction per true label");
    int k = SentimentLabel.values().length;
    long[][] m = new long[k][k];
    for (int i = 0; i < truth.size(); i++) m[truth.get(i).ordinal()][predicted.get(i).ordinal()]++;
    return new SentimentEvaluation(m);
  }

  /** {@code analyzer}'s labels for the comments against their true labels. */
  public static SentimentEvaluation of(SentimentAnalyzer analyzer, List<LabelledComment> comments) {
    List<SentimentLabel> truth = new java.util.ArrayList<>(), predicted = new java.util.ArrayList<>();
    for (LabelledComment c : comments) {
      truth.add(c.label());
      predicted.add(analyzer.analyze(c.text()).label());
    }
    return of(truth, predicted);
  }

  public long total() {
    long n = 0;
    for (long[] row : confusion) for (long c : row) n += c;
    return n;
  }

  public double accuracy() {
    long right = 0;
    for (int i = 0; i < confusion.length; i++) right += confusion[i][i];
    return total() == 0 ? 0 : (double) right / total();
  }

  /** Of the comments predicted {@code label}, the share truly so (0 when none was predicted). */
  public double precision(SentimentLabel label) {
    long predicted = 0;
    for (long[] row : confusion) predicted += row[label.ordinal()];
    return predicted == 0 ? 0 : (double) confusion[label.ordinal()][label.ordinal()] / predicted;
  }

  /** Of the comments truly {@code label}, the share predicted so (0 when there were none). */
  public double recall(SentimentLabel label) {
    long actual = 0;
    for (long c : confusion[label.ordinal()]) actual += c;
    return actual == 0 ? 0 : (double) confusion[label.ordinal()][label.ordinal()] / actual;
  }

  public double f1(SentimentLabel label) {
    double p = precision(label), r = recall(label);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** The unweighted mean of the three classes' F1. */
  public double macroF1() {
    double sum = 0;
    for (SentimentLabel l : SentimentLabel.values()) sum += f1(l);
    return sum / SentimentLabel.values().length;
  }

  /** The figures as printed by {@code ./inflow eval sentiment}. */
  public String report(String title) {
    StringBuilder b = new StringBuilder();
    b.append(title).append('\n');
    b.append(String.format(Locale.ROOT, "  comments %d   accuracy %.3f   macro-F1 %.3f%n", total(), accuracy(), macroF1()));
    b.append(String.format(Locale.ROOT, "  %-10s %9s %9s %9s%n", "class", "precision", "recall", "F1"));
    for (SentimentLabel l : SentimentLabel.values()) {
      b.append(String.format(Locale.ROOT, "  %-10s %9.3f %9.3f %9.3f%n", l.wireName(), precision(l), recall(l), f1(l)));
    }
    b.append("  confusion (rows: true, columns: predicted)\n");
    b.append(String.format(Locale.ROOT, "  %-10s", ""));
    for (SentimentLabel l : SentimentLabel.values()) b.append(String.format(Locale.ROOT, " %9s", l.wireName()));
    b.append('\n');
    for (SentimentLabel t : SentimentLabel.values()) {
      b.append(String.format(Locale.ROOT, "  %-10s", t.wireName()));
      for (SentimentLabel p : SentimentLabel.values()) b.append(String.format(Locale.ROOT, " %9d", confusion[t.ordinal()][p.ordinal()]));
      b.append('\n');
    }
    return b.toString();
  }
}
