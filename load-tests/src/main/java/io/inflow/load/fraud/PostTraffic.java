package io.inflow.load.fraud;

import io.inflow.load.Norms;
import io.inflow.load.OrganicComments;
import io.inflow.load.TextPools;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Everything one post produces: its {@code post.published}, {@code post.metrics} snapshots whose
 * cumulative counters grow fast in the first hours and saturate over about three days, and sampled
 * {@code comment.posted} events; with whatever the influencer's scheme adds (bought likes in a burst
 * right after posting, bought views in jumps between snapshots, pod comments in the first hour,
 * bot comments).
 */
final class PostTraffic {

  /** Hours after publishing at which the collector snapshots a post. */
  static final double[] SNAPSHOT_HOURS = {1, 2, 3, 6, 12, 24, 48, 72, 120, 168};
  /** At most this many comment events per post (the counter in post.metrics is the real total). */
  static final int MAX_COMMENT_EVENTS = 60;
  static final double GIVEAWAY_SHARE = 0.03;
  static final double GOOD_POST_SHARE = 0.05;

  private static final long HOUR = 3_600_000L;
  private static final long MINUTE = 60_000L;

  /** Where generated events go (the population's clock-ordered queue). */
  interface Sink {
    /** Queues an event made by {@code maker} at {@code atMillis} unless it lies after the end. */
    void emit(Creator creator, long atMillis, EventMaker maker);
  }

  interface EventMaker {
    io.inflow.protocol.event.IngestEvent make(String eventId, Instant at);
  }

  private final String prefix;
  private final List<String> botFarm;
  private final Sink sink;

  PostTraffic(String prefix, List<String> botFarm, Sink sink) {
    this.prefix = prefix;
    this.botFarm = botFarm;
    this.sink = sink;
  }

  void publish(Creator c, int day, long at) {
    SplittableRandom random = c.random;
    String postId = prefix + "p" + c.index + "-" + (++c.posts);
    boolean fraudActive = c.label.isFraud() && day >= c.eventDay;
    boolean giveaway = random.nextDouble() < GIVEAWAY_SHARE;

    boolean spike = day == c.spikeDay;
    // a spike post is several-fold the influencer's usual post, not a draw from the usual spread
    double views = c.engaged[day] * c.viewsPerFollower * c.logNormal(spike ? 0.1 : Norms.viewsSpread(c.platform));
    if (spike) {
      views *= c.spikeViewsMultiplier;
    } else if (random.nextDouble() < GOOD_POST_SHARE) {
      views *= c.uniform(1.8, 3.0);
    }
    double likes = views * c.likesPerView * c.logNormal(0.15);
    double comments = likes * c.commentsPerLike * c.logNormal(0.25) * (giveaway ? 6 : 1);

    double extraLikes = 0;
    double extraViews = 0;
    double botComments = 0;
    List<String> podCommenters = List.of();
    if (fraudActive) {
      switch (c.label) {
        case BOUGHT_LIKES -> {
          if (random.nextDouble() < c.boostedShare) extraLikes = likes * (c.boostMultiplier * c.logNormal(0.15) - 1);
        }
        case BOUGHT_VIEWS -> {
          if (random.nextDouble() < c.boostedShare) extraViews = views * (c.boostMultiplier * c.logNormal(0.2) - 1);
        }
        case ENGAGEMENT_POD -> {
          if (day >= c.podJoinDay) {
            podCommenters = podRound(c);
            extraLikes = podCommenters.size() * c.uniform(1, 3);
          }
        }
        case COMMENT_BOTS -> {
          botComments = Math.max(2, comments * c.botCommentRatio * c.logNormal(0.3));
          extraLikes = botComments * c.uniform(0.5, 2);
        }
        default -> { }
      }
    }
    extraLikes = Math.max(0, extraLikes);
    extraViews = Math.max(0, extraViews);

    String caption = TextPools.CAPTIONS.get(random.nextInt(TextPools.CAPTIONS.size()));
    List<String> hashtags = new ArrayList<>();
    hashtags.add(TextPools.HASHTAGS.get(random.nextInt(TextPools.HASHTAGS.size())));
    if (giveaway) hashtags.add("giveaway");
    String format = format(c.platform, random);
    sink.emit(c, at, (eventId, time) -> new PostPublished(eventId, c.id, c.platform, postId, null, time, format,
        giveaway ? "Giveaway! Tag a friend" : caption, List.copyOf(hashtags)));

    List<Comment> events = commentEvents(c, at, Math.round(comments), Math.round(botComments), podCommenters,
        giveaway);
    for (Comment comment : events) {
      String commentId = prefix + "m" + c.index + "-" + (++c.comments);
      sink.emit(c, comment.at, (eventId, time) -> new CommentPosted(eventId, c.id, postId, null, commentId,
          comment.authorId, comment.text, time));
    }
    snapshots(c, postId, at, new Totals(views, likes, comments + botComments + podCommenters.size(), extraViews,
        extraLikes), events);
  }

