package io.inflow.analytics.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A comment with its true label, as read from a TSV file ({@code text<TAB>label}). */
public record LabelledComment(String text, SentimentLabel label) {

  /** A labelled file's line that cannot be read; the message names the file and line. */
  public static final class BadLineException extends IllegalArgumentException {
    BadLineException(String message) {
      super(message);
    }
  }

  /**
   * Reads {@code text<TAB>label[<TAB>…]} lines (UTF-8; empty lines and lines starting with
   * {@code #} skipped; further columns ignored).
   *
   * @throws BadLineException naming the file and line at fault
   */
  public static List<LabelledComment> read(Path file) throws IOException {
    List<LabelledComment> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] cols = line.split("\t");
      if (cols.length < 2) {
        throw new BadLineException(file + " line " + n + ": expected text<TAB>label, found no tab");
      }
      try {
        out.add(new LabelledComment(cols[0], SentimentLabel.fromWire(cols[1].trim())));
      } catch (IllegalArgumentException e) {
        throw new BadLineException(file + " line " + n + ": " + e.getMessage());
      }
    }
    if (out.isEmpty()) throw new BadLineException(file + " has no labelled comments");
    return out;
  }
}
