package io.inflow.protocol.codec;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.inflow.protocol.api.CampaignReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A {@link CampaignReport} as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted only
 * where needed, quotes doubled), one header line then one line per total, series point and breakdown
 * row, in that order. The columns are {@code section} ({@code total}, {@code series} or {@code
 * breakdown}), {@code start} and {@code end} (ISO-8601 UTC; the report's range for total and
 * breakdown lines), {@code key} (breakdown lines only), then every {@link CampaignReport.Row} field
 * in declaration order, see {@link #COLUMNS}. Numbers are plain decimals (never exponents); an
 * unknown value (null money or ratio) is an empty field.
 *
 * <p>A null key is an empty field and an empty key is {@code ""}, so {@link #parse} tells them
 * apart. Keys are written as they are, so that they parse back exactly: a spreadsheet may read a
 * key starting with {@code =}, {@code +}, {@code -} or {@code @} as a formula.
 *
 * <p>The campaign id, bucket, dimension and currency are not in the CSV; they are the request's own
 * parameters and the currency is also in the JSON form.
 */
public final class ReportCsv {

  /** The media type to serve the CSV form under. */
  public static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

  private static final RecordComponent[] ROW_FIELDS = CampaignReport.Row.class.getRecordComponents();
  private static final Constructor<CampaignReport.Row> ROW_CONSTRUCTOR = rowConstructor();

  /** Every column in order: section, start, end, key, then the row fields. */
  public static final List<String> COLUMNS = Stream.concat(Stream.of("section", "start", "end", "key"),
      Arrays.stream(ROW_FIELDS).map(RecordComponent::getName)).toList();

  private static final CsvMapper MAPPER = CsvMapper.builder()
      .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL)
      .build();
  private static final ObjectWriter WRITER = MAPPER.writer(schema());
  private static final ObjectReader READER = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema());

  /** The part of a report one CSV line holds. */
  public enum Section {
    TOTAL, SERIES, BREAKDOWN;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One CSV line, as written or parsed.
   *
   * @param start inclusive start; the report's {@code from} for total and breakdown lines
   * @param end exclusive end; the report's {@code to} for total and breakdown lines
   * @param key the breakdown key; null on total and series lines and for the breakdown's null key
   */
  public record Line(Section section, Instant start, Instant end, String key, CampaignReport.Row row) {}

  private ReportCsv() {}

  private static CsvSchema schema() {
    CsvSchema.Builder b = CsvSchema.builder();
    COLUMNS.forEach(b::addColumn);
    return b.build().withHeader().withLineSeparator("\r\n");
  }

  @SuppressWarnings("unchecked")
  private static Constructor<CampaignReport.Row> rowConstructor() {
    try {
      return CampaignReport.Row.class.getDeclaredConstructor(
          Arrays.stream(ROW_FIELDS).map(RecordComponent::getType).toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The lines the CSV form of {@code report} holds, in order. */
  public static List<Line> lines(CampaignReport report) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(Section.TOTAL, report.from(), report.to(), null, report.total()));
    for (CampaignReport.Point p : report.series()) lines.add(new Line(Section.SERIES, p.start(), p.end(), null, p.row()));
    for (CampaignReport.Entry e : report.breakdown()) {
      lines.add(new Line(Section.BREAKDOWN, report.from(), report.to(), e.key(), e.row()));
    }
    return lines;
  }

  /** {@code report} as CSV text, header first. */
  public static String write(CampaignReport report) {
    StringWriter out = new StringWriter();
    try (SequenceWriter csv = WRITER.writeValues(out)) {
      for (Line line : lines(report)) csv.write(fields(line));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Map<String, Object> fields(Line line) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("section", line.section().wireName());
    fields.put("start", line.start() == null ? null : line.start().toString());
    fields.put("end", line.end() == null ? null : line.end().toString());
    fields.put("key", line.key());
    for (RecordComponent c : ROW_FIELDS) {
      Object v = read(c, line.row());
      fields.put(c.getName(), v instanceof BigDecimal d ? d.toPlainString() : v == null ? null : v.toString());
    }
    return fields;
  }

  private static Object read(RecordComponent c, CampaignReport.Row row) {
    try {
      return c.getAccessor().invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads CSV written by {@link #write} back into lines.
   *
   * @throws IllegalArgumentException naming the record (1 = the header) when the header is not
   *     {@link #COLUMNS}, a record has another number of fields, or a value does not parse
   */
  public static List<Line> parse(String csv) {
    List<Line> lines = new ArrayList<>();
    try (MappingIterator<String[]> records = READER.readValues(csv)) {
      if (!records.hasNext() || !Arrays.asList(records.next()).equals(COLUMNS)) {
        throw new IllegalArgumentException("record 1: the header must be " + String.join(",", COLUMNS));
      }
      for (int n = 2; records.hasNext(); n++) lines.add(line(n, records.next()));
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) throw iae;
      throw new IllegalArgumentException("not a report CSV: " + e.getMessage(), e);
    }
    return lines;
  }

  private static Line line(int n, String[] f) {
    if (f.length != COLUMNS.size()) {
      throw new IllegalArgumentException("record " + n + ": " + f.length + " fields, expected " + COLUMNS.size());
    }
    Section section = Arrays.stream(Section.values()).filter(s -> s.wireName().equals(f[0])).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("record " + n + ": unknown section '" + f[0] + "'"));
    Object[] values = new Object[ROW_FIELDS.length];
    for (int i = 0; i < ROW_FIELDS.length; i++) values[i] = number(n, ROW_FIELDS[i], f[4 + i]);
    try {
      return new Line(section, instant(n, f[1]), instant(n, f[2]), f[3], ROW_CONSTRUCTOR.newInstance(values));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(int n, String v) {
    if (v == null || v.isEmpty()) return null;
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("record " + n + ": '" + v + "' is not an ISO-8601 instant");
    }
  }

  private static Object number(int n, RecordComponent c, String v) {
    boolean empty = v == null || v.isEmpty();
    try {
      if (c.getType() == long.class) {
        if (empty) throw new IllegalArgumentException("record " + n + ": " + c.getName() + " is empty");
        return Long.parseLong(v);
      }
      return empty ? null : new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("record " + n + ": " + c.getName() + " '" + v + "' is not a number");
    }
  }
}