  private record Totals(double views, double likes, double comments, double extraViews, double extraLikes) {}

  private record Comment(long at, String authorId, String text) {}

  private void snapshots(Creator c, String postId, long publishedAt, Totals totals, List<Comment> comments) {
    SplittableRandom random = c.random;
    double tau = Norms.saturationHours(c.platform);
    double impressionsPerView = c.uniform(1.2, 1.6);
    double reachPerView = c.uniform(0.55, 0.85);
    double sharesPerLike = c.uniform(0.01, 0.06);
    double savesPerLike = c.uniform(0.02, 0.10);
    // bought views arrive in one or two jumps between snapshots, not as the curve
    int firstBurst = 1 + random.nextInt(4);
    int secondBurst = random.nextBoolean() ? firstBurst + 1 + random.nextInt(3) : -1;
    double firstBurstShare = secondBurst < 0 ? 1 : c.uniform(0.5, 0.8);
    long views = 0, likes = 0, commentCount = 0;
    boolean reach = c.platform == Platform.INSTAGRAM || c.platform == Platform.FACEBOOK;
    boolean saves = c.platform == Platform.INSTAGRAM || c.platform == Platform.TIKTOK;
    for (int s = 0; s < SNAPSHOT_HOURS.length; s++) {
      double hours = SNAPSHOT_HOURS[s] + (random.nextDouble() - 0.5) * 0.15;
      long at = publishedAt + Math.round(hours * HOUR);
      double viewsShare = saturation(hours, tau) * c.uniform(0.97, 1.03);
      double likesShare = saturation(hours, tau * 0.9) * c.uniform(0.97, 1.03);
      double burstViews = s >= firstBurst ? totals.extraViews * (s >= secondBurst && secondBurst > 0 ? 1 : firstBurstShare) : 0;
      double boughtLikes = totals.extraLikes * (c.dripFeed ? Math.min(1, saturation(hours, tau * 0.7))
          : Math.min(1, hours <= 1 ? 0.8 * hours : 0.8 + 0.1 * (hours - 1)));
      views = Math.max(views, Math.round(totals.views * Math.min(1, viewsShare) + burstViews));
      likes = Math.max(likes, Math.round(totals.likes * Math.min(1, likesShare) + boughtLikes));
      long seen = comments.stream().filter(comment -> comment.at <= at).count();
      commentCount = Math.max(commentCount,
          Math.max(seen, Math.round(totals.comments * Math.min(1, saturation(hours, tau * 0.8)))));
      long v = views, l = likes, k = commentCount;
      Long impressions = reach ? Math.round(v * impressionsPerView) : null;
      Long reached = reach ? Math.round(v * reachPerView) : null;
      Long shareCount = Math.round(Math.min(l, totals.likes) * sharesPerLike);
      Long saveCount = saves ? Math.round(Math.min(l, totals.likes) * savesPerLike) : null;
      sink.emit(c, at, (eventId, time) -> new PostMetrics(eventId, c.id, c.platform, postId, null, time, v,
          impressions, reached, l, k, shareCount, saveCount));
    }
  }

  /** Share of a post's final counters reached {@code hours} after publishing (1 at 7 days). */
  static double saturation(double hours, double tau) {
    return (1 - Math.exp(-hours / tau)) / (1 - Math.exp(-SNAPSHOT_HOURS[SNAPSHOT_HOURS.length - 1] / tau));
  }

