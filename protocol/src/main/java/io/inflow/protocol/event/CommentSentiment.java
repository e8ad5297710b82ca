package io.inflow.protocol.event;

import java.util.List;

/**
 * What the node's sentiment classifier made of a comment, attached at ingest and persisted with
 * it (so a replay or a later model gives the same history). Never accepted from clients.
 *
 * @param language ISO 639-1 code ({@code pl}, {@code en}, …) or {@code und} when undetermined
 * @param label {@code positive}, {@code neutral} or {@code negative}
 * @param score from -1 (most negative) to +1 (most positive)
 * @param terms for a negative comment, its content lemmas (stop words removed, at most
 *     {@value #MAX_TERMS}); empty otherwise
 */
public record CommentSentiment(String language, String label, double score, List<String> terms) {
  public static final int MAX_TERMS = 5;

  public CommentSentiment {
    terms = terms == null ? List.of() : List.copyOf(terms);
  }
}
