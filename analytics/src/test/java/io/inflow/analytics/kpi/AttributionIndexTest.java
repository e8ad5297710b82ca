package io.inflow.analytics.kpi;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.event.Attribution;
import io.inflow.protocol.event.Attribution.Kind;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AttributionIndexTest {

  private static final AttributionIndex INDEX = AttributionIndex.of(List.of(
      new Enrolment("anna", BigDecimal.TEN, "ANNA10", "https://Shop.Example.com/anna/", "anna_ig"),
      new Enrolment("kuba", BigDecimal.TEN, " kuba ", "shop.example.com/Kuba?ref=1", "KUBA-TT"),
      new Enrolment("ola", BigDecimal.TEN, "SHARED", "http://shop.example.com:80/ola#top", "shared-utm"),
      new Enrolment("ewa", BigDecimal.TEN, "shared", null, "Shared-UTM"),
      new Enrolment("piotr", BigDecimal.TEN, "", "   ", null),
      new Enrolment("anna", BigDecimal.TEN, "anna10", null, null)));

  record Row(Kind kind, String value, String expected) {
    @Override
    public String toString() {
      return kind + " '" + value + "' → " + (expected == null ? "nobody" : expected);
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row(Kind.DISCOUNT_CODE, "ANNA10", "anna"),
        new Row(Kind.DISCOUNT_CODE, "  anna10 ", "anna"), // trimmed, any case; anna enrolled it twice
        new Row(Kind.DISCOUNT_CODE, "KUBA", "kuba"),
        new Row(Kind.DISCOUNT_CODE, "ANNA1", null),
        new Row(Kind.DISCOUNT_CODE, "Shared", null), // ola and ewa: ambiguous
        new Row(Kind.DISCOUNT_CODE, "https://shop.example.com/anna", null), // a link is no code
        new Row(Kind.LINK, "https://shop.example.com/anna", "anna"), // host case, trailing slash
        new Row(Kind.LINK, "HTTPS://SHOP.EXAMPLE.COM/anna/?utm_source=ig#x", "anna"), // query, fragment
        new Row(Kind.LINK, "http://shop.example.com/anna", "anna"), // http = https
        new Row(Kind.LINK, "shop.example.com/anna//", "anna"), // no scheme
        new Row(Kind.LINK, "https://shop.example.com:443/anna", "anna"), // default port
        new Row(Kind.LINK, "https://shop.example.com/ANNA", null), // the path is case-sensitive
        new Row(Kind.LINK, "https://shop.example.com/Kuba/", "kuba"),
        new Row(Kind.LINK, "https://shop.example.com/kuba", null),
        new Row(Kind.LINK, "https://shop.example.com/ola?x=1", "ola"),
        new Row(Kind.LINK, "https://other.example.com/anna", null),
        new Row(Kind.UTM, "ANNA_IG", "anna"),
        new Row(Kind.UTM, "kuba-tt ", "kuba"),
        new Row(Kind.UTM, "shared-utm", null), // ola and ewa: ambiguous
        new Row(Kind.UTM, "", null),
        new Row(Kind.UTM, "   ", null),
        new Row(Kind.UTM, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void resolves(Row row) {
    assertEquals(Optional.ofNullable(row.expected()), INDEX.resolve(new Attribution(row.kind(), row.value())));
  }

  @Test
  void ambiguousValuesAreReported() {
    assertEquals(List.of(
            new AttributionIndex.Ambiguity(Kind.DISCOUNT_CODE, "shared", Set.of("ewa", "ola")),
            new AttributionIndex.Ambiguity(Kind.UTM, "shared-utm", Set.of("ewa", "ola"))),
        INDEX.ambiguities());
    assertTrue(INDEX.isAmbiguous(new Attribution(Kind.DISCOUNT_CODE, " SHARED")));
    assertFalse(INDEX.isAmbiguous(new Attribution(Kind.DISCOUNT_CODE, "ANNA10")));
    assertFalse(INDEX.isAmbiguous(new Attribution(Kind.DISCOUNT_CODE, "nope")));
  }

  @Test
  void aConversionThatNamesItsInfluencerKeepsIt() {
    Conversion named = conversion("kuba", new Attribution(Kind.DISCOUNT_CODE, "ANNA10"));
    assertEquals(Optional.of("kuba"), INDEX.influencerFor(named));
    Conversion unnamed = conversion(null, new Attribution(Kind.DISCOUNT_CODE, "ANNA10"));
    assertEquals(Optional.of("anna"), INDEX.influencerFor(unnamed));
    Conversion blank = conversion(" ", new Attribution(Kind.LINK, "shop.example.com/Kuba"));
    assertEquals(Optional.of("kuba"), INDEX.influencerFor(blank));
    assertEquals(Optional.empty(), INDEX.influencerFor(conversion(null, null)));
  }

  @Test
  void noEnrolmentsResolveNothing() {
    assertEquals(Optional.empty(), AttributionIndex.of(List.of()).resolve(new Attribution(Kind.UTM, "x")));
    assertEquals(Optional.empty(), AttributionIndex.of((io.inflow.protocol.api.CampaignDefinition) null)
        .resolve(new Attribution(Kind.UTM, "x")));
    assertTrue(AttributionIndex.of(List.of()).ambiguities().isEmpty());
  }

  @Test
  void linksNormalise() {
    assertEquals("https://shop.example.com/a/B", AttributionIndex.normaliseLink(" HTTP://Shop.Example.COM:80/a/B/?q#f "));
    assertEquals("https://shop.example.com", AttributionIndex.normaliseLink("shop.example.com/"));
    assertEquals("https://shop.example.com/x", AttributionIndex.normaliseLink("//shop.example.com/x"));
    assertEquals("ftp://files.example.com/x", AttributionIndex.normaliseLink("FTP://files.example.com/x"));
  }

  private static Conversion conversion(String influencerId, Attribution attribution) {
    return new Conversion("e1", "spring", influencerId, "o1", null, BigDecimal.ONE, "EUR",
        ConversionStatus.PAID, attribution, List.of(), Instant.EPOCH);
  }
}
