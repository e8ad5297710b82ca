package io.inflow.analytics;

import io.inflow.protocol.event.Attribution;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import io.inflow.protocol.event.Spend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Compact factories for domain tests. */
public final class Events {
  public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private Events() {}

  public static Instant at(long minutes) {
    return T0.plusSeconds(minutes * 60);
  }

  public static PostPublished published(String id, String influencer, String post, String campaign) {
    return new PostPublished(id, influencer, Platform.INSTAGRAM, post, campaign, at(0), "reel", null, List.of());
  }

  public static PostMetrics metrics(String id, String influencer, String post, String campaign, long minute,
      long views, long likes, long comments, long shares, long saves) {
    return new PostMetrics(id, influencer, Platform.INSTAGRAM, post, campaign, at(minute), views, views * 2,
        views / 2, likes, comments, shares, saves);
  }

  public static FollowersObserved followers(String id, String influencer, Platform platform, long minute,
      long followers, long following) {
    return new FollowersObserved(id, influencer, platform, at(minute), followers, following);
  }

  public static CommentPosted comment(String id, String influencer, String post, String campaign) {
    return new CommentPosted(id, influencer, post, campaign, "c-" + id, "author", "nice", at(5));
  }

  public static Click click(String id, String campaign, String influencer) {
    return new Click(id, campaign, influencer, at(3), null);
  }

  public static Spend spend(String id, String campaign, String amount, String currency) {
    return new Spend(id, campaign, null, new BigDecimal(amount), currency, Spend.Kind.FEE, at(1));
  }

  public static Conversion order(String id, String campaign, String order, String amount, ConversionStatus status) {
    return new Conversion(id, campaign, null, order, null, new BigDecimal(amount), "EUR", status,
        new Attribution(Attribution.Kind.DISCOUNT_CODE, "CODE10"), List.of(), at(10));
  }
}
