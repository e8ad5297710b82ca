package io.inflow.analytics.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CommentTraitsTest {

  @Test
  void genericPraiseInEitherLanguageIsGeneric() {
    assertEquals(CommentTraits.GENERIC, CommentTraits.flags("Amazing!!! 🔥"));
    assertEquals(CommentTraits.GENERIC, CommentTraits.flags("love this"));
    assertEquals(CommentTraits.GENERIC, CommentTraits.flags("Suuuper"));
    assertEquals(CommentTraits.GENERIC, CommentTraits.flags("Świetne zdjęcie"));
    assertEquals(CommentTraits.GENERIC, CommentTraits.flags("swietne zdjecie"));
  }

  @Test
  void specificCommentsAreNot() {
    assertEquals(0, CommentTraits.flags("Where did you get that jacket?"));
    assertEquals(0, CommentTraits.flags("Gdzie kupiłaś tę sukienkę?"));
    // generic words, but too many of them to be a stock phrase
    assertEquals(0, CommentTraits.flags("so nice so cool so great so cute"));
  }

  @Test
  void emojiEmoticonsAndMentions() {
    assertEquals(CommentTraits.EMOJI_ONLY, CommentTraits.flags("🔥🔥🔥"));
    assertEquals(CommentTraits.EMOJI_ONLY, CommentTraits.flags(":) <3"));
    assertEquals(CommentTraits.MENTION_ONLY, CommentTraits.flags("@anna @bob"));
    assertEquals(0, CommentTraits.flags("@anna look at this dress"));
  }

  @Test
  void textKeyIgnoresCaseDiacriticsPunctuationEmojiAndRepeats() {
    assertEquals(CommentTraits.textKey("Amazing!!! 🔥"), CommentTraits.textKey("amaaazing"));
    assertEquals(CommentTraits.textKey("Piękne zdjęcie"), CommentTraits.textKey("piekne   ZDJECIE!"));
    assertNotEquals(CommentTraits.textKey("nice dress"), CommentTraits.textKey("nice shoes"));
    assertEquals(0, CommentTraits.textKey("🔥🔥"));
  }

  @Test
  void theOnePassWordEqualsLettersOnlyThenCollapsedRepeats() {
    java.util.Random random = new java.util.Random(11);
    String alphabet = "aAbBzZ09!?.,@#<3-_ ooOOąĄęĘłŁóÓśżŹńćÆßŉİéÉüÜ\u0301ǅ中🔥";
    for (String token : java.util.List.of("", "!!!", "Suuuuper", "niceee", "AAaa", "a!a!a", "aa!a", "x2y22z222",
        "@anna_fit", "Zażółć", "gęśl", "ŁÓDŹ", "🔥🔥", "ok👍👍ok", "a\u0301a")) {
      assertEquals(CommentTraits.collapseRepeats(CommentTraits.lettersOnly(token)), CommentTraits.word(token), token);
    }
    for (int n = 0; n < 5_000; n++) {
      StringBuilder token = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) token.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String t = token.toString();
      assertEquals(CommentTraits.collapseRepeats(CommentTraits.lettersOnly(t)), CommentTraits.word(t), t);
    }
  }
}
