package io.inflow.load.fraud;

import io.inflow.analytics.eval.BinaryScores;
import io.inflow.protocol.api.FraudReport;
import io.inflow.protocol.api.FraudSignal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How well fraud scores separate a labelled population. Predicted positive = level {@code high};
 * ROC AUC is over {@code score}. Per fraud type the cases are that type's influencers against all
 * organic ones (viral included); overall, all fraud against all organic. The false-positive rates
 * are the shares scored high among plain organic, among organic_viral and among both. Only {@code
 * score} and {@code level} of a report are needed; signals, when present, name the top two reasons
 * for each misclassified influencer.
 *
 * @param byType per fraud type (wire name), in {@link FraudLabel} order
 * @param byLabel per label (all eight), the share scored high and medium-or-high
 * @param misclassified fraud not scored high and organic scored high: false positives first
 *     (highest score first), then false negatives (lowest score first)
 */
public record FraudMetrics(
    int influencers,
    Map<String, BinaryScores> byType,
    BinaryScores overall,
    Map<String, LabelShares> byLabel,
    Double organicFalsePositiveRate,
    Double viralFalsePositiveRate,
    Double allOrganicFalsePositiveRate,
    List<Miss> misclassified) {

  public static final double TARGET_AUC = 0.95;
  public static final double TARGET_ORGANIC_HIGH_SHARE = 0.03;

  /** One labelled influencer and its report. */
  public record Scored(InfluencerLabel label, FraudReport report) {
    public Scored {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(report, "report");
    }

    boolean high() {
      return "high".equals(report.level());
    }

    boolean mediumOrHigh() {
      return high() || "medium".equals(report.level());
    }
  }

  /** Influencers of one label: how many, and the shares scored high and medium-or-high. */
  public record LabelShares(long influencers, long high, long mediumOrHigh, double highShare, double mediumOrHighShare,
      double meanScore) {}

  /** A misclassified influencer and the two signals that contributed most. */
  public record Miss(String influencerId, String label, double score, String level, List<String> topSignals) {

    public String line() {
      return String.format(Locale.ROOT, "%-14s %-17s score %5.1f %-6s  %s", influencerId, label, score, level,
          topSignals.isEmpty() ? "(no signal contributed)" : String.join(", ", topSignals));
    }
  }

  public static FraudMetrics of(List<Scored> cases) {
    Map<String, BinaryScores> byType = new LinkedHashMap<>();
    for (FraudLabel type : FraudLabel.values()) {
      if (!type.isFraud()) continue;
      List<Scored> relevant = cases.stream()
          .filter(c -> c.label().label() == type || !c.label().label().isFraud()).toList();
      if (relevant.stream().anyMatch(c -> c.label().label() == type)) {
        byType.put(type.wireName(), scores(relevant));
      }
    }
    Map<String, LabelShares> byLabel = new LinkedHashMap<>();
    for (FraudLabel label : FraudLabel.values()) {
      List<Scored> those = cases.stream().filter(c -> c.label().label() == label).toList();
      if (!those.isEmpty()) byLabel.put(label.wireName(), shares(those));
    }
    List<Miss> misses = new ArrayList<>();
    cases.stream().filter(c -> !c.label().label().isFraud() && c.high())
        .sorted(Comparator.comparingDouble((Scored c) -> c.report().score()).reversed()).map(FraudMetrics::miss)
        .forEach(misses::add);
    cases.stream().filter(c -> c.label().label().isFraud() && !c.high())
        .sorted(Comparator.comparingDouble((Scored c) -> c.report().score())).map(FraudMetrics::miss)
        .forEach(misses::add);
    return new FraudMetrics(cases.size(), byType, scores(cases), byLabel,
        highShare(cases, FraudLabel.ORGANIC), highShare(cases, FraudLabel.ORGANIC_VIRAL),
        scores(cases).falsePositiveRate(), List.copyOf(misses));
  }

  private static BinaryScores scores(List<Scored> cases) {
    boolean[] actual = new boolean[cases.size()];
    boolean[] predicted = new boolean[cases.size()];
    double[] score = new double[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      actual[i] = cases.get(i).label().label().isFraud();
      predicted[i] = cases.get(i).high();
      score[i] = cases.get(i).report().score();
    }
    return BinaryScores.of(actual, predicted, score);
  }

  private static LabelShares shares(List<Scored> those) {
    long high = those.stream().filter(Scored::high).count();
    long mediumOrHigh = those.stream().filter(Scored::mediumOrHigh).count();
    double mean = those.stream().mapToDouble(c -> c.report().score()).average().orElse(0);
    return new LabelShares(those.size(), high, mediumOrHigh, (double) high / those.size(),
        (double) mediumOrHigh / those.size(), mean);
  }

  private static Double highShare(List<Scored> cases, FraudLabel label) {
    List<Scored> those = cases.stream().filter(c -> c.label().label() == label).toList();
    return those.isEmpty() ? null : (double) those.stream().filter(Scored::high).count() / those.size();
  }

  private static Miss miss(Scored c) {
    List<FraudSignal> signals = c.report().signals() == null ? List.of() : c.report().signals();
    List<String> top = signals.stream().filter(s -> s.contribution() > 0)
        .sorted(Comparator.comparingDouble(FraudSignal::contribution).reversed()).limit(2)
        .map(s -> String.format(Locale.ROOT, "%s %+.1f", s.signal(), s.contribution())).toList();
    return new Miss(c.label().influencerId(), c.label().label().wireName(), c.report().score(), c.report().level(), top);
  }

  /** True when overall ROC AUC ≥ 0.95 and at most 3% of organic influencers (viral included) scored high. */
  public boolean meetsTargets() {
    return overall.rocAuc() != null && overall.rocAuc() >= TARGET_AUC
        && allOrganicFalsePositiveRate != null && allOrganicFalsePositiveRate <= TARGET_ORGANIC_HIGH_SHARE;
  }

  /** The readable report: metrics table, shares per label, false-positive rates, targets, misses (≤ maxMisses). */
  public String table(int maxMisses) {
    StringBuilder out = new StringBuilder();
    out.append("Detection (positive = level high; each type against all organic, viral included)\n");
    out.append(BinaryScores.header()).append('\n');
    byType.forEach((type, s) -> out.append(s.row(type)).append('\n'));
    out.append(overall.row("overall (all fraud)")).append('\n');
    out.append('\n').append(String.format(Locale.ROOT, "%-22s %6s %7s %8s %11s%n", "Scored", "n", "high",
        "medium+", "mean score"));
    byLabel.forEach((label, s) -> out.append(String.format(Locale.ROOT, "%-22s %6d %6.1f%% %7.1f%% %11.1f%n",
        label, s.influencers(), 100 * s.highShare(), 100 * s.mediumOrHighShare(), s.meanScore())));
    out.append('\n').append(String.format(Locale.ROOT,
        "False-positive rate (organic scored high): organic %s, organic_viral %s, all organic %s%n",
        percent(organicFalsePositiveRate), percent(viralFalsePositiveRate), percent(allOrganicFalsePositiveRate)));
    out.append(String.format(Locale.ROOT, "Targets: ROC AUC ≥ %.2f: %s; organic (viral included) scored high ≤ %.0f%%: %s -> %s%n",
        TARGET_AUC, overall.rocAuc() == null ? "-" : String.format(Locale.ROOT, "%.3f", overall.rocAuc()),
        100 * TARGET_ORGANIC_HIGH_SHARE, percent(allOrganicFalsePositiveRate), meetsTargets() ? "met" : "NOT met"));
    if (!misclassified.isEmpty()) {
      out.append('\n').append(String.format(Locale.ROOT, "Misclassified: %d (showing %d; all in fraud-eval.json)%n",
          misclassified.size(), Math.min(maxMisses, misclassified.size())));
      misclassified.stream().limit(maxMisses).forEach(m -> out.append("  ").append(m.line()).append('\n'));
    }
    return out.toString();
  }

  private static String percent(Double share) {
    return share == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
