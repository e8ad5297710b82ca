package io.inflow.analytics.kpi;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.protocol.event.Platform;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per formula and variant. Every expected value is worked out by hand in the row's comment
 * from {@link #base()}: spend 1,000.00; impressions 200,000; views 50,000; reach 80,000; likes
 * 4,000; comments 500; shares 300; saves 200 (engagements 5,000); clicks 1,250; conversions 40; new
 * customers 25; paid 3,000.00; refunded 250.00; followers 100,000; posts 4.
 */
class KpiCalculatorTest {

  private static final KpiSettings DEFAULTS = KpiSettings.defaults();

  static KpiInputs.Builder base() {
    return KpiInputs.builder().currency("USD").spend("1000.00").impressions(200_000).views(50_000)
        .reach(80_000).likes(4_000).comments(500).shares(300).saves(200).clicks(1_250).conversions(40)
        .newCustomers(25).paid("3000.00").refunded("250.00").followers(100_000).posts(4);
  }

  record Row(String name, UnaryOperator<KpiInputs.Builder> inputs, KpiSettings settings,
      Function<Kpis, Object> actual, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Row row(String name, UnaryOperator<KpiInputs.Builder> inputs, Function<Kpis, Object> actual,
      String expected) {
    return new Row(name, inputs, DEFAULTS, actual, expected);
  }

  private static Row row(String name, Function<Kpis, Object> actual, String expected) {
    return row(name, b -> b, actual, expected);
  }

  private static final KpiSettings LIKES_AND_COMMENTS =
      DEFAULTS.withEngagementActions(EnumSet.of(Action.LIKES, Action.COMMENTS));

  static Stream<Row> rows() {
    return Stream.of(
        // engagements = 4000 + 500 + 300 + 200
        row("engagements, default set", Kpis::engagements, "5000"),
        // 4000 + 500
        new Row("engagements, likes + comments", b -> b, LIKES_AND_COMMENTS, Kpis::engagements, "4500"),
        // 5000 ÷ 4 posts ÷ 100,000 followers = 1250 ÷ 100,000
        row("ER by followers", Kpis::engagementRateByFollowers, "0.0125"),
        // 5000 ÷ 80,000
        row("ER by reach", Kpis::engagementRateByReach, "0.0625"),
        // 4500 ÷ 80,000
        new Row("ER by reach, likes + comments", b -> b, LIKES_AND_COMMENTS, Kpis::engagementRateByReach, "0.05625"),
        // 5000 ÷ 50,000
        row("ER by views", Kpis::engagementRateByViews, "0.1"),
        // 1 ÷ 3 to 6 significant digits
        row("ER by reach rounds to 6 significant digits", b -> b.likes(1).comments(0).shares(0).saves(0).reach(3),
            Kpis::engagementRateByReach, "0.333333"),
        // 1,000,005 ÷ 10,000,000 = 0.1000005 → half-even keeps the even 0
        row("ER rounding is half-even (down)", b -> b.likes(1_000_005).comments(0).shares(0).saves(0).reach(10_000_000),
            Kpis::engagementRateByReach, "0.100000"),
        // 1,000,015 ÷ 10,000,000 = 0.1000015 → half-even goes to the even 2
        row("ER rounding is half-even (up)", b -> b.likes(1_000_015).comments(0).shares(0).saves(0).reach(10_000_000),
            Kpis::engagementRateByReach, "0.100002"),
        // 1000 ÷ 200,000 × 1000
        row("CPM", Kpis::cpm, "5.0000"),
        // 1000 ÷ 50,000
        row("CPV", Kpis::cpv, "0.0200"),
        // 100 ÷ 3 = 33.3333…
        row("CPV rounds to 4 places", b -> b.spend("100").views(3), Kpis::cpv, "33.3333"),
        // 1000 ÷ 5000
        row("CPE", Kpis::cpe, "0.2000"),
        // 1000 ÷ 4500 = 0.22222…
        new Row("CPE, likes + comments", b -> b, LIKES_AND_COMMENTS, Kpis::cpe, "0.2222"),
        // 1000 ÷ 1250
        row("CPC", Kpis::cpc, "0.8000"),
        // 0.00025 ÷ 1 → half-even to 0.0002
        row("money rounding is half-even (down)", b -> b.spend("0.00025").clicks(1), Kpis::cpc, "0.0002"),
        // 0.00035 ÷ 1 → half-even to 0.0004
        row("money rounding is half-even (up)", b -> b.spend("0.00035").clicks(1), Kpis::cpc, "0.0004"),
        // 1000 ÷ 25
        row("CAC", Kpis::cac, "40.0000"),
        // 3000.00 − 250.00
        row("revenue", Kpis::revenue, "2750.00"),
        // 2750 ÷ 1000
        row("ROAS", Kpis::roas, "2.75"),
        // (2750 − 1000) ÷ 1000
        row("ROI", Kpis::roi, "1.75"),
        // (500 − 0 − 1000) ÷ 1000
        row("ROI negative", b -> b.paid("500").refunded("0"), Kpis::roi, "-0.5"),
        // 40 ÷ 1250
        row("conversion rate", Kpis::conversionRate, "0.032"),
        // 30 ÷ 20: code-attributed orders need no click
        row("conversion rate above 1", b -> b.conversions(30).clicks(20), Kpis::conversionRate, "1.5"),

        row("ER by followers: no posts → null", b -> b.posts(0), Kpis::engagementRateByFollowers, null),
        row("ER by followers: no followers → null", b -> b.followers(0), Kpis::engagementRateByFollowers, null),
        row("ER by reach: no reach → null", b -> b.reach(0), Kpis::engagementRateByReach, null),
        row("ER by reach: negative reach → null", b -> b.reach(-5), Kpis::engagementRateByReach, null),
        row("ER by views: no views → null", b -> b.views(0), Kpis::engagementRateByViews, null),
        row("CPM: no impressions → null", b -> b.impressions(0), Kpis::cpm, null),
        row("CPV: no views → null", b -> b.views(0), Kpis::cpv, null),
        row("CPE: no engagements → null", b -> b.likes(0).comments(0).shares(0).saves(0), Kpis::cpe, null),
        row("CPC: no clicks → null", b -> b.clicks(0), Kpis::cpc, null),
        row("CAC: no new customers → null", b -> b.newCustomers(0), Kpis::cac, null),
        row("ROAS: no spend → null", b -> b.spend("0"), Kpis::roas, null),
        row("ROI: no spend → null", b -> b.spend("0.00"), Kpis::roi, null),
        row("conversion rate: no clicks → null", b -> b.clicks(0), Kpis::conversionRate, null),
        row("CPM: unknown spend → null", b -> b.spend((BigDecimal) null), Kpis::cpm, null),
        row("ROI: unknown spend → null", b -> b.spend((BigDecimal) null), Kpis::roi, null),
        row("revenue: unknown paid → null", b -> b.paid((BigDecimal) null), Kpis::revenue, null),
        row("ROAS: unknown revenue → null", b -> b.refunded((BigDecimal) null), Kpis::roas, null),
        // 0 engagements ÷ 80,000 reach: a zero numerator is a real zero
        row("ER by reach: zero engagements → 0", b -> b.likes(0).comments(0).shares(0).saves(0),
            Kpis::engagementRateByReach, "0"),

        // instagram: views 1000 × 0.02 = 20; impressions 10,000 × 0.005 = 50; likes 100 × 0.08 = 8;
        // comments 10 × 0.50 = 5; shares 5 × 0.50 = 2.5; saves 2 × 0.50 = 1 → 86.5
        row("EMV, one platform", b -> b.platformActions(Platform.INSTAGRAM, new ActionCounts(1000, 10_000, 100, 10, 5, 2, 0)),
            Kpis::emv, "86.5000"),
        // 86.5 + clicks without platform 40 × 0.75 = 30 + twitch (default row) views 100 × 0.01 = 1,
        // likes 20 × 0.05 = 1 → 118.5
        row("EMV, platforms, default row and platform-less clicks", KpiCalculatorTest::emvMix, Kpis::emv, "118.5000"),
        // 118.5 × 0.8
        new Row("EMV discounted by audience quality", b -> emvMix(b).audienceQuality("0.8"),
            DEFAULTS.withEmvDiscountedByAudienceQuality(true), Kpis::emv, "94.8000"),
        new Row("EMV before quality stays undiscounted", b -> emvMix(b).audienceQuality("0.8"),
            DEFAULTS.withEmvDiscountedByAudienceQuality(true), Kpis::emvBeforeQuality, "118.5000"),
        new Row("EMV quality factor reported", b -> emvMix(b).audienceQuality("0.8"),
            DEFAULTS.withEmvDiscountedByAudienceQuality(true), Kpis::emvQualityFactor, "0.8"),
        // discount off: the factor is ignored
        row("EMV not discounted when the setting is off", b -> emvMix(b).audienceQuality("0.8"), Kpis::emv, "118.5000"),
        row("no factor reported when the setting is off", b -> emvMix(b).audienceQuality("0.8"), Kpis::emvQualityFactor, null),
        // discount on but no quality known: undiscounted
        new Row("EMV without a known quality", KpiCalculatorTest::emvMix, DEFAULTS.withEmvDiscountedByAudienceQuality(true),
            Kpis::emv, "118.5000"),
        // tiktok likes 10 × 0.2 = 2; instagram likes 10 × default 0.1 = 1; comments unpriced → 3
        new Row("EMV from a configured table", b -> b
                .platformActions(Platform.TIKTOK, new ActionCounts(0, 0, 10, 7, 0, 0, 0))
                .platformActions(Platform.INSTAGRAM, new ActionCounts(0, 0, 10, 7, 0, 0, 0)),
            KpiSettings.fromConfig(List.of("likes"), "EUR",
                Map.of("default", Map.of("likes", new BigDecimal("0.1")), "tiktok", Map.of("likes", new BigDecimal("0.2"))),
                false),
            Kpis::emv, "3.0000"),
        row("EMV with no actions", Kpis::emv, "0.0000"));
  }

  private static KpiInputs.Builder emvMix(KpiInputs.Builder b) {
    return b.platformActions(Platform.INSTAGRAM, new ActionCounts(1000, 10_000, 100, 10, 5, 2, 0))
        .platformActions(Platform.TWITCH, new ActionCounts(100, 0, 20, 0, 0, 0, 0))
        .actionsWithoutPlatform(ActionCounts.clicksOnly(40));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void formula(Row row) {
    Kpis kpis = KpiCalculator.compute(row.inputs().apply(base()).build(), row.settings());
    Object actual = row.actual().apply(kpis);
    if (row.expected() == null) {
      assertNull(actual, row.name());
    } else if (actual instanceof BigDecimal d) {
      assertEquals(0, new BigDecimal(row.expected()).compareTo(d), row.name() + ": got " + d);
    } else {
      assertEquals(row.expected(), String.valueOf(actual), row.name());
    }
  }

  @Test
  void moneyRatiosAndEmvHaveFourDecimalPlaces() {
    Kpis k = KpiCalculator.compute(emvMix(base()).build(), DEFAULTS);
    for (BigDecimal money : List.of(k.cpm(), k.cpv(), k.cpe(), k.cpc(), k.cac(), k.emv(), k.emvBeforeQuality())) {
      assertEquals(KpiCalculator.MONEY_SCALE, money.scale(), money.toPlainString());
    }
    assertEquals("5.0000", k.cpm().toPlainString());
    assertEquals("118.5000", k.emv().toPlainString());
  }

  @Test
  void ratesHaveAtMostSixSignificantDigits() {
    Kpis k = KpiCalculator.compute(base().likes(1).comments(1).shares(1).saves(0).reach(7).views(7).posts(3)
        .followers(7).clicks(7).conversions(1).spend("3").paid("1").refunded("0").build(), DEFAULTS);
    for (BigDecimal rate : List.of(k.engagementRateByFollowers(), k.engagementRateByReach(),
        k.engagementRateByViews(), k.roas(), k.roi(), k.conversionRate())) {
      assertTrue(rate.precision() <= 6, rate.toPlainString());
    }
    assertEquals("0.428571", k.engagementRateByReach().toPlainString()); // 3 ÷ 7
    assertEquals("0.142857", k.engagementRateByFollowers().toPlainString()); // 3 ÷ 3 ÷ 7
    assertEquals("0.333333", k.roas().toPlainString()); // 1 ÷ 3
    assertEquals("-0.666667", k.roi().toPlainString()); // (1 − 3) ÷ 3
  }

  @Test
  void theInputsTotalsAreCarriedThrough() {
    Kpis k = KpiCalculator.compute(base().uniqueAudience(1234L).build(), DEFAULTS);
    assertEquals("USD", k.currency());
    assertEquals(1234L, k.uniqueAudience());
    assertEquals(200_000, k.impressions());
    assertEquals("USD", k.emvCurrency());
    assertNull(KpiCalculator.compute(base().build(), DEFAULTS).uniqueAudience());
  }

  @Test
  void audienceQualityOutsideZeroToOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> base().audienceQuality("1.01").build());
    assertThrows(IllegalArgumentException.class, () -> base().audienceQuality("-0.1").build());
  }
}
