package io.inflow.load.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code DIR/report.html}: every scenario report found in {@code DIR} ({@code <scenario>.json}) on
 * one self-contained page (no scripts, no external files): the headline table of all scenarios, then
 * per scenario its targets, baselines and ratios, figures, and its steps or windows as a table with a
 * small line chart per column (against the first column: offered rate for a ramp, time for a soak).
 */
public final class HtmlReport {

  private static final List<String> ORDER = List.of("throughput", "latency", "fanout", "mixed", "soak");

  private HtmlReport() {}

  /** The scenario reports in {@code dir}, in scenario order; files that are not one are skipped. */
  public static List<ScenarioReport> reports(Path dir) throws IOException {
    List<ScenarioReport> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        try {
          ScenarioReport r = ScenarioReport.read(file);
          if (r.scenario() != null && file.getFileName().toString().equals(r.scenario() + ".json")) found.add(r);
        } catch (IOException | RuntimeException e) {
          // another kind of JSON (an ingest-bench line, a compare output): not a scenario report
        }
      }
    }
    found.sort(java.util.Comparator.comparingInt((ScenarioReport r) -> {
      int i = ORDER.indexOf(r.scenario());
      return i < 0 ? ORDER.size() : i;
    }).thenComparing(ScenarioReport::scenario));
    return found;
  }

  /** Writes {@code dir/report.html} from the reports in {@code dir}; returns its path. */
  public static Path write(Path dir) throws IOException {
    Path file = dir.resolve("report.html");
    Files.writeString(file, render(reports(dir), dir.toAbsolutePath().toString()));
    return file;
  }

  static String render(List<ScenarioReport> reports, String title) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Inflow bench report</title><style>")
        .append("body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;max-width:1100px}")
        .append("table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:3px 8px;")
        .append("text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
        .append(".met{color:#176b2c}.not{color:#b00020;font-weight:600}svg{border:1px solid #ddd;margin:4px}")
        .append("h2{margin-top:1.6em;border-bottom:1px solid #ddd}</style></head><body>\n")
        .append("<h1>Inflow bench report</h1><p>").append(esc(title)).append("</p>\n");
    if (reports.isEmpty()) {
      h.append("<p>No scenario reports here yet: run <code>./inflow bench throughput --out DIR</code>.</p>");
    } else {
      h.append("<table><tr><th>scenario</th><th>durable events/s</th><th>headline latency</th><th>p50 ms</th>")
          .append("<th>p99 ms</th><th>max ms</th><th>targets</th><th>verdict</th></tr>\n");
      for (ScenarioReport r : reports) {
        h.append("<tr><td><a href=\"#").append(esc(r.scenario())).append("\">").append(esc(r.scenario()))
            .append("</a></td><td>").append(ScenarioReport.number(r.eventsPerSecond())).append("</td><td>")
            .append(esc(r.latency())).append("</td><td>").append(fmt(r.p50Ms())).append("</td><td>")
            .append(fmt(r.p99Ms())).append("</td><td>").append(fmt(r.maxMs())).append("</td><td>");
        r.targets().forEach((k, v) -> h.append(targetSpan(k, v)).append("<br>"));
        h.append("</td><td>").append(esc(r.verdict())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    for (ScenarioReport r : reports) section(h, r);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void section(StringBuilder h, ScenarioReport r) {
    h.append("<h2 id=\"").append(esc(r.scenario())).append("\">").append(esc(r.scenario())).append(": ")
        .append(esc(r.label())).append("</h2>\n<p>").append(esc(r.url())).append(", started ")
        .append(esc(r.startedAt())).append("</p>\n");
    if (!r.targets().isEmpty()) {
      h.append("<p>");
      r.targets().forEach((k, v) -> h.append(targetSpan(k, v)).append("<br>"));
      h.append("</p>\n");
    }
    if (!r.baselines().isEmpty() || !r.ratios().isEmpty()) {
      h.append("<table><tr><th>in-run baseline</th><th>value</th></tr>");
      r.baselines().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>")
          .append(ScenarioReport.number(v)).append("</td></tr>"));
      r.ratios().forEach((k, v) -> h.append("<tr><td>ratio ").append(esc(k)).append("</td><td>×")
          .append(String.format(Locale.ROOT, "%.3f", v)).append("</td></tr>"));
      h.append("</table>\n");
    }
    h.append("<table><tr><th>figure</th><th>value</th></tr>");
    r.figures().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>")
        .append(ScenarioReport.number(v)).append("</td></tr>"));
    h.append("</table>\n");
    if (!r.steps().isEmpty()) steps(h, r.steps());
    for (String note : r.notes()) h.append("<p>").append(esc(note)).append("</p>\n");
    h.append("<p>verdict: ").append(esc(r.verdict())).append("</p>\n");
  }

  private static void steps(StringBuilder h, List<Map<String, Object>> steps) {
    List<String> columns = new ArrayList<>(steps.get(0).keySet());
    h.append("<table><tr>");
    for (String c : columns) h.append("<th>").append(esc(c)).append("</th>");
    h.append("</tr>\n");
    for (Map<String, Object> row : steps) {
      h.append("<tr>");
      for (String c : columns) {
        Object v = row.get(c);
        h.append("<td>").append(v instanceof Number n ? ScenarioReport.number(n.doubleValue()) : esc(String.valueOf(v)))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n<div>");
    String x = columns.get(0);
    for (String c : columns.subList(1, columns.size())) {
      if (steps.stream().allMatch(s -> s.get(c) instanceof Number) && steps.stream().allMatch(s -> s.get(x) instanceof Number)) {
        chart(h, steps, x, c);
      }
    }
    h.append("</div>\n");
  }

  /** A 300×150 line chart of column {@code y} against column {@code x}, with the extremes labelled. */
  private static void chart(StringBuilder h, List<Map<String, Object>> steps, String x, String y) {
    double[] xs = steps.stream().mapToDouble(s -> ((Number) s.get(x)).doubleValue()).toArray();
    double[] ys = steps.stream().mapToDouble(s -> ((Number) s.get(y)).doubleValue()).toArray();
    double x0 = min(xs), x1 = max(xs), y1 = Math.max(max(ys), 0), y0 = Math.min(min(ys), 0);
    int w = 300, ht = 150, left = 48, bottom = 20, top = 18;
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      double px = left + (x1 == x0 ? 0.5 : (xs[i] - x0) / (x1 - x0)) * (w - left - 8);
      double py = top + (1 - (y1 == y0 ? 0.5 : (ys[i] - y0) / (y1 - y0))) * (ht - top - bottom);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
    }
    h.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s by %s\">", w, ht,
            esc(y), esc(x)))
        .append(String.format(Locale.ROOT, "<text x=\"4\" y=\"12\" font-size=\"11\">%s</text>", esc(y)))
        .append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"10\">%s</text>", top + 8,
            ScenarioReport.number(y1)))
        .append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"10\">%s</text>", ht - bottom,
            ScenarioReport.number(y0)))
        .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s %s … %s</text>", left,
            ht - 5, esc(x), ScenarioReport.number(x0), ScenarioReport.number(x1)))
        .append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"").append(points.toString().trim())
        .append("\"/></svg>");
  }

  private static String targetSpan(String target, String verdict) {
    return "<span class=\"" + (verdict.startsWith("met") ? "met" : "not") + "\">" + esc(target) + ": " + esc(verdict)
        + "</span>";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElse(0);
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(0);
  }

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
