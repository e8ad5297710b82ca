package io.inflow.analytics.sentiment;

import java.util.List;
import java.util.Locale;
import morfologik.stemming.WordData;
import morfologik.stemming.polish.PolishStemmer;

/**
 * Base forms of words: Polish lemmas from the Morfologik dictionary (morfologik-polish, BSD), with
 * {@link PolishFolding} for Polish typed without diacritics; English base forms by stripping regular
 * suffixes until the lexicon knows the word.
 */
final class Lemmas {
  /** Morfologik's stemmer keeps lookup buffers: one per thread. */
  private static final ThreadLocal<PolishStemmer> POLISH = ThreadLocal.withInitial(PolishStemmer::new);
  /**
   * Comment words follow a steep frequency curve, so each thread remembers its last lookups (at most
   * {@value #CACHED} words, about 2 MB, then it starts over): most words then cost a hash lookup.
   */
  private static final int CACHED = 20_000;
  private static final String UNKNOWN = new String("?");
  private final ThreadLocal<java.util.HashMap<String, String>> polishCache =
      ThreadLocal.withInitial(() -> new java.util.HashMap<>(4096));

  private final Lexicon lexicon;

  Lemmas(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** A Polish word's lemma: one the lexicon knows if any reading has it, else the first; null if unknown. */
  String polish(String word) {
    java.util.HashMap<String, String> cache = polishCache.get();
    String cached = cache.get(word);
    if (cached != null) return cached == UNKNOWN ? null : cached;
    String lemma = lookupPolish(word);
    if (cache.size() >= CACHED) cache.clear();
    cache.put(word, lemma == null ? UNKNOWN : lemma);
    return lemma;
  }

  private String lookupPolish(String word) {
    List<WordData> readings = POLISH.get().lookup(word);
    if (readings.isEmpty()) return null;
    String first = null;
    for (WordData d : readings) {
      String lemma = d.getStem().toString().toLowerCase(Locale.ROOT);
      if (first == null) first = lemma;
      if (lexicon.polish.containsKey(lemma)) return lemma;
    }
    return first;
  }

  /** The lexicon lemma of a Polish word written without diacritics, or null. */
  String polishFolded(String word) {
    String folded = PolishFolding.fold(word);
    return lexicon.polishFolded.get(PolishFolding.stem(folded));
  }

  /** The base form the English lexicon knows, or null. */
  String englishKnown(String word) {
    if (lexicon.english.containsKey(word)) return word;
    for (String candidate : englishCandidates(word)) {
      if (lexicon.english.containsKey(candidate)) return candidate;
    }
    return null;
  }

  /** A term for listing: the known base form, else the word without a plural s. */
  String englishTerm(String word) {
    String known = englishKnown(word);
    if (known != null) return known;
    if (word.length() > 4 && word.endsWith("ies")) return word.substring(0, word.length() - 3) + "y";
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static List<String> englishCandidates(String w) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>(6);
    int n = w.length();
    if (n > 4 && w.endsWith("ies")) out.add(w.substring(0, n - 3) + "y");
    if (n > 4 && w.endsWith("ied")) out.add(w.substring(0, n - 3) + "y");
    if (n > 3 && w.endsWith("es")) out.add(w.substring(0, n - 2));
    if (n > 3 && w.endsWith("s")) out.add(w.substring(0, n - 1));
    if (n > 4 && w.endsWith("ed")) addStem(out, w.substring(0, n - 2));
    if (n > 5 && w.endsWith("ing")) addStem(out, w.substring(0, n - 3));
    if (n > 5 && w.endsWith("ily")) out.add(w.substring(0, n - 3) + "y");
    if (n > 4 && w.endsWith("ly")) out.add(w.substring(0, n - 2));
    if (n > 5 && w.endsWith("est")) addStem(out, w.substring(0, n - 3));
    if (n > 4 && w.endsWith("er")) addStem(out, w.substring(0, n - 2));
    return out;
  }

  /** The stem as it is, with a silent e, and without a doubled last consonant ("stopp" → "stop"). */
  private static void addStem(List<String> out, String stem) {
    out.add(stem);
    out.add(stem + "e");
    if (doubled(stem)) out.add(stem.substring(0, stem.length() - 1));
  }

  private static boolean doubled(String stem) {
    int n = stem.length();
    return n >= 2 && stem.charAt(n - 1) == stem.charAt(n - 2);
  }
}
