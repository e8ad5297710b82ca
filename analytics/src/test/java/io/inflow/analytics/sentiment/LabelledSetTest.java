package io.inflow.analytics.sentiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analyser on our own labelled comments (test resources {@code sentiment/labelled-*.tsv},
 * written for Inflow, never used to tune the lexicon): prints the evaluation and holds a floor so
 * that a lexicon or rule change that breaks it is noticed.
 */
class LabelledSetTest {

  static Path resource(String name) throws URISyntaxException {
    return Path.of(LabelledSetTest.class.getResource("/sentiment/" + name).toURI());
  }

  @Test
  void polishAndEnglishSetsAreClassifiedWellAboveChance() throws Exception {
    for (String language : new String[] {"pl", "en"}) {
      List<LabelledComment> comments = LabelledComment.read(resource("labelled-" + language + ".tsv"));
      assertTrue(comments.size() >= 300, language + " set has " + comments.size() + " comments");
      SentimentEvaluation e = SentimentEvaluation.of(SentimentAnalyzer.lexiconOnly(), comments);
      System.out.println(e.report("labelled-" + language + ".tsv"));
      long detected = comments.stream().filter(c -> SentimentAnalyzer.lexiconOnly().analyze(c.text()).language().equals(language)).count();
      System.out.printf("  detected as %s: %d of %d%n", language, detected, comments.size());
      assertTrue(e.macroF1() >= 0.6, language + " macro-F1 " + e.macroF1());
    }
  }

  @Test
  void otherLanguagesAreMostlyRecognisedAndNeutral() throws IOException, URISyntaxException {
    int right = 0, neutral = 0, total = 0;
    for (String line : Files.readAllLines(resource("labelled-other.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] cols = line.split("\t");
      var a = SentimentAnalyzer.lexiconOnly().analyze(cols[0]);
      total++;
      if (a.language().equals(cols[2])) right++;
      else System.out.println("  other: " + cols[2] + " taken for " + a.language() + ": " + cols[0]);
      if (a.label() == SentimentLabel.NEUTRAL) neutral++;
    }
    System.out.printf("other languages: %d of %d recognised, %d neutral%n", right, total, neutral);
    assertTrue(right * 10 >= total * 7, right + " of " + total);
  }
}
