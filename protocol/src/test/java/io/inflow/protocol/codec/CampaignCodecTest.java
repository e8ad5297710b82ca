package io.inflow.protocol.codec;

import static io.inflow.protocol.codec.Samples.ABSENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.api.ErrorDetail;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CampaignCodecTest {

  static final String CAMPAIGN = """
      {"brandId":"brand-1","name":"Summer drop 2026","budget":"25000.00","currency":"EUR",
       "startsAt":"2026-06-01T00:00:00+02:00","endsAt":"2026-08-31T22:00:00Z",
       "influencers":[
         {"influencerId":"inf-1","fee":1500,"discountCode":"ANNA10",
          "link":"https://shop.example/s?ref=anna","utm":"anna_summer"},
         {"influencerId":"inf-2"}],
       "targets":{"cpm":"12.50","roas":3,"engagementRateByReach":0.045}}""";

  @Test
  void validCampaignWithEverything() {
    CampaignDefinition campaign = parse(CAMPAIGN);
    assertEquals(new CampaignDefinition("brand-1", "Summer drop 2026", new BigDecimal("25000.00"),
        "EUR", Instant.parse("2026-05-31T22:00:00Z"), Instant.parse("2026-08-31T22:00:00Z"),
        List.of(
            new Enrolment("inf-1", new BigDecimal("1500"), "ANNA10",
                "https://shop.example/s?ref=anna", "anna_summer"),
            new Enrolment("inf-2", null, null, null, null)),
        Map.of("cpm", new BigDecimal("12.50"), "roas", new BigDecimal("3"),
            "engagementRateByReach", new BigDecimal("0.045"))), campaign);
    assertEquals(List.of("cpm", "roas", "engagementRateByReach"),
        List.copyOf(campaign.targets().keySet()));
  }

  @Test
  void minimalCampaignDefaultsToNoInfluencersAndNoTargets() {
    CampaignDefinition campaign = parse("""
        {"brandId":"b","name":"n","budget":0,"currency":"USD",
         "startsAt":"2026-06-01T00:00:00Z","endsAt":"2026-06-01T00:00:01Z","targets":null}""");
    assertEquals(List.of(), campaign.influencers());
    assertEquals(Map.of(), campaign.targets());
  }

  @Test
  void campaignRoundTripsThroughTheProductMapper() {
    CampaignDefinition campaign = parse(CAMPAIGN);
    assertEquals(campaign, parse(Json.write(campaign)));
  }

  static Stream<Arguments> badCampaigns() {
    return Stream.of(
        bad("brandId", ABSENT, "missing_field", "brandId"),
        bad("brandId", "7", "wrong_type", "brandId"),
        bad("brandId", "\" \"", "invalid_value", "brandId"),
        bad("name", "null", "missing_field", "name"),
        bad("name", '"' + "n".repeat(201) + '"', "too_long", "name"),
        bad("budget", ABSENT, "missing_field", "budget"),
        bad("budget", "\"lots\"", "wrong_type", "budget"),
        bad("budget", "-1", "negative_value", "budget"),
        bad("currency", "\"euro\"", "unknown_currency", "currency"),
        bad("currency", ABSENT, "missing_field", "currency"),
        bad("startsAt", "\"2026-06-01\"", "invalid_timestamp", "startsAt"),
        bad("endsAt", ABSENT, "missing_field", "endsAt"),
        bad("endsAt", "\"2026-05-31T22:00:00Z\"", "invalid_range", "endsAt"),
        bad("endsAt", "\"2026-05-01T00:00:00Z\"", "invalid_range", "endsAt"),
        bad("influencers", "{}", "wrong_type", "influencers"),
        bad("influencers[1]", "\"inf-2\"", "wrong_type", "influencers[1]"),
        bad("influencers[1].influencerId", ABSENT, "missing_field", "influencers[1].influencerId"),
        bad("influencers[1].influencerId", "\"inf-1\"", "duplicate", "influencers[1].influencerId"),
        bad("influencers[0].fee", "-10", "negative_value", "influencers[0].fee"),
        bad("influencers[0].fee", "\"free\"", "wrong_type", "influencers[0].fee"),
        bad("influencers[0].discountCode", '"' + "d".repeat(257) + '"', "too_long",
            "influencers[0].discountCode"),
        bad("influencers[0].link", "42", "wrong_type", "influencers[0].link"),
        bad("influencers[0].utm", "\"\"", "invalid_value", "influencers[0].utm"),
        bad("influencers[0].commission", "0.1", "unknown_field", "influencers[0].commission"),
        bad("targets", "[1]", "wrong_type", "targets"),
        bad("targets.cpm", "-1", "negative_value", "targets.cpm"),
        bad("targets.cpm", "\"cheap\"", "wrong_type", "targets.cpm"),
        bad("targets." + "t".repeat(65), "1", "too_long", "targets"),
        bad("campaignId", "\"c-1\"", "unknown_field", "campaignId"),
        bad("budjet", "1", "unknown_field", "budjet"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {2} on {3}")
  @MethodSource("badCampaigns")
  void everyProblemIsNamed(String path, String value, String code, String field) {
    List<ErrorDetail> details = problems(with(path, value));
    assertEquals(1, details.size(), details::toString);
    ErrorDetail detail = details.get(0);
    assertEquals(code, detail.code(), detail::message);
    assertEquals(field, detail.field(), detail::message);
    assertNull(detail.line());
    assertTrue(detail.message().contains(field), detail::message);
  }

  @Test
  void allProblemsAreReportedAtOnceInFieldOrder() {
    String body = """
        {"brandId":"","name":"ok","budget":-5,"currency":"eur","startsAt":"2026-06-01T00:00:00Z",
         "endsAt":"yesterday","influencers":[{"influencerId":"a"},{"influencerId":"a","fee":-1}],
         "targets":{"cpm":-2},"owner":"me"}""";
    List<ErrorDetail> details = problems(body);
    assertEquals(List.of("owner", "brandId", "budget", "currency", "endsAt",
            "influencers[1].influencerId", "influencers[1].fee", "targets.cpm"),
        details.stream().map(ErrorDetail::field).toList());
    assertEquals(List.of("unknown_field", "invalid_value", "negative_value", "unknown_currency",
            "invalid_timestamp", "duplicate", "negative_value", "negative_value"),
        details.stream().map(ErrorDetail::code).toList());
  }

  @Test
  void emptyObjectListsEveryRequiredField() {
    assertEquals(List.of("brandId", "name", "budget", "currency", "startsAt", "endsAt"),
        problems("{}").stream().map(ErrorDetail::field).toList());
  }

  @Test
  void malformedBodyIsOneWholeBodyProblem() {
    for (String body : List.of("", "{", "[]", "{\"brandId\":\"b\"} {}", "null")) {
      List<ErrorDetail> details = problems(body);
      assertEquals(1, details.size(), body);
      assertEquals("malformed_json", details.get(0).code(), body);
      assertNull(details.get(0).field(), body);
    }
  }

  private static Arguments bad(String path, String value, String code, String field) {
    return Arguments.of(path, value, code, field);
  }

  /** CAMPAIGN with one change; {@code targets.<name>} paths address a target by name. */
  private static String with(String path, String value) {
    ObjectNode root = (ObjectNode) Samples.tree(CAMPAIGN);
    if (path.startsWith("targets.")) {
      ((ObjectNode) root.get("targets")).set(path.substring(8), Samples.tree(value));
      return root.toString();
    }
    String[] parts = path.split("\\.");
    var parent = root;
    String last = path;
    if (parts.length == 2) {
      int index = Integer.parseInt(parts[0].substring(parts[0].indexOf('[') + 1,
          parts[0].length() - 1));
      parent = (ObjectNode) root.get("influencers").get(index);
      last = parts[1];
    } else if (path.startsWith("influencers[")) {
      int index = Integer.parseInt(path.substring(12, path.length() - 1));
      ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("influencers"))
          .set(index, Samples.tree(value));
      return root.toString();
    }
    if (ABSENT.equals(value)) {
      parent.remove(last);
    } else {
      parent.set(last, Samples.tree(value));
    }
    return root.toString();
  }

  private static CampaignDefinition parse(String json) {
    return CampaignCodec.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<ErrorDetail> problems(String json) {
    return assertThrows(ValidationException.class, () -> parse(json)).details();
  }
}