  /**
   * The comment events of one post: all pod comments, then organic and bot comments in proportion
   * to their totals within the remaining cap, each at a plausible time.
   */
  private List<Comment> commentEvents(Creator c, long at, long organic, long bots, List<String> pod,
      boolean giveaway) {
    SplittableRandom random = c.random;
    List<Comment> out = new ArrayList<>();
    long podAt = at + MINUTE * (1 + random.nextInt(5));
    double longestStep = Math.min(2.5, 50.0 / Math.max(1, pod.size())); // the whole round within the first hour
    for (String account : pod) {
      out.add(new Comment(podAt, account, TextPools.POD_COMMENTS.get(random.nextInt(TextPools.POD_COMMENTS.size()))));
      podAt += (long) (MINUTE * c.uniform(0.3 * longestStep / 2.5, longestStep));
    }
    long room = MAX_COMMENT_EVENTS - pod.size();
    long organicEvents = organic;
    long botEvents = bots;
    if (organic + bots > room) {
      botEvents = Math.round(room * (double) bots / (organic + bots));
      organicEvents = room - botEvents;
    }
    double tau = Norms.saturationHours(c.platform) * 0.8;
    for (long i = 0; i < organicEvents; i++) {
      String text = giveaway && random.nextBoolean() ? OrganicComments.mention(random) + " " + OrganicComments.mention(random) : OrganicComments.write(random);
      out.add(new Comment(organicTime(c, at, tau), fan(c), text));
    }
    for (long i = 0; i < botEvents; i++) {
      long delay = (long) (MINUTE * Math.min(180, -25 * Math.log(1 - random.nextDouble())));
      out.add(new Comment(at + MINUTE + delay, botFarm.get(random.nextInt(botFarm.size())), botText(random)));
    }
    out.sort(Comparator.comparingLong(Comment::at));
    return out;
  }

  /** The pod accounts taking part in this round, in the pod's usual order with a few swaps. */
  private static List<String> podRound(Creator c) {
    SplittableRandom random = c.random;
    double coverage = 0.5 + 0.45 * c.intensity + 0.05 * random.nextDouble();
    List<String> round = new ArrayList<>();
    for (String account : c.pod.accounts()) {
      if (!account.equals(c.id) && random.nextDouble() < coverage) round.add(account);
    }
    for (int i = 0; i + 1 < round.size(); i++) {
      if (random.nextDouble() < 0.2) {
        String swapped = round.set(i, round.get(i + 1));
        round.set(i + 1, swapped);
        i++;
      }
    }
    return round;
  }

  /** When an organic comment comes: mostly in the first hours, fewer at night (local time UTC+1). */
  private static long organicTime(Creator c, long at, double tauHours) {
    SplittableRandom random = c.random;
    for (int attempt = 0; ; attempt++) {
      double hours = Math.min(160, -tauHours * Math.log(1 - random.nextDouble()));
      long time = at + MINUTE + Math.round(hours * HOUR);
      int localHour = (int) (((time / HOUR) + 1) % 24);
      if (attempt >= 5 || random.nextDouble() * Norms.MAX_HOUR_WEIGHT < Norms.HOUR_WEIGHTS[localHour]) return time;
    }
  }

  /** A fan of this influencer: Zipf-like over its fan pool (a few fans comment on nearly every post). */
  private String fan(Creator c) {
    SplittableRandom random = c.random;
    if (random.nextDouble() < 0.05) return "u" + random.nextInt(2_000_000); // someone passing by
    int rank = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(c.fanPool + 1.0)));
    return prefix + "f" + c.index + "-" + rank;
  }


  /** Bot texts: near-duplicate templates, emoji-only, mention-only or generic praise. */
  static String botText(SplittableRandom random) {
    double roll = random.nextDouble();
    if (roll < 0.40) {
      String base = TextPools.BOT_COMMENTS.get(random.nextInt(TextPools.BOT_COMMENTS.size()));
      return switch (random.nextInt(4)) {
        case 0 -> base;
        case 1 -> base + "!!";
        case 2 -> base.toLowerCase(Locale.ROOT);
        default -> base + " " + TextPools.EMOJI_ONLY.get(random.nextInt(TextPools.EMOJI_ONLY.size()));
      };
    }
    if (roll < 0.70) return TextPools.EMOJI_ONLY.get(random.nextInt(TextPools.EMOJI_ONLY.size()));
    if (roll < 0.85) return OrganicComments.mention(random);
    return TextPools.POD_COMMENTS.get(random.nextInt(TextPools.POD_COMMENTS.size()));
  }

  private static String format(Platform platform, SplittableRandom random) {
    List<String> formats = switch (platform) {
      case INSTAGRAM -> List.of("reel", "reel", "post", "carousel");
      case TIKTOK -> List.of("video");
      case YOUTUBE -> List.of("video", "short", "short");
      default -> List.of("post", "video");
    };
    return formats.get(random.nextInt(formats.size()));
  }
}
