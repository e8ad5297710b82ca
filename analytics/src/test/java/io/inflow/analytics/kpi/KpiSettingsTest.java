package io.inflow.analytics.kpi;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.protocol.event.Platform;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiSettingsTest {

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void defaultsCountFourEngagementActionsInUsdWithoutQualityDiscount() {
    KpiSettings s = KpiSettings.defaults();
    assertEquals(EnumSet.of(Action.LIKES, Action.COMMENTS, Action.SHARES, Action.SAVES), s.engagementActions());
    assertEquals("USD", s.emvCurrency());
    assertFalse(s.emvDiscountedByAudienceQuality());
  }

  @Test
  void defaultRatesMatchTheDocumentedTable() {
    KpiSettings s = KpiSettings.defaults();
    assertEquals(0, d("0.08").compareTo(s.emvRate(Platform.INSTAGRAM, Action.LIKES)));
    assertEquals(0, d("0.003").compareTo(s.emvRate(Platform.TIKTOK, Action.IMPRESSIONS)));
    assertEquals(0, d("0.60").compareTo(s.emvRate(Platform.YOUTUBE, Action.COMMENTS)));
    // a platform without its own row, and an action a row leaves out, use the default row
    assertEquals(0, d("0.05").compareTo(s.emvRate(Platform.FACEBOOK, Action.LIKES)));
    assertEquals(0, d("0.75").compareTo(s.emvRate(Platform.INSTAGRAM, Action.CLICKS)));
    assertEquals(0, d("0.01").compareTo(s.emvRate(null, Action.VIEWS)));
    assertEquals(KpiSettings.defaultRateTable(), s.emvRateTable());
  }

  @Test
  void anActionNoRowPricesIsWorthZero() {
    KpiSettings s = KpiSettings.fromConfig(List.of("likes"), "eur", Map.of("tiktok", Map.of("likes", d("0.2"))), false);
    assertEquals("EUR", s.emvCurrency());
    assertEquals(0, BigDecimal.ZERO.compareTo(s.emvRate(Platform.TIKTOK, Action.VIEWS)));
    assertEquals(0, BigDecimal.ZERO.compareTo(s.emvRate(Platform.INSTAGRAM, Action.LIKES)));
  }

  @Test
  void configurationIsReadFromPlainMaps() {
    KpiSettings s = KpiSettings.fromConfig(List.of("likes", " Comments "), "USD",
        Map.of("Instagram", Map.of("likes", d("0.1")), "default", Map.of("views", d("0.02"))), true);
    assertEquals(EnumSet.of(Action.LIKES, Action.COMMENTS), s.engagementActions());
    assertEquals(0, d("0.1").compareTo(s.emvRate(Platform.INSTAGRAM, Action.LIKES)));
    assertEquals(0, d("0.02").compareTo(s.emvRate(Platform.INSTAGRAM, Action.VIEWS)));
    assertTrue(s.emvDiscountedByAudienceQuality());
  }

  @Test
  void badConfigurationFailsNamingTheKey() {
    var unknownPlatform = assertThrows(IllegalArgumentException.class, () -> KpiSettings.fromConfig(
        List.of("likes"), "USD", Map.of("myspace", Map.of("likes", d("1"))), false));
    assertTrue(unknownPlatform.getMessage().contains("myspace"), unknownPlatform.getMessage());
    var unknownAction = assertThrows(IllegalArgumentException.class, () -> KpiSettings.fromConfig(
        List.of("likes"), "USD", Map.of("tiktok", Map.of("likez", d("1"))), false));
    assertTrue(unknownAction.getMessage().contains("tiktok.likez"), unknownAction.getMessage());
    var negative = assertThrows(IllegalArgumentException.class, () -> KpiSettings.fromConfig(
        List.of("likes"), "USD", Map.of("default", Map.of("likes", d("-1"))), false));
    assertTrue(negative.getMessage().contains("default.likes"), negative.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> KpiSettings.fromConfig(List.of("clicks"), "USD", Map.of(), false), "clicks are no engagement");
    assertThrows(IllegalArgumentException.class,
        () -> KpiSettings.fromConfig(List.of("hugs"), "USD", Map.of(), false));
    assertThrows(IllegalArgumentException.class,
        () -> KpiSettings.fromConfig(List.of(), "USD", Map.of(), false));
    assertThrows(IllegalArgumentException.class,
        () -> KpiSettings.fromConfig(List.of("likes"), " ", Map.of(), false));
  }

  @Test
  void settingsAreImmutable() {
    KpiSettings s = KpiSettings.defaults();
    assertThrows(UnsupportedOperationException.class, () -> s.engagementActions().add(Action.LIKES));
    assertThrows(UnsupportedOperationException.class, () -> s.emvRates().get(Platform.INSTAGRAM).put(Action.LIKES, d("9")));
    assertThrows(UnsupportedOperationException.class, () -> s.emvDefaultRates().clear());
  }
}
