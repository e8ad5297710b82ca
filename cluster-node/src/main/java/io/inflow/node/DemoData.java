package io.inflow.node;

import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.event.Attribution;
import io.inflow.protocol.event.AudienceAccount;
import io.inflow.protocol.event.AudienceSample;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.OrderItem;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import io.inflow.protocol.event.Spend;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * A small, deterministic demo data set: two brands' campaigns, twelve influencers on three
 * platforms, daily follower counts, posts with growing counters, comments in Polish and English,
 * audience samples, clicks, orders (one refunded) and spend. Two kinds of fraud are in it, so the
 * dashboard has something to explain: {@value #BOUGHT_FOLLOWERS} buys followers (a jump that
 * engagement does not follow, and an audience of mass followers), and the {@link #POD} comment on
 * each other's posts with the same accounts within minutes (an engagement pod). Loaded through the
 * same ingest path as real traffic; its event ids are fixed, so loading it twice changes nothing.
 */
public final class DemoData {
  private static final String[] COMMENTS = {
      "Love this! 😍", "Świetny film, dzięki!", "Where can I buy it?", "Najlepsza recenzja jaką widziałam",
      "meh, not for me", "To jest okropne, nie polecam", "🔥🔥🔥", "Great tips, thanks for sharing"};

  static final String BOUGHT_FOLLOWERS = "tom-gaming";
  static final List<String> POD = List.of("eva-vlogs", "sam-reviews", "maja-home");
  private static final String[] POD_COMMENTS = {"Great post!", "Nice!", "🔥🔥", "Love it", "Amazing content 👏",
      "So true!", "Wow", "👍👍"};
  private static final int DAYS = 14;

  public record Summary(int campaigns, int influencers, int events) {}

  private DemoData() {}

  public static Summary load(InflowNode.Services services, Instant now) {
    Random random = new Random(7);
    Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS));
    Platform[] platforms = {Platform.INSTAGRAM, Platform.TIKTOK, Platform.YOUTUBE};
    List<IngestEvent> events = new ArrayList<>();
    Map<String, List<String>> enrolled = Map.of(
        "acme-spring-launch", List.of("anna-fit", "kuba-travels", "ola-cooks", "mike-tech", "zofia-style", "tom-gaming"),
        "nordic-glow-winter", List.of("lena-beauty", "piotr-runs", "eva-vlogs", "sam-reviews", "maja-home", "leo-music"));
    List<CompletableFuture<?>> definitions = new ArrayList<>();
    int influencerIndex = 0;
    for (var campaign : List.of("acme-spring-launch", "nordic-glow-winter")) {
      String brand = campaign.startsWith("acme") ? "acme" : "nordic";
      List<Enrolment> enrolments = new ArrayList<>();
      for (String influencer : enrolled.get(campaign)) {
        Platform platform = platforms[influencerIndex++ % platforms.length];
        long followers = (long) (5_000 * Math.pow(10, random.nextDouble() * 2.5));
        String code = influencer.toUpperCase().replace("-", "") + "10";
        enrolments.add(new Enrolment(influencer, BigDecimal.valueOf(500 + random.nextInt(20) * 100), code,
            "https://" + brand + ".example/r/" + influencer, null));
        long following = 300 + random.nextInt(900);
        double dailyGrowth = 0.001 + random.nextDouble() * 0.014; // 0.1–1.5 % a day
        for (int day = 0; day <= DAYS; day++) { // a follower count a day, as a platform poller sends them
          long count = Math.round(followers * Math.pow(1 + dailyGrowth, day));
          if (influencer.equals(BOUGHT_FOLLOWERS) && day >= 11) count = Math.round(count * 1.35); // a bought batch
          events.add(new FollowersObserved(day == 0 ? "demo-f-" + influencer : "demo-f-" + influencer + "-" + day,
              influencer, platform, start.plus(Duration.ofDays(day)), count, following));
        }
        events.add(new Spend("demo-s-" + influencer, campaign, influencer, enrolments.get(enrolments.size() - 1).fee(),
            "EUR", Spend.Kind.FEE, start.plus(Duration.ofHours(1))));
        for (int post = 1; post <= 3; post++) {
          String postId = influencer + "-p" + post;
          Instant published = start.plus(Duration.ofDays(post * 3L));
          events.add(new PostPublished("demo-pp-" + postId, influencer, platform, postId, campaign, published,
              platform == Platform.YOUTUBE ? "video" : "reel", "Demo post " + post + " #" + brand, List.of(brand)));
          // organic counters: views saturate over the snapshots, likes and comments keep one rate per post
          double totalViews = followers * (0.2 + random.nextDouble() * 0.3);
          double likeRate = 0.03 + random.nextDouble() * 0.03;
          for (int snapshot = 1; snapshot <= 4; snapshot++) {
            long views = (long) (totalViews * (1 - Math.pow(0.45, snapshot)));
            long likes = (long) (views * likeRate);
            long comments = 1 + (long) (likes * 0.02);
            events.add(new PostMetrics("demo-pm-" + postId + "-" + snapshot, influencer, platform, postId, campaign,
                published.plus(Duration.ofHours(6L * snapshot)), views, views * 2, (long) (views * 0.8), likes,
                comments, likes / 20, likes / 15));
          }
          for (int c = 0; c < 3; c++) {
            events.add(new CommentPosted("demo-c-" + postId + "-" + c, influencer, postId, campaign,
                postId + "-c" + c, "viewer-" + random.nextInt(40), COMMENTS[random.nextInt(COMMENTS.length)],
                published.plus(Duration.ofMinutes(30L + c * 17))));
          }
          if (POD.contains(influencer)) { // the same eight accounts, minutes after every member's post
            for (int c = 0; c < 8; c++) {
              events.add(new CommentPosted("demo-pod-" + postId + "-" + c, influencer, postId, campaign,
                  postId + "-pod" + c, "pod-account-" + c, POD_COMMENTS[c], published.plus(Duration.ofMinutes(2L + c))));
            }
          }
        }
        events.add(audienceSample(influencer, platform, start.plus(Duration.ofDays(DAYS - 1)), random,
            influencer.equals(BOUGHT_FOLLOWERS) ? 0.6 : 0.08));
        for (int click = 0; click < 5; click++) {
          events.add(new Click("demo-k-" + influencer + "-" + click, campaign, influencer,
              start.plus(Duration.ofHours(80L + click)), "visitor-" + random.nextInt(500)));
        }
        BigDecimal amount = BigDecimal.valueOf(30 + random.nextInt(90)).add(new BigDecimal("0.99"));
        String order = "order-" + influencer;
        events.add(new Conversion("demo-o-" + influencer, campaign, null, order, "customer-" + influencer, amount, "EUR",
            ConversionStatus.PAID, new Attribution(Attribution.Kind.DISCOUNT_CODE, code),
            List.of(new OrderItem("SKU-" + brand.toUpperCase() + "-1", 1, amount)), start.plus(Duration.ofDays(4))));
        if (influencer.equals("tom-gaming")) {
          events.add(new Conversion("demo-r-" + influencer, campaign, null, order, "customer-" + influencer, amount, "EUR",
              ConversionStatus.REFUNDED, new Attribution(Attribution.Kind.DISCOUNT_CODE, code), List.of(),
              start.plus(Duration.ofDays(6))));
        }
      }
      CampaignDefinition definition = new CampaignDefinition(brand, campaign.replace('-', ' '),
          new BigDecimal("25000"), "EUR", start, start.plus(Duration.ofDays(30)), List.copyOf(enrolments),
          Map.of("views", new BigDecimal("500000"), "conversions", new BigDecimal("200")));
      definitions.add(services.campaigns().define(campaign, definition).toCompletableFuture());
    }
    CompletableFuture.allOf(definitions.toArray(CompletableFuture[]::new)).join();
    services.ingest().ingest(events).toCompletableFuture().join();
    return new Summary(2, influencerIndex, events.size());
  }

  /** 40 follower accounts, {@code massShare} of them mass followers (following thousands, no posts, no picture). */
  private static AudienceSample audienceSample(String influencer, Platform platform, Instant at, Random random,
      double massShare) {
    List<AudienceAccount> accounts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean mass = i < Math.round(40 * massShare);
      accounts.add(mass
          ? new AudienceAccount("demo-acct-" + influencer + "-" + i, 5 + random.nextInt(40), 2_500 + random.nextInt(5_000),
              random.nextInt(3), 0, false, false, 14, 6, false)
          : new AudienceAccount("demo-acct-" + influencer + "-" + i, 150 + random.nextInt(2_000), 200 + random.nextInt(600),
              20 + random.nextInt(300), 40 + random.nextInt(100), true, random.nextBoolean(), 9, random.nextInt(2),
              random.nextBoolean()));
    }
    return new AudienceSample("demo-as-" + influencer, influencer, platform, at, accounts);
  }
}
