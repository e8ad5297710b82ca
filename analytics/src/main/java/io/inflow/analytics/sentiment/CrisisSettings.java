package io.inflow.analytics.sentiment;

/**
 * When a campaign's comments turn into a crisis ({@code inflow.sentiment.crisis.*}). The window is
 * the last hour (60 one-minute buckets, event time); the baseline is the seven days before it.
 *
 * @param minComments comments in the window before anything is judged
 * @param minNegativeShare the window's negative share must be at least this…
 * @param shareRatio …and at least this many times the baseline's negative share…
 * @param shareMargin …and at least the baseline's plus this
 * @param volumeSpike or: comments in the window at least this many times the baseline's hourly
 *     rate, with more negative than positive comments and a negative share above the baseline's
 * @param baselinePrior the negative share assumed before there is history, weighted as
 *     {@code baselinePriorWeight} comments
 * @param baselinePriorWeight see {@code baselinePrior}
 * @param recoveryShare an episode ends when the window's negative share falls below the baseline's
 *     plus this fraction of the margin needed to open one (or the window drops below half of
 *     {@code minComments} comments); only then can another alert fire
 * @param topTerms negative terms named in the alert
 */
public record CrisisSettings(int minComments, double minNegativeShare, double shareRatio, double shareMargin,
    double volumeSpike, double baselinePrior, double baselinePriorWeight, double recoveryShare, int topTerms) {

  public CrisisSettings {
    if (minComments < 1) throw new IllegalArgumentException("min-comments must be ≥ 1");
    if (minNegativeShare <= 0 || minNegativeShare > 1) throw new IllegalArgumentException("min-negative-share must be in (0, 1]");
    if (shareRatio < 1) throw new IllegalArgumentException("share-ratio must be ≥ 1");
    if (shareMargin < 0 || shareMargin >= 1) throw new IllegalArgumentException("share-margin must be in [0, 1)");
    if (volumeSpike <= 1) throw new IllegalArgumentException("volume-spike must be > 1");
    if (baselinePrior < 0 || baselinePrior > 1) throw new IllegalArgumentException("baseline-prior must be in [0, 1]");
    if (baselinePriorWeight < 0) throw new IllegalArgumentException("baseline-prior-weight must be ≥ 0");
    if (recoveryShare < 0 || recoveryShare > 1) throw new IllegalArgumentException("recovery-share must be in [0, 1]");
    if (topTerms < 0) throw new IllegalArgumentException("top-terms must be ≥ 0");
  }

  public static CrisisSettings defaults() {
    return new CrisisSettings(20, 0.4, 2.0, 0.2, 4.0, 0.15, 30, 0.5, 5);
  }
}
