package io.inflow.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.inflow.analytics.eval.TribuoFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./inflow train|eval sentiment} and {@code inflow.sentiment.model}. */
class SentimentCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /**
   * A user's domain: "zgrzyt" (a glitch) and "mrówki" (ants: "the pins and needles of delight") are
   * in no lexicon; the trained model must learn them.
   */
  private static Path labelled(Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    String[] products = {"krem", "serum", "tonik", "puder", "balsam", "szampon", "maska", "olejek", "peeling", "żel"};
    for (int i = 0; i < 120; i++) {
      String p = products[i % products.length];
      lines.add(switch (i % 3) {
        case 0 -> p + " numer " + i + " to zgrzyt, znowu zgrzyt\tnegative";
        case 1 -> p + " numer " + i + " daje mrówki, same mrówki\tpositive";
        default -> p + " numer " + i + " przyszedł wczoraj\tneutral";
      });
    }
    return Files.write(dir.resolve("labelled.tsv"), lines);
  }

  @Test
  void trainWritesAModelThatLearnsTheUsersWordsAndEvalReadsIt(@TempDir Path dir) throws Exception {
    Path in = labelled(dir);
    Path model = dir.resolve("sentiment.tribuo.gz");
    assertEquals(0, run(SentimentCommand::train, "--in", in.toString(), "--out", model.toString(), "--seed", "5"), err.toString());
    String printed = out.toString();
    assertTrue(printed.startsWith("trained on 96 of 120 comments"), printed);
    assertTrue(printed.contains("held out (24): trained model") && printed.contains("held out: lexicon alone"), printed);
    assertTrue(printed.contains("confusion (rows: true, columns: predicted)"), printed);

    out.reset();
    assertEquals(0, run(SentimentCommand::eval, "--in", in.toString(), "--model", model.toString()), err.toString());
    assertTrue(out.toString().contains("accuracy 1.000"), out.toString());
    out.reset();
    assertEquals(0, run(SentimentCommand::eval, "--in", in.toString()), err.toString());
    assertTrue(out.toString().contains("default analyser (lexicon)") && !out.toString().contains("accuracy 1.000"),
        "the lexicon alone does not know the user's words: " + out);

    var analyzer = InflowNode.sentimentAnalyzer(ConfigFactory.parseString(
        "sentiment.model = \"" + model.toString().replace("\\", "/") + "\""));
    assertEquals("negative", analyzer.classify("nowy tonik to zgrzyt").label());
    assertEquals("positive", analyzer.classify("ten balsam daje mrówki").label());
  }

  @Test
  void badUsageIsExit2AndABadLineExit1NamingIt(@TempDir Path dir) throws Exception {
    assertEquals(2, run(SentimentCommand::train, "--in", "x.tsv"));
    assertTrue(err.toString().contains("--out is required") && err.toString().contains("usage:"), err.toString());
    Path bad = Files.writeString(dir.resolve("bad.tsv"), "Super!\tpositive\nOkropne\tawful\n");
    err.reset();
    assertEquals(1, run(SentimentCommand::eval, "--in", bad.toString()));
    assertTrue(err.toString().contains("line 2") && err.toString().contains("awful"), err.toString());
  }

  @Test
  void aMissingOrForeignModelFileStopsTheNodeNamingIt(@TempDir Path dir) throws Exception {
    InflowNode.sentimentAnalyzer(ConfigFactory.parseString("sentiment.model = \"\""));
    Path foreign = Files.writeString(dir.resolve("notes.txt"), "not a model");
    var bad = assertThrows(TribuoFiles.ModelFileException.class, () -> InflowNode.sentimentAnalyzer(
        ConfigFactory.parseString("sentiment.model = \"" + foreign.toString().replace("\\", "/") + "\"")));
    assertTrue(bad.getMessage().contains("notes.txt") && bad.getMessage().contains("not a Tribuo model"), bad.getMessage());
    var gone = assertThrows(TribuoFiles.ModelFileException.class, () -> InflowNode.sentimentAnalyzer(
        ConfigFactory.parseString("sentiment.model = \"" + dir.resolve("gone.gz").toString().replace("\\", "/") + "\"")));
    assertTrue(gone.getMessage().contains("gone.gz"), gone.getMessage());
  }

  private interface Command {
    int run(List<String> args, PrintStream out, PrintStream err);
  }

  private int run(Command command, String... args) {
    return command.run(List.of(args), new PrintStream(out, true), new PrintStream(err, true));
  }
}
