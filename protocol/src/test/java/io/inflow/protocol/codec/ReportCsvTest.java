package io.inflow.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.inflow.protocol.api.CampaignReport;
import io.inflow.protocol.api.CampaignReport.Entry;
import io.inflow.protocol.api.CampaignReport.Point;
import io.inflow.protocol.api.CampaignReport.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {
  private static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
  private static final Instant MID = Instant.parse("2026-11-03T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-04T00:00:00Z");

  private static BigDecimal d(String v) {
    return v == null ? null : new BigDecimal(v);
  }

  private static Row row(long views, long clicks, String revenue, String spend, String cpc) {
    return new Row(1, views, views * 2, views / 2, 10, 2, 1, 0, 13, 3, clicks, 1, d(revenue), d(spend),
        d("0.0520000"), null, d("12.5000"), null, d(cpc), d("1.23457"), null, 2, 0, 1, d("0.3333"));
  }

  private static CampaignReport sample() {
    Row first = row(100, 4, "150.00", "40", "10.0000");
    Row second = row(-5, 0, "-20.50", "0", null);
    Row total = row(95, 4, "129.50", "40", "10.0000");
    return new CampaignReport("spring", FROM, TO, "day", "influencer", "EUR", total,
        List.of(new Point(FROM, MID, first), new Point(MID, TO, second)),
        List.of(new Entry("anna", first), new Entry("a,\"quoted\"\r\nname ", second), new Entry("", second),
            new Entry("=1+2", second), new Entry(null, second)));
  }

  @Test
  void csvParsesBackToTheSameNumbersAsTheJson() throws JsonProcessingException {
    CampaignReport report = sample();
    CampaignReport fromJson = Json.mapper().readValue(Json.write(report), CampaignReport.class);
    assertEquals(report, fromJson);
    assertEquals(ReportCsv.lines(fromJson), ReportCsv.parse(ReportCsv.write(report)));
  }

  @Test
  void theHeaderIsSectionStartEndKeyThenEveryRowField() {
    String header = ReportCsv.write(sample()).lines().findFirst().orElseThrow();
    assertEquals("section,start,end,key,posts,views,impressions,reach,likes,comments,shares,saves,engagements,"
        + "commentsReceived,clicks,conversions,revenue,spend,engagementRateByReach,engagementRateByViews,cpm,"
        + "cpe,cpc,roas,conversionRate,commentsPositive,commentsNeutral,commentsNegative,netSentiment", header);
    assertEquals(CampaignReport.Row.class.getRecordComponents().length + 4, ReportCsv.COLUMNS.size());
  }

  @Test
  void linesAreTotalThenSeriesThenBreakdownWithCrlfAndEmptyFieldsForUnknowns() {
    String csv = ReportCsv.write(sample());
    String[] lines = csv.split("\r\n", -1);
    assertEquals("total,2026-11-02T00:00:00Z,2026-11-04T00:00:00Z,,1,95,190,47,10,2,1,0,13,3,4,1,129.50,40,"
        + "0.0520000,,12.5000,,10.0000,1.23457,,2,0,1,0.3333", lines[1]);
    assertEquals("series,2026-11-03T00:00:00Z,2026-11-04T00:00:00Z,,1,-5,-10,-2,10,2,1,0,13,3,0,1,-20.50,0,"
        + "0.0520000,,12.5000,,,1.23457,,2,0,1,0.3333", lines[3]);
    assertTrue(lines[4].startsWith("breakdown,2026-11-02T00:00:00Z,2026-11-04T00:00:00Z,anna,"), lines[4]);
    assertTrue(csv.contains(",\"a,\"\"quoted\"\"\r\nname \","), csv);
    assertTrue(csv.contains(",\"\",1,-5,"), "an empty key is quoted, a null key is not: " + csv);
    assertTrue(csv.endsWith("\r\n"));
  }

  @Test
  void keysRoundTripWhateverTheyHoldAndNullStaysApartFromEmpty() {
    List<String> keys = ReportCsv.parse(ReportCsv.write(sample())).stream()
        .filter(l -> l.section() == ReportCsv.Section.BREAKDOWN).map(ReportCsv.Line::key).toList();
    assertEquals(java.util.Arrays.asList("anna", "a,\"quoted\"\r\nname ", "", "=1+2", null), keys);
  }

  @Test
  void anEmptyReportIsAHeaderATotalAndItsPoints() {
    Row zero = new Row(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, null, null, null, null, 0, 0, 0, null);
    var report = new CampaignReport("c", FROM, MID, "day", "post", null, zero, List.of(new Point(FROM, MID, zero)),
        List.of());
    List<ReportCsv.Line> parsed = ReportCsv.parse(ReportCsv.write(report));
    assertEquals(ReportCsv.lines(report), parsed);
    assertEquals(2, parsed.size());
  }

  @Test
  void malformedCsvIsRefusedWithTheRecordAtFault() {
    String csv = ReportCsv.write(sample());
    var wrongHeader = assertThrows(IllegalArgumentException.class, () -> ReportCsv.parse(csv.replace("section,", "part,")));
    assertTrue(wrongHeader.getMessage().startsWith("record 1:"), wrongHeader.getMessage());
    var badNumber = assertThrows(IllegalArgumentException.class, () -> ReportCsv.parse(csv.replace("129.50", "12x")));
    assertEquals("record 2: revenue '12x' is not a number", badNumber.getMessage());
    var shortRecord = assertThrows(IllegalArgumentException.class,
        () -> ReportCsv.parse(String.join(",", ReportCsv.COLUMNS) + "\r\ntotal,2026-11-02T00:00:00Z\r\n"));
    assertEquals("record 2: 2 fields, expected 29", shortRecord.getMessage());
    var section = assertThrows(IllegalArgumentException.class, () -> ReportCsv.parse(csv.replace("total,", "sum,")));
    assertEquals("record 2: unknown section 'sum'", section.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ReportCsv.parse(""));
  }

  @Test
  void jsonShowsUnknownsAsNullRatherThanOmittingThem() {
    String json = Json.write(sample());
    assertTrue(json.contains("\"engagementRateByViews\":null"), json);
    assertTrue(json.contains("{\"key\":null,\"row\":"), json);
    assertTrue(json.startsWith("{\"campaignId\":\"spring\",\"from\":\"2026-11-02T00:00:00Z\",\"to\":\"2026-11-04T00:00:00Z\","
        + "\"bucket\":\"day\",\"by\":\"influencer\",\"currency\":\"EUR\",\"total\":{\"posts\":1,\"views\":95,"), json);
  }
}
