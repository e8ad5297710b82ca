package io.inflow.analytics.fraud;

import com.dynatrace.hash4j.hashing.Hashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a comment look machine-made, judged from its text alone: generic praise that fits any
 * post, nothing but emoji, nothing but mentions. {@link #textKey} is a hash of the normalised text
 * (case, diacritics, punctuation, emoji and letter repeats removed), so "Amazing!!! 🔥" and
 * "amaaazing" repeat the same text.
 */
public final class CommentTraits {
  /** Bit flags of {@link #flags(String)}. */
  public static final int GENERIC = 1;
  public static final int EMOJI_ONLY = 2;
  public static final int MENTION_ONLY = 4;

  private static final int MAX_GENERIC_WORDS = 4;
  private static final Set<String> GENERIC_WORDS = load("generic-comments.txt");

  private CommentTraits() {}

  /**
   * A comment's traits in one pass over its words: {@code flags} as {@link #GENERIC} |
   * {@link #EMOJI_ONLY} | {@link #MENTION_ONLY} bits, and {@code key} as {@link #textKey}.
   */
  public record Traits(int flags, long key) {}

  public static Traits of(String text) {
    List<String> tokens = text == null ? List.of() : tokens(text);
    if (tokens.isEmpty()) return new Traits(EMOJI_ONLY, 0);
    StringBuilder normalised = new StringBuilder();
    boolean allMentions = true;
    int words = 0;
    boolean allGeneric = true;
    for (String token : tokens) {
      if (!token.startsWith("@") || token.length() < 2) allMentions = false;
      String word = word(token);
      if (word.isEmpty()) continue;
      if (normalised.length() > 0) normalised.append(' ');
      normalised.append(word);
      if (!hasLetter(word)) continue; // emoticons such as <3, numbers
      words++;
      if (!GENERIC_WORDS.contains(word)) allGeneric = false;
    }
    int flags = allMentions ? MENTION_ONLY
        : words == 0 ? EMOJI_ONLY // emoji, emoticons such as :) or <3, punctuation
        : allGeneric && words <= MAX_GENERIC_WORDS ? GENERIC : 0;
    long key = normalised.length() == 0 ? 0 : Hashing.komihash5_0().hashCharsToLong(normalised);
    return new Traits(flags, key == 0 && normalised.length() > 0 ? 1 : key);
  }

  /** The traits of a comment's text, as {@link #GENERIC} | {@link #EMOJI_ONLY} | {@link #MENTION_ONLY} bits. */
  public static int flags(String text) {
    return of(text).flags();
  }

  /**
   * A 64-bit key of the normalised text, equal for texts that differ only in case, diacritics,
   * punctuation, emoji, spacing or repeated letters; 0 for texts without letters or digits.
   */
  public static long textKey(String text) {
    return of(text).key();
  }

  /** The whitespace-separated tokens of a text (no regular expression: this runs for every comment). */
  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>(8);
    int n = text.length();
    int start = -1;
    for (int i = 0; i < n; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        if (start >= 0) out.add(text.substring(start, i));
        start = -1;
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) out.add(text.substring(start));
    return out;
  }

  /**
   * {@code collapseRepeats(lettersOnly(token))}; for plain ASCII (most comments) in one pass and one
   * allocation, since this runs for every word of every comment.
   */
  static String word(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) >= FOLDED.length) return collapseRepeats(lettersOnly(token));
    }
    Collapsing out = new Collapsing(token.length());
    for (int i = 0; i < token.length(); i++) {
      String folded = FOLDED[token.charAt(i)];
      for (int j = 0; j < folded.length(); j++) out.append(folded.charAt(j));
    }
    return out.toString();
  }

  /**
   * {@link #lettersOnly} of each character below U+0180 (ASCII, Latin-1 and Latin Extended-A: every
   * Polish letter), worked out once by {@link #lettersOnly} itself; other characters take the
   * general path.
   */
  private static final String[] FOLDED = new String[0x180];

  static {
    for (char c = 0; c < FOLDED.length; c++) FOLDED[c] = lettersOnly(String.valueOf(c));
  }

  private static boolean hasLetter(String word) {
    for (int i = 0; i < word.length(); i++) if (Character.isLetter(word.charAt(i))) return true;
    return false;
  }

  /** Letters and digits of a token, lower case, diacritics removed (ł → l). */
  static String lettersOnly(String token) {
    if (isPlainAscii(token)) {
      StringBuilder out = new StringBuilder(token.length());
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c >= 'A' && c <= 'Z') out.append((char) (c + 32));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.append(c);
      }
      return out.toString();
    }
    String lower = token.toLowerCase(Locale.ROOT);
    String stripped = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(stripped.length());
    stripped.codePoints().forEach(cp -> {
      if (cp == 'ł') out.append('l');
      else if (Character.isLetterOrDigit(cp)) out.appendCodePoint(cp);
    });
    return out.toString();
  }

  private static boolean isPlainAscii(String token) {
    for (int i = 0; i < token.length(); i++) if (token.charAt(i) >= 128) return false;
    return true;
  }

  /** Runs of three or more equal characters become one ("suuuper" → "super", "niceee" → "nice"). */
  static String collapseRepeats(String word) {
    Collapsing out = new Collapsing(word.length());
    for (int i = 0; i < word.length(); i++) out.append(word.charAt(i));
    return out.toString();
  }

  /** Text built a character at a time, a run of two kept and a run of three or more made one. */
  private static final class Collapsing {
    private final StringBuilder out;
    private char last;
    private int run;

    Collapsing(int capacity) {
      out = new StringBuilder(capacity);
    }

    void append(char c) {
      run = run > 0 && c == last ? run + 1 : 1;
      last = c;
      if (run <= 2) out.append(c);
      else if (run == 3) out.setLength(out.length() - 1);
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }

  private static Set<String> load(String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = CommentTraits.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.trim();
        if (line.isEmpty() || line.startsWith("#")) continue;
        words.add(collapseRepeats(lettersOnly(line)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
