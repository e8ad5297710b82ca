package io.inflow.analytics.sentiment;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;

/**
 * The language of a comment: {@code pl}, {@code en}, another ISO 639-1 code, or {@code und} when
 * it cannot be told (no words, or nothing to go by).
 *
 * <p>Comments are short, and a statistical detector guesses wildly on three words ("Kochamy was!"
 * came out Slovak), so the dictionaries decide first: a comment written in the Polish and English
 * alphabets is Polish when more of its words are known only to the Polish dictionary (Morfologik,
 * or the lexicon without diacritics) than only to the English lists (stop words and lexicon, with
 * regular suffixes) and most of its words are known to Polish, English in the opposite case; Polish letters (ą ę ł ś ź ż) with no English-only word make it Polish. When the
 * words are known to both alike, Lingua (Apache-2.0) chooses between Polish and English. Text with
 * other letters (ä, ñ, ř, Cyrillic…) or with no known word goes to Lingua over Polish, English and
 * the languages most often met beside them, so that German or Spanish comments are reported as such
 * rather than forced into Polish or English.
 */
public final class LanguageIdentifier {
  public static final String UNDETERMINED = "und";
  private static final Language[] CANDIDATES = {
      Language.POLISH, Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
      Language.PORTUGUESE, Language.DUTCH, Language.CZECH, Language.SLOVAK, Language.RUSSIAN, Language.UKRAINIAN,
      Language.SWEDISH, Language.TURKISH, Language.ROMANIAN, Language.HUNGARIAN};

  private final Lexicon lexicon;
  private final Lemmas lemmas;
  private volatile LanguageDetector all;
  private volatile LanguageDetector polishOrEnglish;

  LanguageIdentifier(Lexicon lexicon, Lemmas lemmas) {
    this.lexicon = lexicon;
    this.lemmas = lemmas;
  }

  private LanguageDetector all() {
    if (all == null) {
      synchronized (this) {
        if (all == null) {
          all = LanguageDetectorBuilder.fromLanguages(CANDIDATES).withLowAccuracyMode().build();
        }
      }
    }
    return all;
  }

  private LanguageDetector polishOrEnglish() {
    if (polishOrEnglish == null) {
      synchronized (this) {
        if (polishOrEnglish == null) {
          polishOrEnglish = LanguageDetectorBuilder.fromLanguages(Language.POLISH, Language.ENGLISH)
              .withLowAccuracyMode().build();
        }
      }
    }
    return polishOrEnglish;
  }

  String identify(String text, List<Tokenizer.Token> tokens) {
    int words = 0, polishLetters = 0, polishOnly = 0, englishOnly = 0, both = 0;
    boolean foreign = false;
    for (Tokenizer.Token t : tokens) {
      if (t.kind() != Tokenizer.Kind.WORD || !hasLetter(t.text())) continue;
      words++;
      String w = t.text();
      switch (alphabet(w)) {
        case 2 -> foreign = true;
        case 1 -> polishLetters++;
        default -> { }
      }
      if (foreign) continue;
      String c = t.elongated() ? Tokenizer.collapse(w, 1) : w;
      boolean en = lexicon.stopEn.contains(c) || lemmas.englishKnown(c) != null || lexicon.negatorsEn.contains(c);
      boolean pl = lemmas.polish(c) != null || lexicon.stopPl.contains(c) || lemmas.polishFolded(c) != null;
      if (en && pl) both++;
      else if (en) englishOnly++;
      else if (pl) polishOnly++;
    }
    if (words == 0) return UNDETERMINED;
    if (!foreign) {
      if (polishLetters > 0 && englishOnly == 0) return "pl";
      if (polishOnly > englishOnly && (polishOnly + both) * 2 > words) return "pl";
      if (englishOnly > polishOnly && (englishOnly + both) * 2 > words) return "en";
      if (both > 0) return code(polishOrEnglish().detectLanguageOf(text));
    }
    return code(all().detectLanguageOf(text));
  }

  private static String code(Language l) {
    return l == Language.UNKNOWN ? UNDETERMINED : l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  private static boolean hasLetter(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLetter(w.charAt(i))) return true;
    }
    return false;
  }

  /** 0: ASCII letters only, 1: with Polish letters, 2: with letters of other alphabets. */
  private static int alphabet(String w) {
    int kind = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 128 || !Character.isLetter(c)) continue;
      switch (c) {
        case 'ą', 'ć', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż' -> kind = Math.max(kind, 1);
        default -> {
          return 2;
        }
      }
    }
    return kind;
  }
}
