package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Comment sentiment of an influencer or a campaign: counts and shares to date, net sentiment
 * ((positive − negative) / comments), the same over the rolling windows ({@code 1h}, {@code 24h},
 * {@code 7d}, {@code 30d}), comments per detected language, and the terms most often found in
 * recent negative comments. Shares and net are null when there are no classified comments.
 *
 * @param windows the counts per rolling window ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d})
 * @param posts the counts of the {@value #POSTS_SHOWN} posts commented on most recently
 * @param topNegativeTerms lemmas (stop words removed) of the last 300 negative comments, most
 *     frequent first, at most 10
 * @param crisis the open crisis episode (campaigns), or null
 */
public record SentimentView(
    long comments,
    long positive,
    long neutral,
    long negative,
    BigDecimal positiveShare,
    BigDecimal neutralShare,
    BigDecimal negativeShare,
    BigDecimal net,
    Map<String, Counts> windows,
    Map<String, Counts> posts,
    Map<String, Long> languages,
    List<Term> topNegativeTerms,
    CrisisAlertDetails crisis)
    implements JournalSerializable {
  public static final int POSTS_SHOWN = 50;

  /** Classified comments of a window or a post; {@code net} is null without any. */
  public record Counts(long comments, long positive, long neutral, long negative, BigDecimal net)
      implements JournalSerializable {}

  /** A term and the number of negative comments that had it. */
  public record Term(String term, long count) implements JournalSerializable {}
}
