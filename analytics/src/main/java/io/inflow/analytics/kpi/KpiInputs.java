package io.inflow.analytics.kpi;

import io.inflow.protocol.event.Platform;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The totals KPIs are computed from, over whatever scope the caller chose (a campaign to date, one
 * influencer's last 7 days, one post). Counts may be negative for windowed deltas (a platform can
 * lower a counter); every ratio whose denominator is zero or negative is null.
 *
 * @param currency ISO-4217 code of {@code spend}, {@code paid} and {@code refunded}
 * @param spend money spent; null when unknown (every cost ratio is then null)
 * @param impressions summed post impressions
 * @param views summed post views
 * @param reach summed post reach (a post's reach counts once per post, people seeing two posts twice)
 * @param uniqueAudience estimated distinct commenters/visitors (a sketch), or null where no ids exist
 * @param likes likes on posts (platform counters)
 * @param comments comments on posts (platform counters, not the number of comment events received)
 * @param shares shares on posts
 * @param saves saves on posts
 * @param clicks link clicks
 * @param conversions orders whose paid value stands (not fully refunded, not canceled)
 * @param newCustomers conversions by customers new to the brand
 * @param paid value of paid, not canceled orders; null when unknown
 * @param refunded value refunded on those orders; null when unknown
 * @param followers followers of the influencers in scope (summed over their accounts)
 * @param posts posts with at least one counter observation
 * @param actionsByPlatform per-platform action counts, the only counts EMV prices
 * @param actionsWithoutPlatform actions whose platform is unknown (clicks), priced by the default row
 * @param audienceQuality share of real accounts in the audience, in [0, 1], or null when unknown
 */
public record KpiInputs(
    String currency,
    BigDecimal spend,
    long impressions,
    long views,
    long reach,
    Long uniqueAudience,
    long likes,
    long comments,
    long shares,
    long saves,
    long clicks,
    long conversions,
    long newCustomers,
    BigDecimal paid,
    BigDecimal refunded,
    long followers,
    long posts,
    Map<Platform, ActionCounts> actionsByPlatform,
    ActionCounts actionsWithoutPlatform,
    BigDecimal audienceQuality) {

  public KpiInputs {
    EnumMap<Platform, ActionCounts> byPlatform = new EnumMap<>(Platform.class);
    if (actionsByPlatform != null) {
      actionsByPlatform.forEach((p, c) -> {
        if (p == null || c == null) throw new IllegalArgumentException("per-platform action counts need a platform and counts");
        byPlatform.put(p, c);
      });
    }
    actionsByPlatform = Collections.unmodifiableMap(byPlatform);
    if (actionsWithoutPlatform == null) actionsWithoutPlatform = ActionCounts.ZERO;
    if (audienceQuality != null && (audienceQuality.signum() < 0 || audienceQuality.compareTo(BigDecimal.ONE) > 0)) {
      throw new IllegalArgumentException("audience quality must be within [0, 1], got " + audienceQuality);
    }
  }

  /** Likes + comments + shares + saves restricted to {@code actions}. */
  public long engagements(Set<Action> actions) {
    long sum = 0;
    for (Action a : actions) {
      sum += switch (a) {
        case LIKES -> likes;
        case COMMENTS -> comments;
        case SHARES -> shares;
        case SAVES -> saves;
        default -> throw new IllegalArgumentException(a.wireName() + " is not an engagement action");
      };
    }
    return sum;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds inputs field by field; money defaults to zero, counts to zero, optional values to null. */
  public static final class Builder {
    private String currency;
    private BigDecimal spend = BigDecimal.ZERO;
    private BigDecimal paid = BigDecimal.ZERO;
    private BigDecimal refunded = BigDecimal.ZERO;
    private long impressions, views, reach, likes, comments, shares, saves, clicks, conversions,
        newCustomers, followers, posts;
    private Long uniqueAudience;
    private BigDecimal audienceQuality;
    private final Map<Platform, ActionCounts> actionsByPlatform = new EnumMap<>(Platform.class);
    private ActionCounts actionsWithoutPlatform = ActionCounts.ZERO;

    private Builder() {}

    public Builder currency(String v) { currency = v; return this; }
    public Builder spend(BigDecimal v) { spend = v; return this; }
    public Builder spend(String v) { return spend(new BigDecimal(v)); }
    public Builder impressions(long v) { impressions = v; return this; }
    public Builder views(long v) { views = v; return this; }
    public Builder reach(long v) { reach = v; return this; }
    public Builder uniqueAudience(Long v) { uniqueAudience = v; return this; }
    public Builder likes(long v) { likes = v; return this; }
    public Builder comments(long v) { comments = v; return this; }
    public Builder shares(long v) { shares = v; return this; }
    public Builder saves(long v) { saves = v; return this; }
    public Builder clicks(long v) { clicks = v; return this; }
    public Builder conversions(long v) { conversions = v; return this; }
    public Builder newCustomers(long v) { newCustomers = v; return this; }
    public Builder paid(BigDecimal v) { paid = v; return this; }
    public Builder paid(String v) { return paid(new BigDecimal(v)); }
    public Builder refunded(BigDecimal v) { refunded = v; return this; }
    public Builder refunded(String v) { return refunded(new BigDecimal(v)); }
    public Builder followers(long v) { followers = v; return this; }
    public Builder posts(long v) { posts = v; return this; }
    public Builder audienceQuality(BigDecimal v) { audienceQuality = v; return this; }
    public Builder audienceQuality(String v) { return audienceQuality(new BigDecimal(v)); }

    /** Adds to the platform's counts (EMV only; the totals above are set separately). */
    public Builder platformActions(Platform p, ActionCounts counts) {
      actionsByPlatform.merge(p, counts, ActionCounts::plus);
      return this;
    }

    public Builder actionsWithoutPlatform(ActionCounts counts) {
      actionsWithoutPlatform = counts;
      return this;
    }

    public KpiInputs build() {
      return new KpiInputs(currency, spend, impressions, views, reach, uniqueAudience, likes, comments,
          shares, saves, clicks, conversions, newCustomers, paid, refunded, followers, posts,
          actionsByPlatform, actionsWithoutPlatform, audienceQuality);
    }
  }
}
