package io.inflow.analytics.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.inflow.protocol.api.BrandListItem;
import io.inflow.protocol.api.CampaignListItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrandTotalsTest {

  private static CampaignListItem campaign(String id, String brand, String currency, String spend, String revenue,
      long views, int alerts, String updatedAt) {
    return new CampaignListItem(id, brand, id, currency, new BigDecimal("1000"),
        spend == null ? null : new BigDecimal(spend), revenue == null ? null : new BigDecimal(revenue), views,
        views / 10, views / 100, views / 1000, null, null, updatedAt == null ? null : Instant.parse(updatedAt),
        List.of(), List.of(), 0, 0, null, alerts, alerts > 0 ? "medium" : null);
  }

  @Test
  void campaignsAreGroupedPerBrandAndMoneyStaysInItsCurrency() {
    List<BrandListItem> rows = BrandTotals.byBrand(List.of(
        campaign("z-1", "zeta", "EUR", "5", "7", 1_000, 0, "2026-11-01T00:00:00Z"),
        campaign("a-1", "acme", "EUR", "10.50", "20", 2_000, 2, "2026-11-03T00:00:00Z"),
        campaign("a-2", "acme", "PLN", "100", null, 3_000, 1, "2026-11-05T00:00:00Z"),
        campaign("a-3", "acme", "EUR", "4.50", "1", 5_000, 0, "2026-11-04T00:00:00Z"),
        campaign("a-4", "acme", null, null, null, 10_000, 0, null)));

    assertEquals(List.of("acme", "zeta"), rows.stream().map(BrandListItem::brandId).toList());
    BrandListItem acme = rows.get(0);
    assertEquals(4, acme.campaigns());
    assertEquals(Map.of("EUR", new BigDecimal("15.00"), "PLN", new BigDecimal("100")), acme.spendByCurrency());
    assertEquals(Map.of("EUR", new BigDecimal("21")), acme.revenueByCurrency());
    assertEquals(20_000, acme.views());
    assertEquals(2_000, acme.engagements());
    assertEquals(200, acme.clicks());
    assertEquals(20, acme.conversions());
    assertEquals(3, acme.alerts());
    assertEquals(Instant.parse("2026-11-05T00:00:00Z"), acme.updatedAt(), "the latest, whatever the order");

    BrandListItem zeta = rows.get(1);
    assertEquals(1, zeta.campaigns());
    assertEquals(Map.of("EUR", new BigDecimal("5")), zeta.spendByCurrency());
    assertEquals(0, zeta.alerts());
  }

  @Test
  void noCampaignsNoBrandsAndABrandWithoutUpdatesHasNoUpdatedAt() {
    assertEquals(List.of(), BrandTotals.byBrand(List.of()));
    BrandListItem quiet = BrandTotals.of("quiet", List.of(campaign("q", "quiet", "EUR", null, null, 0, 0, null)));
    assertNull(quiet.updatedAt());
    assertEquals(Map.of(), quiet.spendByCurrency());
  }
}
