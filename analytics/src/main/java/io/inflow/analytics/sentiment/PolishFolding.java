package io.inflow.analytics.sentiment;

/**
 * Polish typed without diacritics ("swietna", "zle", "polecam goraco"), which the Morfologik
 * dictionary does not know: the word and every lexicon lemma are folded to ASCII and cut at their
 * inflectional ending, and equal stems are taken to be the same word. A heuristic used only for
 * words the dictionary does not know.
 */
final class PolishFolding {
  private PolishFolding() {}

  /** Inflectional endings (folded), tried longest first. */
  private static final String[] ENDINGS = {
      "owego", "owemu", "owymi", "owych",
      "iego", "iemu", "ymi", "ych", "ich", "imi", "ego", "emu", "ami", "ach", "owi", "owa", "owe", "owy",
      "acie", "ecie", "icie", "ycie", "amy", "emy", "imy", "ymy", "asz", "esz", "isz", "ysz", "ala", "ela",
      "ila", "yla", "alo", "elo", "ilo", "ylo", "aly", "ely", "ily", "yly", "ali", "eli", "ili", "yli", "ac",
      "ec", "ic", "yc", "am", "em", "im", "ym", "ej", "ie", "om", "ow", "al", "el", "il", "yl", "cie", "ja",
      "a", "e", "i", "o", "u", "y"};

  static {
    java.util.Arrays.sort(ENDINGS, java.util.Comparator.comparingInt(String::length).reversed());
  }

  static String fold(String word) {
    StringBuilder b = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      b.append(switch (c) {
        case 'ą' -> 'a';
        case 'ć' -> 'c';
        case 'ę' -> 'e';
        case 'ł' -> 'l';
        case 'ń' -> 'n';
        case 'ó' -> 'o';
        case 'ś' -> 's';
        case 'ź', 'ż' -> 'z';
        default -> c;
      });
    }
    return b.toString();
  }

  /** The folded word without its longest known ending, keeping at least three letters. */
  static String stem(String folded) {
    for (String ending : ENDINGS) {
      if (folded.length() - ending.length() >= 3 && folded.endsWith(ending)) {
        return folded.substring(0, folded.length() - ending.length());
      }
    }
    return folded;
  }
}
