package io.inflow.analytics.fraud;

import io.inflow.analytics.fraud.accounts.AccountType;
import io.inflow.analytics.fraud.accounts.AccountVerdict;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds a tracker's history event by event, with a day clock starting at {@link #DAY0}. */
final class FraudFixtures {
  static final Instant DAY0 = Instant.parse("2026-09-01T12:00:00Z");
  private final FraudTracker tracker = new FraudTracker();
  private int seq;

  FraudTracker tracker() {
    return tracker;
  }

  static Instant day(double d) {
    return DAY0.plusSeconds((long) (d * 86_400));
  }

  FraudFixtures followers(double d, long followers, long following) {
    tracker.observeFollowers(new FollowersObserved("f" + seq++, "inf", Platform.INSTAGRAM, day(d), followers, following));
    return this;
  }

  /** Daily follower counts for days [from, to): followers grow by {@code daily} each day. */
  FraudFixtures steadyFollowers(int from, int to, long start, long daily, long following) {
    for (int d = from; d < to; d++) followers(d, start + (d - from) * daily, following);
    return this;
  }

  FraudFixtures post(String post, double d, long views, long likes, long comments) {
    tracker.observePost(new PostMetrics("m" + seq++, "inf", Platform.INSTAGRAM, post, null, day(d), views, null, null,
        likes, comments, null, null));
    return this;
  }

  /** A post observed at publication + 1 h and + 30 h with the given final counters (organic growth). */
  FraudFixtures maturePost(String post, double d, long views, long likes, long comments) {
    post(post, d + 0.04, views / 3, likes / 3, comments / 3);
    post(post, d + 0.6, views * 2 / 3, likes * 2 / 3, comments * 2 / 3);
    return post(post, d + 1.25, views, likes, comments);
  }

  FraudFixtures comment(String post, String author, String text, double d) {
    tracker.observeComment(new CommentPosted("c" + seq++, "inf", post, null, "k" + seq, author, text, day(d)));
    return this;
  }

  FraudFixtures audience(int real, int mass, int suspicious) {
    List<AccountVerdict> verdicts = new ArrayList<>();
    for (int i = 0; i < real; i++) verdicts.add(new AccountVerdict("r" + i, AccountType.REAL, 0.1));
    for (int i = 0; i < mass; i++) verdicts.add(new AccountVerdict("m" + i, AccountType.MASS_FOLLOWER, 0.4));
    for (int i = 0; i < suspicious; i++) verdicts.add(new AccountVerdict("s" + i, AccountType.SUSPICIOUS, 0.9));
    tracker.observeAudience(verdicts);
    return this;
  }
}
