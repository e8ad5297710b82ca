package io.inflow.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/** Pieces of the human sentences in error details. Used on the rejection path only. */
final class Messages {

  private static final int MAX_SHOWN_CHARS = 40;

  private Messages() {}

  /** Short rendering of a JSON value: {@code "abc"}, {@code -5}, {@code an array}. */
  static String describe(JsonNode v) {
    if (v.isTextual()) {
      return '"' + shorten(v.textValue()) + '"';
    }
    if (v.isNumber() || v.isBoolean() || v.isNull()) {
      return shorten(v.asText());
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return v.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  static String shorten(String s) {
    return s.length() <= MAX_SHOWN_CHARS ? s : s.substring(0, MAX_SHOWN_CHARS) + "…";
  }

  /** The allowed name closest to a misspelt one (edit distance ≤ 2), or null. */
  static String closest(String name, Set<String> allowed) {
    if (name.length() > 64) {
      return null;
    }
    String best = null;
    int bestDistance = 3;
    for (String candidate : allowed) {
      int d = editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      boolean tieBrokenByName = d == bestDistance && best != null && candidate.compareTo(best) < 0;
      if (d < bestDistance || tieBrokenByName) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
