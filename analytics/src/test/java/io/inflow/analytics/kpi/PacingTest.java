package io.inflow.analytics.kpi;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Budget 10,000 over a 30-day flight from 2026-11-01 unless a row says otherwise. */
class PacingTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = START.plus(Duration.ofDays(30));

  record Row(String name, String budget, String spent, Instant startsAt, Instant endsAt, Instant now,
      String budgetShare, String timeShare, String pacing) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Instant day(double d) {
    return START.plusSeconds(Math.round(d * 86_400));
  }

  static Stream<Row> rows() {
    return Stream.of(
        // 5000 ÷ 10000 = 0.5; 15 ÷ 30 = 0.5; 0.5 ÷ 0.5 = 1
        new Row("on pace", "10000", "5000", START, END, day(15), "0.5", "0.5", "1"),
        // 6000 ÷ 10000 = 0.6; 0.6 ÷ 0.5 = 1.2
        new Row("ahead", "10000", "6000", START, END, day(15), "0.6", "0.5", "1.2"),
        // 2000 ÷ 10000 = 0.2; 10 ÷ 30 = 0.333333…; 0.2 ÷ (1/3) = 0.6 exactly (from the unrounded share)
        new Row("behind", "10000", "2000", START, END, day(10), "0.2", "0.333333", "0.6"),
        // no time has elapsed
        new Row("before the start", "10000", "0", START, END, day(-1), "0", "0", null),
        new Row("at the start", "10000", "100", START, END, START, "0.01", "0", null),
        // after the end the time share stays 1; overspend shows above 1
        new Row("after the end, overspent", "10000", "11000", START, END, day(45), "1.1", "1", "1.1"),
        new Row("zero budget", "0", "100", START, END, day(15), null, "0.5", null),
        new Row("unknown budget", null, "100", START, END, day(15), null, "0.5", null),
        new Row("unknown spend", "10000", null, START, END, day(15), null, "0.5", null),
        new Row("no flight dates", "10000", "5000", null, END, day(15), "0.5", null, null),
        new Row("end before start", "10000", "5000", END, START, day(15), "0.5", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void pacing(Row row) {
    Pacing p = Pacing.at(row.budget() == null ? null : new BigDecimal(row.budget()),
        row.spent() == null ? null : new BigDecimal(row.spent()), row.startsAt(), row.endsAt(), row.now());
    assertDecimal(row.budgetShare(), p.budgetShareSpent(), "budget share");
    assertDecimal(row.timeShare(), p.timeShareElapsed(), "time share");
    assertDecimal(row.pacing(), p.pacing(), "pacing");
  }

  private static void assertDecimal(String expected, BigDecimal actual, String what) {
    if (expected == null) {
      assertNull(actual, what);
    } else {
      assertNotNull(actual, what);
      assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": got " + actual);
    }
  }
}
