package io.inflow.analytics.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Progress of a campaign against each of its KPI targets: actual ÷ target, one entry per target in
 * name order. Every target is reported, including names Inflow does not know (status
 * {@link Status#UNKNOWN_TARGET}) so that a typo is visible rather than dropped.
 *
 * <p>For cost targets (CPM, CPV, CPE, CPC, CAC) lower is better: a ratio below 1 meets the target.
 * {@code met} says whether the target is met now, in the metric's own direction. Ratios have 6
 * significant digits, half-even.
 */
public record TargetProgress(List<Entry> entries) {

  public enum Status {
    /** actual and ratio are known. */
    MEASURED,
    /** The KPI has no value yet (e.g. CPC before the first click). */
    NO_ACTUAL,
    /** The target is zero or negative, so there is no ratio. */
    TARGET_NOT_POSITIVE,
    /** The name matches no KPI; see {@link KpiMetric} for the names. */
    UNKNOWN_TARGET
  }

  /**
   * @param name the target name as the campaign defined it
   * @param metric the KPI it matched, or null when unknown
   * @param target the target value
   * @param actual the KPI's value, or null
   * @param ratio actual ÷ target, or null
   * @param met whether the target is met in the metric's direction, or null without a ratio
   */
  public record Entry(String name, KpiMetric metric, BigDecimal target, BigDecimal actual, BigDecimal ratio,
      Boolean met, Status status) {}

  public TargetProgress {
    entries = List.copyOf(entries);
  }

  public static TargetProgress of(Map<String, BigDecimal> targets, Kpis kpis) {
    List<Entry> entries = new ArrayList<>();
    if (targets != null) {
      new TreeMap<>(targets).forEach((name, target) -> entries.add(entry(name, target, kpis)));
    }
    return new TargetProgress(entries);
  }

  private static Entry entry(String name, BigDecimal target, Kpis kpis) {
    Optional<KpiMetric> metric = KpiMetric.byName(name);
    if (metric.isEmpty()) return new Entry(name, null, target, null, null, null, Status.UNKNOWN_TARGET);
    KpiMetric m = metric.get();
    BigDecimal actual = m.valueIn(kpis);
    if (target == null || target.signum() <= 0) {
      return new Entry(name, m, target, actual, null, null, Status.TARGET_NOT_POSITIVE);
    }
    if (actual == null) return new Entry(name, m, target, null, null, null, Status.NO_ACTUAL);
    BigDecimal ratio = KpiCalculator.rate(actual, target);
    boolean met = m.direction() == KpiMetric.Direction.HIGHER_IS_BETTER
        ? actual.compareTo(target) >= 0
        : actual.compareTo(target) <= 0;
    return new Entry(name, m, target, actual, ratio, met, Status.MEASURED);
  }

  /** The target names that match no KPI, for an API warning. */
  public List<String> unknownTargets() {
    return entries.stream().filter(e -> e.status() == Status.UNKNOWN_TARGET).map(Entry::name).toList();
  }
}
