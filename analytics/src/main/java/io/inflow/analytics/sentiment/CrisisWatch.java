package io.inflow.analytics.sentiment;

import io.inflow.analytics.window.Metric;
import io.inflow.analytics.window.RollingCounters.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Crisis episodes of one entity's comments, judged in event time so that a replay opens the same
 * episodes: after each classified comment, the last hour (ending at that comment) is compared with
 * the seven days before it (see {@link CrisisSettings}). An episode opens once and stays open until
 * the window recovers, so a burst raises one alert however many comments it has.
 */
public final class CrisisWatch {
  private static final Duration WINDOW = Duration.ofHours(1);
  private static final long BASELINE_HOURS = 7 * 24 - 1;

  /** An entity's rolling sums (its {@code ActivityWindows::sum}). */
  @FunctionalInterface
  public interface Counts {
    long sum(Metric metric, Window window, Instant now);
  }

  private Instant firstComment;
  private Crisis open;
  private long episodes;

  /**
   * An episode: what opened it and the figures of the window that did.
   *
   * @param reason {@code negative_share} or {@code volume_spike}
   * @param baselineNegativeShare the baseline's (smoothed) negative share
   * @param baselineCommentsPerHour the baseline's comments per hour
   */
  public record Crisis(long episode, String reason, Instant windowStart, Instant windowEnd, long comments,
      long negative, long positive, double negativeShare, double baselineNegativeShare,
      double baselineCommentsPerHour, List<String> topNegativeTerms) {}

  /** For snapshots. */
  public record Snapshot(Instant firstComment, Crisis open, long episodes) {}

  /**
   * Judges the window ending at {@code at}; returns the episode if this comment opened one.
   *
   * @param windows the entity's rolling counts, already holding this comment
   * @param terms the top negative terms in a window
   */
  public Crisis observe(Instant at, Counts windows, CrisisSettings settings,
      BiFunction<Instant, Instant, List<String>> terms) {
    if (firstComment == null || at.isBefore(firstComment)) firstComment = at;
    long neg = windows.sum(Metric.COMMENTS_NEGATIVE, Window.LAST_HOUR, at);
    long pos = windows.sum(Metric.COMMENTS_POSITIVE, Window.LAST_HOUR, at);
    long total = neg + pos + windows.sum(Metric.COMMENTS_NEUTRAL, Window.LAST_HOUR, at);
    long weekNeg = windows.sum(Metric.COMMENTS_NEGATIVE, Window.LAST_7_DAYS, at);
    long weekTotal = weekNeg + windows.sum(Metric.COMMENTS_POSITIVE, Window.LAST_7_DAYS, at)
        + windows.sum(Metric.COMMENTS_NEUTRAL, Window.LAST_7_DAYS, at);
    long baseNeg = Math.max(0, weekNeg - neg), baseTotal = Math.max(0, weekTotal - total);
    double baseShare = (baseNeg + settings.baselinePrior() * settings.baselinePriorWeight())
        / (baseTotal + settings.baselinePriorWeight());
    long hoursOfHistory = Math.max(1, Math.min(BASELINE_HOURS,
        Duration.between(firstComment, at.minus(WINDOW)).toHours()));
    double baseRate = (double) baseTotal / hoursOfHistory;
    double share = total == 0 ? 0 : (double) neg / total;
    double needed = Math.max(settings.minNegativeShare(),
        Math.max(baseShare * settings.shareRatio(), baseShare + settings.shareMargin()));
    if (open != null) {
      double recovered = baseShare + (needed - baseShare) * settings.recoveryShare();
      if (total * 2 < settings.minComments() || share < recovered) open = null;
      return null;
    }
    if (total < settings.minComments()) return null;
    String reason = null;
    if (share >= needed) {
      reason = "negative_share";
    } else if (total >= settings.volumeSpike() * Math.max(1, baseRate) && neg > pos && share > baseShare) {
      reason = "volume_spike";
    }
    if (reason == null) return null;
    Instant start = Window.LAST_HOUR.startAt(at);
    Instant end = start.plus(WINDOW);
    open = new Crisis(++episodes, reason, start, end, total, neg, pos, share, baseShare, baseRate,
        settings.topTerms() == 0 ? List.of() : terms.apply(start, at));
    return open;
  }

  /** The open episode, or null. */
  public Crisis open() {
    return open;
  }

  public Snapshot snapshot() {
    return new Snapshot(firstComment, open, episodes);
  }

  public static CrisisWatch restore(Snapshot s) {
    CrisisWatch w = new CrisisWatch();
    if (s == null) return w;
    w.firstComment = s.firstComment();
    w.open = s.open();
    w.episodes = s.episodes();
    return w;
  }
}
