package io.inflow.analytics.kpi;

/** How many times each {@link Action} happened on one platform (or where the platform is unknown). */
public record ActionCounts(
    long views, long impressions, long likes, long comments, long shares, long saves, long clicks) {

  public static final ActionCounts ZERO = new ActionCounts(0, 0, 0, 0, 0, 0, 0);

  /** Only clicks, e.g. for {@code click} events, which carry no platform. */
  public static ActionCounts clicksOnly(long clicks) {
    return new ActionCounts(0, 0, 0, 0, 0, 0, clicks);
  }

  public long get(Action action) {
    return switch (action) {
      case VIEWS -> views;
      case IMPRESSIONS -> impressions;
      case LIKES -> likes;
      case COMMENTS -> comments;
      case SHARES -> shares;
      case SAVES -> saves;
      case CLICKS -> clicks;
    };
  }

  public ActionCounts plus(ActionCounts o) {
    return new ActionCounts(views + o.views, impressions + o.impressions, likes + o.likes,
        comments + o.comments, shares + o.shares, saves + o.saves, clicks + o.clicks);
  }
}
