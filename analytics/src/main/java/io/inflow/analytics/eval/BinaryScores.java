package io.inflow.analytics.eval;

import java.util.Locale;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/**
 * Quality of a binary detector on labelled cases: counts at a decision (positive or not) and ROC AUC
 * over the scores (Tribuo's implementation). Precision, recall and F1 are null when undefined (no
 * predicted or no actual positives), never NaN.
 */
public record BinaryScores(long truePositives, long falsePositives, long trueNegatives, long falseNegatives,
    Double precision, Double recall, Double f1, Double rocAuc) {

  /**
   * @param actual true for a labelled positive
   * @param predicted true where the detector said positive
   * @param scores the detector's score per case (higher = more likely positive), for the AUC
   */
  public static BinaryScores of(boolean[] actual, boolean[] predicted, double[] scores) {
    if (actual.length != predicted.length || actual.length != scores.length) {
      throw new IllegalArgumentException("actual, predicted and scores differ in length");
    }
    long tp = 0, fp = 0, tn = 0, fn = 0;
    for (int i = 0; i < actual.length; i++) {
      if (predicted[i]) {
        if (actual[i]) tp++; else fp++;
      } else if (actual[i]) {
        fn++;
      } else {
        tn++;
      }
    }
    Double precision = tp + fp == 0 ? null : (double) tp / (tp + fp);
    Double recall = tp + fn == 0 ? null : (double) tp / (tp + fn);
    Double f1 = precision == null || recall == null || precision + recall == 0 ? null
        : 2 * precision * recall / (precision + recall);
    Double auc = tp + fn == 0 || fp + tn == 0 ? null : LabelEvaluationUtil.binaryAUCROC(actual, scores);
    return new BinaryScores(tp, fp, tn, fn, precision, recall, f1, auc);
  }

  public long cases() {
    return truePositives + falsePositives + trueNegatives + falseNegatives;
  }

  /** Share of actual negatives predicted positive; null without negatives. */
  public Double falsePositiveRate() {
    return falsePositives + trueNegatives == 0 ? null : (double) falsePositives / (falsePositives + trueNegatives);
  }

  /** One table row: name, counts, precision, recall, F1, AUC (fixed widths, "-" where undefined). */
  public String row(String name) {
    return String.format(Locale.ROOT, "%-22s %6d %6d %6d %6d  %9s %7s %6s %7s", name, truePositives, falsePositives,
        trueNegatives, falseNegatives, fmt(precision), fmt(recall), fmt(f1), fmt(rocAuc));
  }

  public static String header() {
    return String.format(Locale.ROOT, "%-22s %6s %6s %6s %6s  %9s %7s %6s %7s", "", "TP", "FP", "TN", "FN",
        "precision", "recall", "F1", "ROC AUC");
  }

  private static String fmt(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
