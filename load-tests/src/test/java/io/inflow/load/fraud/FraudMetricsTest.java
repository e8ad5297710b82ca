package io.inflow.load.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.analytics.eval.BinaryScores;
import io.inflow.protocol.api.FraudReport;
import io.inflow.protocol.api.FraudSignal;
import io.inflow.protocol.event.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metrics on canned reports, worked by hand. Scores: organic 10 low, 20 low, 70 high, 40 medium;
 * organic_viral 50 medium; bought_followers 90 high, 80 high, 30 low; engagement_pod 75 high, 60
 * medium.
 */
class FraudMetricsTest {

  static final double EPS = 1e-9;

  static FraudMetrics.Scored scored(String id, FraudLabel label, double score, String level, FraudSignal... signals) {
    InfluencerLabel truth = new InfluencerLabel(id, label, "nano", Platform.INSTAGRAM, 5_000, null, 0.5, null, 100);
    return new FraudMetrics.Scored(truth,
        new FraudReport(id, "nano", "instagram", score, level, Instant.EPOCH, List.of(signals), null, List.of(),
            List.of()));
  }

  static FraudSignal signal(String name, double contribution) {
    return new FraudSignal(name, 1.0, 0.5, contribution, name + " explained");
  }

  static List<FraudMetrics.Scored> cases() {
    List<FraudMetrics.Scored> cases = new ArrayList<>();
    cases.add(scored("o1", FraudLabel.ORGANIC, 10, "low"));
    cases.add(scored("o2", FraudLabel.ORGANIC, 20, "low"));
    cases.add(scored("o3", FraudLabel.ORGANIC, 70, "high",
        signal("a", 5), signal("b", 20), signal("c", 0), signal("d", 12)));
    cases.add(scored("o4", FraudLabel.ORGANIC, 40, "medium"));
    cases.add(scored("v1", FraudLabel.ORGANIC_VIRAL, 50, "medium"));
    cases.add(scored("b1", FraudLabel.BOUGHT_FOLLOWERS, 90, "high"));
    cases.add(scored("b2", FraudLabel.BOUGHT_FOLLOWERS, 80, "high"));
    cases.add(scored("b3", FraudLabel.BOUGHT_FOLLOWERS, 30, "low", signal("growth", 30)));
    cases.add(scored("p1", FraudLabel.ENGAGEMENT_POD, 75, "high"));
    cases.add(scored("p2", FraudLabel.ENGAGEMENT_POD, 60, "medium"));
    return cases;
  }

  @Test
  void overall_counts_precision_recall_f1_and_auc() {
    BinaryScores overall = FraudMetrics.of(cases()).overall();
    assertEquals(List.of(3L, 1L, 4L, 2L), List.of(overall.truePositives(), overall.falsePositives(),
        overall.trueNegatives(), overall.falseNegatives()));
    assertEquals(0.75, overall.precision(), EPS);
    assertEquals(0.6, overall.recall(), EPS);
    assertEquals(2 * 0.75 * 0.6 / 1.35, overall.f1(), EPS);
    // fraud beats organic in 5 + 5 + 2 + 5 + 4 = 21 of 25 pairs
    assertEquals(21.0 / 25, overall.rocAuc(), EPS);
  }

  @Test
  void each_type_is_measured_against_all_organic_viral_included() {
    FraudMetrics metrics = FraudMetrics.of(cases());
    assertEquals(List.of("bought_followers", "engagement_pod"), List.copyOf(metrics.byType().keySet()));
    BinaryScores bought = metrics.byType().get("bought_followers");
    assertEquals(8, bought.cases());
    assertEquals(2.0 / 3, bought.precision(), EPS);
    assertEquals(2.0 / 3, bought.recall(), EPS);
    assertEquals(2.0 / 3, bought.f1(), EPS);
    assertEquals(12.0 / 15, bought.rocAuc(), EPS);
    BinaryScores pod = metrics.byType().get("engagement_pod");
    assertEquals(0.5, pod.precision(), EPS);
    assertEquals(0.5, pod.recall(), EPS);
    assertEquals(9.0 / 10, pod.rocAuc(), EPS);
  }

  @Test
  void false_positive_rates_and_shares_per_label() {
    FraudMetrics metrics = FraudMetrics.of(cases());
    assertEquals(0.25, metrics.organicFalsePositiveRate(), EPS);
    assertEquals(0.0, metrics.viralFalsePositiveRate(), EPS);
    assertEquals(0.2, metrics.allOrganicFalsePositiveRate(), EPS);
    FraudMetrics.LabelShares organic = metrics.byLabel().get("organic");
    assertEquals(4, organic.influencers());
    assertEquals(0.25, organic.highShare(), EPS);
    assertEquals(0.5, organic.mediumOrHighShare(), EPS);
    assertEquals(35.0, organic.meanScore(), EPS);
    assertEquals(1.0, metrics.byLabel().get("organic_viral").mediumOrHighShare(), EPS);
    assertFalse(metrics.meetsTargets());
  }

  @Test
  void misclassified_lists_false_positives_then_false_negatives_with_top_two_signals() {
    List<FraudMetrics.Miss> misses = FraudMetrics.of(cases()).misclassified();
    assertEquals(List.of("o3", "b3", "p2"), misses.stream().map(FraudMetrics.Miss::influencerId).toList());
    assertEquals(List.of("b +20.0", "d +12.0"), misses.get(0).topSignals());
    assertEquals(List.of("growth +30.0"), misses.get(1).topSignals());
    assertTrue(misses.get(2).line().contains("(no signal contributed)"));
    String table = FraudMetrics.of(cases()).table(2);
    assertTrue(table.contains("Misclassified: 3 (showing 2"), table);
    assertFalse(table.contains("p2 "), "at most the asked number of misses is printed");
  }

  @Test
  void a_perfect_detector_meets_the_targets_and_types_without_cases_are_left_out() {
    List<FraudMetrics.Scored> cases = List.of(
        scored("o1", FraudLabel.ORGANIC, 5, "low"), scored("v1", FraudLabel.ORGANIC_VIRAL, 35, "medium"),
        scored("c1", FraudLabel.COMMENT_BOTS, 80, "high"));
    FraudMetrics metrics = FraudMetrics.of(cases);
    assertEquals(List.of("comment_bots"), List.copyOf(metrics.byType().keySet()));
    assertEquals(1.0, metrics.overall().rocAuc(), EPS);
    assertTrue(metrics.meetsTargets());
    assertTrue(metrics.misclassified().isEmpty());
    assertNull(FraudMetrics.of(List.of(scored("o1", FraudLabel.ORGANIC, 5, "low"))).overall().rocAuc());
  }
}
