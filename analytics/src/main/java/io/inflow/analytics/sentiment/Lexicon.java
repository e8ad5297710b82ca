package io.inflow.analytics.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists the analyser reads, all written for Inflow by its authors (Apache-2.0, see
 * {@code README.md} "Sentiment"), loaded once from {@code io/inflow/analytics/sentiment/}:
 * valences of Polish lemmas and English base forms from -4 to +4, intensifier factors, negators,
 * contrast words, emoji and emoticon valences, and stop words for listing terms.
 */
public final class Lexicon {
  private static final String DIR = "/io/inflow/analytics/sentiment/";
  private static volatile Lexicon shared;

  final Map<String, Double> polish;
  final Map<String, Double> english;
  /** Folded (no diacritics) Polish lemma stem → lemma, for Polish typed without diacritics. */
  final Map<String, String> polishFolded;
  final Map<String, Double> intensifiersPl;
  final Map<String, Double> intensifiersEn;
  final Set<String> negatorsPl;
  final Set<String> negatorsEn;
  final Set<String> contrastPl;
  final Set<String> contrastEn;
  final Map<String, Double> emoji;
  final Map<String, Double> emoticons;
  final Set<String> stopPl;
  final Set<String> stopEn;
  /** Longest emoticon, in chars. */
  final int longestEmoticon;

  private Lexicon() {
    polish = valences("lexicon-pl.tsv");
    english = valences("lexicon-en.tsv");
    polishFolded = new HashMap<>();
    for (String lemma : polish.keySet()) polishFolded.putIfAbsent(PolishFolding.stem(PolishFolding.fold(lemma)), lemma);
    intensifiersPl = new HashMap<>();
    intensifiersEn = new HashMap<>();
    for (String[] row : rows("intensifiers.tsv", 3)) {
      (row[0].equals("pl") ? intensifiersPl : intensifiersEn).put(row[1].toLowerCase(Locale.ROOT), number(row[2], "intensifiers.tsv"));
    }
    negatorsPl = new HashSet<>();
    negatorsEn = new HashSet<>();
    for (String[] row : rows("negators.tsv", 2)) (row[0].equals("pl") ? negatorsPl : negatorsEn).add(row[1].toLowerCase(Locale.ROOT));
    contrastPl = new HashSet<>();
    contrastEn = new HashSet<>();
    for (String[] row : rows("contrast.tsv", 2)) (row[0].equals("pl") ? contrastPl : contrastEn).add(row[1].toLowerCase(Locale.ROOT));
    emoji = new HashMap<>();
    for (String[] row : rows("emoji.tsv", 2)) emoji.put(Tokenizer.stripEmojiModifiers(row[0]), number(row[1], "emoji.tsv"));
    emoticons = new HashMap<>();
    int longest = 0;
    for (String[] row : rows("emoticons.tsv", 2)) {
      emoticons.put(row[0], number(row[1], "emoticons.tsv"));
      longest = Math.max(longest, row[0].length());
    }
    longestEmoticon = longest;
    stopPl = words("stopwords-pl.txt");
    stopEn = words("stopwords-en.txt");
  }

  /** The lexicon shipped with Inflow (loaded on first use). */
  public static Lexicon shared() {
    Lexicon l = shared;
    if (l == null) {
      synchronized (Lexicon.class) {
        if (shared == null) shared = new Lexicon();
        l = shared;
      }
    }
    return l;
  }

  public int polishEntries() {
    return polish.size();
  }

  public int englishEntries() {
    return english.size();
  }

  private static Map<String, Double> valences(String file) {
    Map<String, Double> out = new HashMap<>();
    for (String[] row : rows(file, 2)) out.put(row[0].toLowerCase(Locale.ROOT), number(row[1], file));
    return out;
  }

  private static double number(String raw, String file) {
    try {
      return Double.parseDouble(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(file + ": '" + raw + "' is not a number");
    }
  }

  private static Set<String> words(String file) {
    Set<String> out = new HashSet<>();
    for (String line : lines(file)) out.add(line.trim().toLowerCase(Locale.ROOT));
    return out;
  }

  private static List<String[]> rows(String file, int columns) {
    List<String[]> out = new ArrayList<>();
    int n = 0;
    for (String line : lines(file)) {
      n++;
      String[] row = line.split("\t");
      if (row.length < columns) throw new IllegalStateException(file + ": a line has " + row.length + " columns, " + columns + " expected: '" + line + "'");
      for (int i = 0; i < row.length; i++) row[i] = row[i].trim();
      out.add(row);
    }
    return out;
  }

  /** Non-empty lines that are not {@code #} comments. */
  private static List<String> lines(String file) {
    List<String> out = new ArrayList<>();
    try (InputStream in = Lexicon.class.getResourceAsStream(DIR + file)) {
      if (in == null) throw new IllegalStateException("missing resource " + DIR + file);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) continue;
        out.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
