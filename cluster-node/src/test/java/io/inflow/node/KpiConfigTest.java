package io.inflow.node;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import io.inflow.analytics.kpi.Action;
import io.inflow.analytics.kpi.KpiSettings;
import io.inflow.protocol.event.Platform;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code inflow.kpi} in configuration becomes the KPI settings every entity computes with. */
class KpiConfigTest {

  private static KpiSettings parse(String kpi) {
    return EntitySettings.kpiSettings(ConfigFactory.parseString(kpi)
        .withFallback(ConfigFactory.load().getConfig("inflow.kpi")));
  }

  @Test
  void theShippedDefaultsAreTheDocumentedTable() {
    assertEquals(KpiSettings.defaults(), EntitySettings.fromConfig(ConfigFactory.load().getConfig("inflow")).kpi());
  }

  @Test
  void aConfiguredTableReplacesTheBuiltInOne() {
    KpiSettings s = parse("""
        engagement-actions = [likes, comments]
        emv-currency = EUR
        emv-audience-quality-discount = true
        emv-rates { instagram { likes = 0.1, views = "0.015" }, default { clicks = 1 } }
        """);
    assertEquals(Set.of(Action.LIKES, Action.COMMENTS), s.engagementActions());
    assertEquals("EUR", s.emvCurrency());
    assertTrue(s.emvDiscountedByAudienceQuality());
    assertEquals(new BigDecimal("0.1"), s.emvRate(Platform.INSTAGRAM, Action.LIKES));
    assertEquals(new BigDecimal("0.015"), s.emvRate(Platform.INSTAGRAM, Action.VIEWS));
    assertEquals(new BigDecimal("1"), s.emvRate(null, Action.CLICKS));
    assertEquals(BigDecimal.ZERO, s.emvRate(Platform.TIKTOK, Action.LIKES), "no row and no default: zero");
  }

  @Test
  void badValuesNameTheKeyAtFault() {
    var negative = assertThrows(IllegalArgumentException.class,
        () -> parse("emv-rates { tiktok { likes = -1 } }"));
    assertTrue(negative.getMessage().contains("inflow.kpi.emv-rates.tiktok.likes"), negative.getMessage());
    var unknownAction = assertThrows(IllegalArgumentException.class,
        () -> parse("emv-rates { tiktok { hugs = 1 } }"));
    assertTrue(unknownAction.getMessage().contains("tiktok.hugs"), unknownAction.getMessage());
    var unknownRow = assertThrows(IllegalArgumentException.class,
        () -> parse("emv-rates { myspace { likes = 1 } }"));
    assertTrue(unknownRow.getMessage().contains("myspace"), unknownRow.getMessage());
    var action = assertThrows(IllegalArgumentException.class, () -> parse("engagement-actions = [hearts]"));
    assertTrue(action.getMessage().contains("hearts"), action.getMessage());
  }
}
