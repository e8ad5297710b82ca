package io.inflow.load.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.load.EventJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./inflow bench compare a.json b.json}: every number of two result files side by side with
 * the ratio b ÷ a. Works on any JSON result (scenario reports, ingest-bench and live-bench lines):
 * numbers are found by path ({@code figures.ackP99Ms}, {@code latencyMs.p99}); list elements are
 * numbered ({@code steps[2].achieved}). Figures present in only one file are listed after the rest.
 */
public final class CompareReports {

  private CompareReports() {}

  public static void main(String[] args) {
    if (args.length != 2 || List.of(args).contains("--help")) {
      System.out.println("Usage: ./inflow bench compare BASE.json OTHER.json   (prints every figure and OTHER ÷ BASE)");
      System.exit(args.length == 2 ? 0 : 2);
    }
    try {
      print(numbers(Path.of(args[0])), numbers(Path.of(args[1])), args[0], args[1], System.out);
    } catch (IOException e) {
      System.err.println("compare: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Every number of the file's first JSON value, by path. */
  public static Map<String, Double> numbers(Path file) throws IOException {
    JsonNode root;
    try {
      root = EventJson.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read " + file + " as JSON: " + e.getMessage(), e);
    }
    if (root == null) throw new IOException(file + " is empty");
    Map<String, Double> numbers = new LinkedHashMap<>();
    flatten("", root, numbers);
    return numbers;
  }

  private static void flatten(String path, JsonNode node, Map<String, Double> into) {
    if (node.isNumber()) {
      into.put(path, node.asDouble());
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), into));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) flatten(path + "[" + i + "]", node.get(i), into);
    }
  }

  static void print(Map<String, Double> a, Map<String, Double> b, String nameA, String nameB, PrintStream out) {
    int width = 12;
    for (String k : a.keySet()) width = Math.max(width, k.length());
    for (String k : b.keySet()) width = Math.max(width, k.length());
    width = Math.min(width, 60);
    out.printf(Locale.ROOT, "A = %s%nB = %s%n", nameA, nameB);
    out.printf(Locale.ROOT, "%-" + width + "s %14s %14s %10s%n", "figure", "A", "B", "B ÷ A");
    List<String> onlyOne = new ArrayList<>();
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double other = b.get(e.getKey());
      if (other == null) {
        onlyOne.add(e.getKey() + " (only A: " + ScenarioReport.number(e.getValue()) + ")");
        continue;
      }
      out.printf(Locale.ROOT, "%-" + width + "s %14s %14s %10s%n", e.getKey(), ScenarioReport.number(e.getValue()),
          ScenarioReport.number(other), ratio(e.getValue(), other));
    }
    for (Map.Entry<String, Double> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) onlyOne.add(e.getKey() + " (only B: " + ScenarioReport.number(e.getValue()) + ")");
    }
    if (!onlyOne.isEmpty()) out.println("in one file only: " + String.join(", ", onlyOne));
  }

  static String ratio(double a, double b) {
    if (a == b) return "×1.000";
    if (a == 0) return "-";
    return String.format(Locale.ROOT, "×%.3f", b / a);
  }
}
