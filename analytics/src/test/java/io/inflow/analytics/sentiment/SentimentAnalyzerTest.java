package io.inflow.analytics.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.protocol.event.CommentSentiment;
import org.junit.jupiter.api.Test;

/** The analyser per language: inflected forms, negation, intensifiers, emoji, emphasis, other languages. */
class SentimentAnalyzerTest {
  private static final SentimentAnalyzer A = SentimentAnalyzer.lexiconOnly();

  private static SentimentAnalyzer.Analysis a(String text) {
    return A.analyze(text);
  }

  private static void label(SentimentLabel expected, String text) {
    var r = a(text);
    assertEquals(expected, r.label(), text + " → " + r);
  }

  // ------------------------------------------------------------------ Polish

  @Test
  void polishInflectedFormsAreReadByTheirLemmas() {
    label(SentimentLabel.POSITIVE, "Kocham te kosmetyki");          // kochać
    label(SentimentLabel.POSITIVE, "Kochamy was!");
    label(SentimentLabel.NEGATIVE, "To najgorszy zakup w moim życiu"); // zły
    label(SentimentLabel.NEGATIVE, "Najgorszego serum nie miałam");
    label(SentimentLabel.NEGATIVE, "Oszuści, nie odpisują od tygodnia");
    label(SentimentLabel.POSITIVE, "Świetna robota, dziewczyny");
    label(SentimentLabel.POSITIVE, "Najlepsza recenzja jaką widziałam");
  }

  @Test
  void polishWithoutDiacriticsIsStillPolish() {
    var r = a("swietny produkt, polecam goraco");
    assertEquals("pl", r.language());
    assertEquals(SentimentLabel.POSITIVE, r.label(), r.toString());
    label(SentimentLabel.NEGATIVE, "strasznie zle, nie kupujcie");
  }

  @Test
  void polishNegationFlipsTheWordsAfterIt() {
    label(SentimentLabel.POSITIVE, "Polecam");
    label(SentimentLabel.NEGATIVE, "Nie polecam");
    label(SentimentLabel.NEGATIVE, "Nie polecam nikomu tego kremu");
    assertTrue(a("Wcale nie jest zły").score() > 0, "a negated negative is not negative");
    // a clause boundary ends the negation
    assertTrue(a("Nie wiem, ale jest świetny").score() > 0);
  }

  @Test
  void polishIntensifiersAndDowntonersScale() {
    assertTrue(a("bardzo dobry").score() > a("dobry").score());
    assertTrue(a("mega drogie").score() < a("drogie").score());
    assertTrue(a("trochę drogie").score() > a("drogie").score(), "a downtoner softens");
  }

  @Test
  void polishContrastWeighsTheClauseAfterIt() {
    assertTrue(a("Ładne, ale beznadziejna jakość").score() < 0);
    assertTrue(a("Drogie, ale warto").score() > 0);
  }

  // ------------------------------------------------------------------ English

  @Test
  void englishRegularAndIrregularForms() {
    label(SentimentLabel.POSITIVE, "I loved it");
    label(SentimentLabel.POSITIVE, "Best video this week");
    label(SentimentLabel.NEGATIVE, "So disappointed with this brand");
    label(SentimentLabel.NEGATIVE, "Worst purchase ever");
    label(SentimentLabel.NEGATIVE, "They scammed me");
  }

  @Test
  void englishNegation() {
    label(SentimentLabel.POSITIVE, "I recommend it");
    label(SentimentLabel.NEGATIVE, "I don't recommend it");
    label(SentimentLabel.NEGATIVE, "I do not recommend it");
    assertTrue(a("Not bad at all").score() > 0);
    assertTrue(a("It isn’t worth the money").score() < 0, "curly apostrophe");
  }

  @Test
  void englishIntensifiersEmphasisAndPunctuation() {
    assertTrue(a("This is really good").score() > a("This is good").score());
    assertTrue(a("This is a bit bad").score() > a("This is bad").score());
    assertTrue(a("This is GOOD").score() > a("This is good").score(), "capitals");
    assertTrue(a("sooo good").score() > a("so good").score() || a("sooo good").score() > a("good").score(), "elongation");
    assertTrue(a("Good!!!").score() > a("Good").score(), "exclamations");
    assertEquals(SentimentLabel.NEUTRAL, a("Is it good for dry skin?").label(), "a question");
  }

  // ------------------------------------------------------------------ emoji, emoticons, others

  @Test
  void emojiAndEmoticonsCarrySentimentAlone() {
    var loved = a("😍😍😍");
    assertEquals(LanguageIdentifier.UNDETERMINED, loved.language());
    assertEquals(SentimentLabel.POSITIVE, loved.label());
    label(SentimentLabel.NEGATIVE, "🤮");
    label(SentimentLabel.NEGATIVE, ":(");
    label(SentimentLabel.POSITIVE, "<3");
    label(SentimentLabel.NEUTRAL, "👀");
    assertTrue(a("Nowy film :)").score() > 0, "an emoticon inside Polish");
    assertTrue(a("great video 👍🏽").score() > a("great video").score(), "skin tones are stripped");
    assertTrue(a("new drop 😡").score() < 0);
  }

  @Test
  void hashtagsCountMentionsAndLinksDoNot() {
    assertTrue(a("#fail again").score() < 0);
    assertEquals(0, a("@anna https://shop.example/bad").score(), 1e-9);
  }

  @Test
  void otherLanguagesAreReportedAndNeutral() {
    CommentSentiment de = A.classify("Das ist wirklich ein tolles Produkt, ich liebe es");
    assertEquals("de", de.language());
    assertEquals("neutral", de.label());
    assertEquals(0, de.score(), 1e-9);
    assertEquals("es", A.classify("Me encanta este producto, es increíble").language());
    assertEquals("en", A.classify("Where did you buy this jacket?").language());
    assertEquals("pl", A.classify("Gdzie to kupić?").language());
  }

  @Test
  void aNegativeCommentNamesItsTerms() {
    CommentSentiment c = A.classify("Serum spowodowało wysypkę, to oszustwo!");
    assertEquals("negative", c.label());
    assertTrue(c.terms().contains("oszustwo"), c.terms().toString());
    assertTrue(c.terms().contains("wysypka"), c.terms().toString());
    assertTrue(c.terms().size() <= CommentSentiment.MAX_TERMS);
    assertTrue(A.classify("Love it").terms().isEmpty(), "only negative comments name terms");
    CommentSentiment en = A.classify("The refunds never came, total scam");
    assertTrue(en.terms().contains("scam") && en.terms().contains("refund"), en.terms().toString());
    assertTrue(!en.terms().contains("the") && !en.terms().contains("never"), "stop words and negators are not terms");
  }

  @Test
  void scoresStayWithinMinusOneAndOne() {
    for (String t : new String[] {"", "   ", "!!!", "😍😍😍😍😍😍😍😍😍😍😍😍", "SCAM SCAM SCAM SCAM!!!!!!", "a".repeat(5000)}) {
      double s = a(t).score();
      assertTrue(s > -1 && s < 1, t + " → " + s);
    }
    assertEquals(SentimentLabel.NEUTRAL, a("").label());
  }
}
