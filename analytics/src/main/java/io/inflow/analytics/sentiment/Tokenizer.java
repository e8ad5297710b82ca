package io.inflow.analytics.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a comment into words, hashtags, mentions, links, emoji, emoticons and punctuation marks
 * that matter for sentiment ({@code ! ? . , ;}). Words are lower-cased; letters repeated three or
 * more times are marked as elongated ("suuuper"); words written in capitals inside a text that is
 * not all capitals are marked as shouted. Apostrophes ’ and ‘ become '.
 */
final class Tokenizer {
  private Tokenizer() {}

  enum Kind { WORD, HASHTAG, MENTION, LINK, EMOJI, EMOTICON, EXCLAMATION, QUESTION, BREAK }

  /**
   * @param text lower-cased word (hashtag and mention without # and @), the emoji without
   *     modifiers, or the emoticon as written
   * @param elongated a letter repeated three or more times
   * @param shouted written in capitals
   */
  record Token(Kind kind, String text, boolean elongated, boolean shouted) {
    boolean isWordLike() {
      return kind == Kind.WORD || kind == Kind.HASHTAG;
    }
  }

  static List<Token> tokenize(String raw, Lexicon lexicon) {
    String text = raw.replace('’', '\'').replace('‘', '\'').replace('`', '\'');
    boolean allCaps = isAllCaps(text);
    List<Token> out = new ArrayList<>();
    int i = 0, n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      if (Character.isWhitespace(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      // emoticons first (":)", "xD", "<3"): only where a token starts
      int emoticon = emoticonAt(text, i, lexicon);
      if (emoticon > 0) {
        out.add(new Token(Kind.EMOTICON, text.substring(i, i + emoticon), false, false));
        i += emoticon;
        continue;
      }
      if (startsWithLink(text, i)) {
        int end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end))) end++;
        out.add(new Token(Kind.LINK, text.substring(i, end), false, false));
        i = end;
        continue;
      }
      if ((cp == '#' || cp == '@') && i + 1 < n && Character.isLetterOrDigit(text.codePointAt(i + 1))) {
        int end = wordEnd(text, i + 1);
        String word = text.substring(i + 1, end);
        out.add(cp == '#' ? word(Kind.HASHTAG, word, allCaps) : new Token(Kind.MENTION, word.toLowerCase(Locale.ROOT), false, false));
        i = end;
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        int end = wordEnd(text, i);
        out.add(word(Kind.WORD, text.substring(i, end), allCaps));
        i = end;
        continue;
      }
      if (isEmoji(cp)) {
        int end = i + Character.charCount(cp);
        // a ZWJ sequence, variation selectors and skin tones belong to the emoji before them
        while (end < n) {
          int next = text.codePointAt(end);
          if (next == 0x200D && end + 1 < n) {
            end += 1 + Character.charCount(text.codePointAt(end + 1));
          } else if (isModifier(next)) {
            end += Character.charCount(next);
          } else {
            break;
          }
        }
        out.add(new Token(Kind.EMOJI, stripEmojiModifiers(text.substring(i, end)), false, false));
        i = end;
        continue;
      }
      switch (cp) {
        case '!' -> out.add(new Token(Kind.EXCLAMATION, "!", false, false));
        case '?' -> out.add(new Token(Kind.QUESTION, "?", false, false));
        case '.', ',', ';', ':', '(', ')', '–', '—', '…' -> out.add(new Token(Kind.BREAK, new String(Character.toChars(cp)), false, false));
        default -> { }
      }
      i += Character.charCount(cp);
    }
    return out;
  }

  /** Variation selectors, skin tones, ZWJ sequences' tails and keycap marks removed. */
  static String stripEmojiModifiers(String emoji) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < emoji.length()) {
      int cp = emoji.codePointAt(i);
      if (cp == 0x200D) break; // keep the first emoji of a ZWJ sequence: 👩‍🔬 → 👩
      if (!isModifier(cp)) b.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  private static boolean isModifier(int cp) {
    return cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x20E3;
  }

  static boolean isEmoji(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
        || (cp >= 0x2190 && cp <= 0x21FF) || cp == 0x2764 || cp == 0x2122 || cp == 0x203C || cp == 0x2049
        || (cp >= 0x2300 && cp <= 0x23FF) || cp == 0x3030 || cp == 0x303D;
  }

  private static boolean startsWithLink(String text, int i) {
    return text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i);
  }

  /** Letters, digits, and ' or - between letters. */
  private static int wordEnd(String text, int from) {
    int i = from, n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
        i += Character.charCount(cp);
      } else if ((cp == '\'' || cp == '-') && i + 1 < n && Character.isLetter(text.codePointAt(i + 1)) && i > from) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /** The length of the emoticon starting at {@code i}, or 0. An emoticon must end where a word could. */
  private static int emoticonAt(String text, int i, Lexicon lexicon) {
    if (i > 0 && Character.isLetterOrDigit(text.codePointAt(i - 1)) && Character.isLetterOrDigit(text.codePointAt(i))) return 0;
    for (int len = Math.min(lexicon.longestEmoticon, text.length() - i); len >= 2; len--) {
      String candidate = text.substring(i, i + len);
      if (!lexicon.emoticons.containsKey(candidate)) continue;
      int end = i + len;
      boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.codePointAt(end))
          || !Character.isLetterOrDigit(candidate.codePointAt(candidate.length() - 1));
      boolean letterStart = Character.isLetter(candidate.codePointAt(0));
      // "xD" only as a word of its own; ":D" also right after a word ("super:D")
      if (endsWord && (!letterStart || i == 0 || !Character.isLetterOrDigit(text.codePointAt(i - 1)))) return len;
    }
    return 0;
  }

  private static Token word(Kind kind, String raw, boolean allCaps) {
    boolean shouted = !allCaps && raw.length() >= 2 && isAllCaps(raw);
    String lower = raw.toLowerCase(Locale.ROOT);
    boolean elongated = false;
    int run = 1;
    for (int k = 1; k < lower.length(); k++) {
      run = lower.charAt(k) == lower.charAt(k - 1) && Character.isLetter(lower.charAt(k)) ? run + 1 : 1;
      if (run >= 3) elongated = true;
    }
    return new Token(kind, lower, elongated, shouted);
  }

  private static boolean isAllCaps(String s) {
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) return false;
        letters++;
      }
    }
    return letters >= 2;
  }

  /** "suuuper" → "super" (runs of a letter down to one), for lexicon lookups. */
  static String collapse(String word, int keep) {
    StringBuilder b = new StringBuilder(word.length());
    int run = 0;
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      run = k > 0 && c == word.charAt(k - 1) ? run + 1 : 1;
      if (run <= keep) b.append(c);
    }
    return b.toString();
  }
}
