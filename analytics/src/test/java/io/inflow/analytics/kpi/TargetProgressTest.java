package io.inflow.analytics.kpi;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.analytics.kpi.TargetProgress.Entry;
import io.inflow.analytics.kpi.TargetProgress.Status;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Actuals from {@link KpiCalculatorTest#base()}: views 50,000, CPM 5, ER by reach 0.0625, revenue 2,750. */
class TargetProgressTest {

  private static final Kpis KPIS = KpiCalculator.compute(KpiCalculatorTest.base().build(), KpiSettings.defaults());

  private static Entry entry(TargetProgress p, String name) {
    return p.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  private static TargetProgress progress() {
    Map<String, BigDecimal> targets = new LinkedHashMap<>();
    targets.put("views", new BigDecimal("100000"));
    targets.put("cpm", new BigDecimal("6"));
    targets.put("cac", new BigDecimal("30"));
    targets.put("engagement_rate_by_reach", new BigDecimal("0.05"));
    targets.put("Revenue", new BigDecimal("2750"));
    targets.put("followerz", new BigDecimal("5"));
    targets.put("reach", BigDecimal.ZERO);
    targets.put("uniqueAudience", new BigDecimal("1000"));
    return TargetProgress.of(targets, KPIS);
  }

  @Test
  void countsReportActualOverTarget() {
    Entry views = entry(progress(), "views");
    assertEquals(KpiMetric.VIEWS, views.metric());
    assertEquals(0, new BigDecimal("50000").compareTo(views.actual()));
    assertEquals(0, new BigDecimal("0.5").compareTo(views.ratio())); // 50,000 ÷ 100,000
    assertEquals(false, views.met());
    assertEquals(Status.MEASURED, views.status());
  }

  @Test
  void costTargetsAreMetFromBelow() {
    Entry cpm = entry(progress(), "cpm");
    assertEquals(0, new BigDecimal("0.833333").compareTo(cpm.ratio())); // 5 ÷ 6
    assertEquals(true, cpm.met());
    Entry cac = entry(progress(), "cac");
    assertEquals(0, new BigDecimal("1.33333").compareTo(cac.ratio())); // 40 ÷ 30
    assertEquals(false, cac.met());
  }

  @Test
  void namesMatchWhateverTheCaseOrSeparators() {
    Entry er = entry(progress(), "engagement_rate_by_reach");
    assertEquals(KpiMetric.ENGAGEMENT_RATE_BY_REACH, er.metric());
    assertEquals(0, new BigDecimal("1.25").compareTo(er.ratio())); // 0.0625 ÷ 0.05
    Entry revenue = entry(progress(), "Revenue");
    assertEquals(0, BigDecimal.ONE.compareTo(revenue.ratio())); // 2750 ÷ 2750
    assertEquals(true, revenue.met());
  }

  @Test
  void unknownZeroAndUnmeasuredTargetsAreReportedNotDropped() {
    TargetProgress p = progress();
    assertEquals(8, p.entries().size());
    Entry unknown = entry(p, "followerz");
    assertEquals(Status.UNKNOWN_TARGET, unknown.status());
    assertNull(unknown.ratio());
    assertEquals(List.of("followerz"), p.unknownTargets());
    Entry zero = entry(p, "reach");
    assertEquals(Status.TARGET_NOT_POSITIVE, zero.status());
    assertNull(zero.ratio());
    assertEquals(0, new BigDecimal("80000").compareTo(zero.actual()));
    Entry noActual = entry(p, "uniqueAudience");
    assertEquals(Status.NO_ACTUAL, noActual.status());
    assertNull(noActual.met());
  }

  @Test
  void entriesComeInNameOrderAndNoTargetsGiveNoEntries() {
    List<String> names = progress().entries().stream().map(Entry::name).toList();
    assertEquals(names.stream().sorted().toList(), names);
    assertTrue(TargetProgress.of(Map.of(), KPIS).entries().isEmpty());
    assertTrue(TargetProgress.of(null, KPIS).entries().isEmpty());
  }
}
