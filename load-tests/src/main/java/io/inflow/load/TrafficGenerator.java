package io.inflow.load;

import io.inflow.load.GroundTruth.CampaignTruth;
import io.inflow.load.GroundTruth.InfluencerTruth;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.Enrolment;
import io.inflow.protocol.event.Attribution;
import io.inflow.protocol.event.AudienceAccount;
import io.inflow.protocol.event.AudienceSample;
import io.inflow.protocol.event.Click;
import io.inflow.analytics.common.Tier;
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
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An endless, seeded, deterministic stream of realistic ingest traffic, with the {@link
 * GroundTruth} of everything it has emitted.
 *
 * <p>The world: N influencers whose followers follow a power law (mostly nano and micro, a few
 * mega), on mixed platforms (some with a second account); M campaigns, each in one currency with
 * a product catalogue; each influencer enrolled in at most one campaign with a fee and a discount
 * code. Traffic: posts are published and then observed repeatedly with cumulative counters that
 * only grow, quickly at first and then levelling off (views ≫ likes ≫ comments, at the organic
 * rates of the influencer's tier and platform, {@link Norms}); comments in Polish and English
 * written as real followers write them ({@link OrganicComments}: few exact repeats) by a pool of
 * authors; follower counts drifting; audience samples; clicks,
 * paid orders attributed by discount code (some refunded later) and spend, all in the campaign's
 * currency.
 *
 * <p>Guarantees: the same {@link Config} gives the same events in the same order on any JVM; every
 * {@code eventId} is unique; every id the generator makes for what happens (posts, comments,
 * orders, events) starts with {@code namespace + "-"}, and every id of who it happens to
 * (influencers, campaigns, brands) with {@code population + "-"} (by default the namespace), so two
 * runs with different namespaces never collide on a node that keeps state, and two runs of one
 * seed and population are new traffic of the same influencers and campaigns; the simulated clock moves forward by
 * 1–100 ms per event, so timestamps are strictly increasing in emission order. Not thread-safe.
 */
public final class TrafficGenerator implements Iterator<IngestEvent> {

  /** Monday morning, so the simulated days look like a working week. */
  public static final Instant DEFAULT_START = Instant.parse("2025-03-03T08:00:00Z");

  /**
   * What world to simulate.
   *
   * @param namespace prefix of the ids of posts, comments, orders and events, lower-case letters and digits
   * @param population prefix of the ids of influencers, campaigns and brands, the same characters
   * @param enrolledShare probability that an influencer is enrolled in one campaign
   * @param secondPlatformShare probability that an influencer also has a second account
   */
  public record Config(
      long seed,
      int influencers,
      int campaigns,
      String namespace,
      String population,
      Instant start,
      double enrolledShare,
      double secondPlatformShare) {

    public Config {
      if (influencers < 1) throw new IllegalArgumentException("influencers must be ≥ 1");
      if (campaigns < 0) throw new IllegalArgumentException("campaigns must be ≥ 0");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(population, "population");
      Objects.requireNonNull(start, "start");
      if (!namespace.matches(ID_PREFIX)) {
        throw new IllegalArgumentException("namespace must be 1–24 lower-case letters or digits: " + namespace);
      }
      if (!population.matches(ID_PREFIX)) {
        throw new IllegalArgumentException("population must be 1–24 lower-case letters or digits: " + population);
      }
      if (enrolledShare < 0 || enrolledShare > 1 || secondPlatformShare < 0 || secondPlatformShare > 1) {
        throw new IllegalArgumentException("shares must lie in [0, 1]");
      }
    }

    /** Defaults: namespace and population {@code s<seed in base 36>}, 60% enrolled, 15% with a second platform. */
    public static Config of(long seed, int influencers, int campaigns) {
      String namespace = "s" + Long.toUnsignedString(seed, 36);
      return new Config(seed, influencers, campaigns, namespace, namespace, DEFAULT_START, 0.6, 0.15);
    }

    /** The same world under another namespace, which also names its population. */
    public Config withNamespace(String newNamespace) {
      return new Config(seed, influencers, campaigns, newNamespace, newNamespace, start, enrolledShare,
          secondPlatformShare);
    }

    /** The same traffic under the same namespace, of the influencers and campaigns named {@code newPopulation}. */
    public Config withPopulation(String newPopulation) {
      return new Config(seed, influencers, campaigns, namespace, newPopulation, start, enrolledShare,
          secondPlatformShare);
    }
  }

  /** What a namespace or population may be: 1–24 lower-case letters or digits. */
  static final String ID_PREFIX = "[a-z0-9]{1,24}";

  private enum Kind { PUBLISH, METRICS, COMMENT, FOLLOWERS, AUDIENCE, CLICK, CONVERSION, SPEND }

  /** Relative frequency of each kind, in {@link Kind} order; refunds come on top, when due. */
  private static final double[] KIND_WEIGHTS = {3, 50, 12, 10, 0.3, 15, 3, 0.7};

  private static final int COMMENT_AUTHORS = 50_000;
  private static final int AUDIENCE_SAMPLE_SIZE = 20;
  private static final double SPONSORED_POST_SHARE = 0.35;
  private static final double REFUND_SHARE = 0.08;
  private static final BigDecimal MIN_FEE_USD = BigDecimal.valueOf(50);

  private final Config config;
  private final String prefix;
  private final String populationPrefix;
  private final SplittableRandom random;
  private final List<Influencer> influencers = new ArrayList<>();
  private final List<Account> accounts = new ArrayList<>();
  private final List<Campaign> campaigns = new ArrayList<>();
  private final List<Campaign> campaignsWithEnrolment = new ArrayList<>();
  private final List<Post> activePosts = new ArrayList<>();
  private final PriorityQueue<PendingRefund> refunds =
      new PriorityQueue<>(Comparator.comparingLong(PendingRefund::dueAt).thenComparingLong(PendingRefund::orderNumber));
  private final Map<String, Long> eventsByType = new TreeMap<>();
  private final double[] kindThresholds;
  private final Map<String, CampaignDefinition> campaignDefinitions;

  private long clockMillis;
  private long emitted;
  private long postCount;
  private long commentCount;
  private long orderCount;
  private int accountsInitiallyObserved;

  public TrafficGenerator(Config config) {
    this.config = Objects.requireNonNull(config, "config");
    this.prefix = config.namespace() + "-";
    this.populationPrefix = config.population() + "-";
    this.random = new SplittableRandom(config.seed());
    this.clockMillis = config.start().toEpochMilli();
    for (int i = 0; i < config.influencers(); i++) {
      influencers.add(newInfluencer(i));
    }
    for (int c = 0; c < config.campaigns(); c++) {
      campaigns.add(newCampaign(c));
    }
    if (!campaigns.isEmpty()) {
      for (Influencer influencer : influencers) {
        if (random.nextDouble() < config.enrolledShare()) {
          enrol(influencer, campaigns.get(random.nextInt(campaigns.size())));
        }
      }
    }
    for (Campaign campaign : campaigns) {
      if (!campaign.enrolled.isEmpty()) {
        campaign.buildAudienceWeights();
        campaignsWithEnrolment.add(campaign);
      }
    }
    this.kindThresholds = kindThresholds();
    this.campaignDefinitions = buildCampaignDefinitions();
  }

  public Config config() {
    return config;
  }

  /** Number of events emitted so far. */
  public long emitted() {
    return emitted;
  }

  /** Ids of all simulated influencers, in creation order. */
  public List<String> influencerIds() {
    return influencers.stream().map(i -> i.id).toList();
  }

  /**
   * Each campaign as a client would define it with {@code PUT /api/v1/campaigns/{id}}: brand,
   * budget and currency, flight dates and every enrolled influencer with fee, discount code, link
   * and UTM value. In campaign order.
   */
  public Map<String, CampaignDefinition> campaignDefinitions() {
    return campaignDefinitions;
  }

  /** Always true: the traffic never ends. Bound it with {@link #stream()}{@code .limit(n)}. */
  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public IngestEvent next() {
    emitted++;
    clockMillis += 1 + random.nextInt(100);
    IngestEvent event;
    PendingRefund due = refunds.peek();
    if (due != null && due.dueAt() <= emitted) {
      refunds.poll();
      event = refund(due.order());
    } else {
      event = switch (pickKind()) {
        case PUBLISH -> publish();
        case METRICS -> activePosts.isEmpty() ? publish() : metrics(pick(activePosts));
        case COMMENT -> activePosts.isEmpty() ? publish() : comment(pick(activePosts));
        case FOLLOWERS -> followers();
        case AUDIENCE -> audienceSample();
        case CLICK -> click();
        case CONVERSION -> conversion();
        case SPEND -> spend();
      };
    }
    eventsByType.merge(event.typeName(), 1L, Long::sum);
    return event;
  }

  /** The next {@code count} events. */
  public List<IngestEvent> next(int count) {
    List<IngestEvent> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(next());
    }
    return batch;
  }

  /** This generator as an endless ordered stream; each element is drawn as the stream is pulled. */
  public Stream<IngestEvent> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * Writes the next {@code count} events to {@code file} as NDJSON (one event per line, UTF-8) and
   * returns the ground truth of everything emitted so far, this file included.
   */
  public GroundTruth writeNdjson(Path file, long count) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (long i = 0; i < count; i++) {
        out.write(EventJson.toBytes(next()));
        out.write('\n');
      }
    }
    return truth();
  }

  /** Totals of everything emitted so far, computed from the simulation's own state. */
  public GroundTruth truth() {
    Map<String, InfluencerTruth> influencerTruths = new HashMap<>();
    for (Influencer influencer : influencers) {
      Map<Platform, Long> byPlatform = new EnumMap<>(Platform.class);
      long followers = 0;
      long following = 0;
      for (Account account : influencer.accounts) {
        if (account.observed) {
          byPlatform.put(account.platform, account.followers);
          followers += account.followers;
          following += account.following;
        }
      }
      Counters sum = Counters.over(influencer.posts);
      influencerTruths.put(influencer.id, new InfluencerTruth(influencer.id, byPlatform, followers,
          following, influencer.posts.size(), sum.views, sum.likes, sum.comments, sum.shares, sum.saves));
    }
    Map<String, CampaignTruth> campaignTruths = new HashMap<>();
    for (Campaign campaign : campaigns) {
      Counters sum = Counters.over(campaign.posts);
      campaignTruths.put(campaign.id, new CampaignTruth(campaign.id, campaign.currency.name(),
          campaign.spend, campaign.paid, campaign.refunded, campaign.paid.subtract(campaign.refunded),
          campaign.paidOrders, campaign.refundedOrders, campaign.clicks, campaign.posts.size(),
          sum.views, sum.likes, sum.comments, sum.shares, sum.saves));
    }
    return new GroundTruth(emitted, eventsByType, influencerTruths, campaignTruths);
  }

  // ---------------------------------------------------------------- the world

  private Influencer newInfluencer(int index) {
    // Pareto with x_min 2,000 and alpha 0.9: median ≈ 4k, ~3% above 100k, a few above 1M.
    double tail = Math.pow(1.0 - random.nextDouble(), 1.0 / 0.9);
    long followers = (long) Math.min(20_000_000, 2_000 / tail);
    String handle = TextPools.FIRST_NAMES.get(random.nextInt(TextPools.FIRST_NAMES.size()))
        + TextPools.HANDLE_SUFFIXES.get(random.nextInt(TextPools.HANDLE_SUFFIXES.size()));
    // engagement as organic accounts of this tier and platform show it (Norms), spread per influencer
    Platform primary = weightedPlatform();
    Tier tier = Tier.of(followers);
    Influencer influencer = new Influencer(index, populationPrefix + "i" + index, handle,
        Norms.likesPerView(primary, tier) * logNormal(0.2), Norms.commentsPerLike(tier) * logNormal(0.3),
        uniform(0.01, 0.06), uniform(0.02, 0.10));
    addAccount(influencer, primary, followers);
    if (random.nextDouble() < config.secondPlatformShare()) {
      List<Platform> others = new ArrayList<>(List.of(Platform.INSTAGRAM, Platform.TIKTOK, Platform.YOUTUBE));
      others.remove(primary);
      Platform second = others.get(random.nextInt(others.size()));
      addAccount(influencer, second, 100 + (long) (followers * uniform(0.05, 0.6)));
    }
    return influencer;
  }

  private void addAccount(Influencer influencer, Platform platform, long followers) {
    Account account = new Account(influencer, platform, followers, 100 + random.nextInt(1_500));
    influencer.accounts.add(account);
    accounts.add(account);
  }

  private Platform weightedPlatform() {
    double roll = random.nextDouble();
    if (roll < 0.45) return Platform.INSTAGRAM;
    if (roll < 0.75) return Platform.TIKTOK;
    if (roll < 0.90) return Platform.YOUTUBE;
    return Platform.FACEBOOK;
  }

  private Campaign newCampaign(int index) {
    Currency currency = Currency.pick(random.nextDouble());
    int brands = Math.max(1, (config.campaigns() + 2) / 3);
    int brandIndex = index % brands;
    String brandName = TextPools.BRANDS.get(brandIndex % TextPools.BRANDS.size());
    String theme = TextPools.CAMPAIGN_THEMES.get(random.nextInt(TextPools.CAMPAIGN_THEMES.size()));
    Campaign campaign = new Campaign(populationPrefix + "c" + index, populationPrefix + "b" + brandIndex,
        theme + " — " + brandName, brandName, currency);
    String skuPrefix = brandName.replaceAll("[^A-Za-z]", "").substring(0, 3).toUpperCase(Locale.ROOT);
    int skus = 5 + random.nextInt(8);
    for (int s = 0; s < skus; s++) {
      String product = TextPools.PRODUCTS.get(random.nextInt(TextPools.PRODUCTS.size()));
      long whole = Math.max(5, Math.round(uniform(19, 399) * currency.perDollar));
      campaign.catalogue.add(new OrderItem(skuPrefix + "-" + product.toUpperCase(Locale.ROOT) + "-" + s, 1,
          BigDecimal.valueOf(whole).subtract(new BigDecimal("0.01"))));
    }
    return campaign;
  }

  private void enrol(Influencer influencer, Campaign campaign) {
    influencer.campaign = campaign;
    String letters = influencer.handle.replaceAll("[^a-z]", "").toUpperCase(Locale.ROOT);
    influencer.discountCode = letters.substring(0, Math.min(8, letters.length()))
        + (10 + 5 * random.nextInt(3)) + Integer.toString(influencer.index, 36).toUpperCase(Locale.ROOT);
    BigDecimal feeUsd = BigDecimal.valueOf(Math.round(influencer.primaryFollowers() * uniform(0.004, 0.012)));
    influencer.fee = feeUsd.max(MIN_FEE_USD).multiply(campaign.currency.perDollarDecimal())
        .setScale(0, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
    influencer.feeInstallmentsLeft = 1 + random.nextInt(2);
    influencer.feeInstallment = influencer.fee.divide(BigDecimal.valueOf(influencer.feeInstallmentsLeft), 2, RoundingMode.HALF_UP);
    influencer.feeUnpaid = influencer.fee;
    campaign.enrolled.add(influencer);
  }

  private Map<String, CampaignDefinition> buildCampaignDefinitions() {
    Map<String, CampaignDefinition> definitions = new LinkedHashMap<>();
    for (Campaign campaign : campaigns) {
      List<Enrolment> enrolments = new ArrayList<>();
      BigDecimal fees = BigDecimal.ZERO;
      for (Influencer influencer : campaign.enrolled) {
        enrolments.add(new Enrolment(influencer.id, influencer.fee, influencer.discountCode,
            "https://shop.example/" + campaign.id + "?ref=" + influencer.handle, "inflow_" + influencer.handle));
        fees = fees.add(influencer.fee);
      }
      BigDecimal budget = fees.multiply(BigDecimal.valueOf(2))
          .add(BigDecimal.valueOf(5_000).multiply(campaign.currency.perDollarDecimal()))
          .setScale(2, RoundingMode.HALF_UP);
      Map<String, BigDecimal> targets = new LinkedHashMap<>();
      targets.put("views", BigDecimal.valueOf(1_000_000));
      targets.put("roas", new BigDecimal("3.0"));
      definitions.put(campaign.id, new CampaignDefinition(campaign.brandId, campaign.name, budget,
          campaign.currency.name(), config.start(), config.start().plus(Duration.ofDays(30)),
          List.copyOf(enrolments), Collections.unmodifiableMap(targets)));
    }
    return Collections.unmodifiableMap(definitions);
  }

  private double[] kindThresholds() {
    double[] thresholds = new double[KIND_WEIGHTS.length];
    double total = 0;
    for (Kind kind : Kind.values()) {
      boolean possible = switch (kind) {
        case CLICK, CONVERSION -> !campaignsWithEnrolment.isEmpty();
        case SPEND -> !campaigns.isEmpty();
        default -> true;
      };
      total += possible ? KIND_WEIGHTS[kind.ordinal()] : 0;
      thresholds[kind.ordinal()] = total;
    }
    for (int i = 0; i < thresholds.length; i++) {
      thresholds[i] /= total;
    }
    return thresholds;
  }

  private Kind pickKind() {
    double roll = random.nextDouble();
    for (Kind kind : Kind.values()) {
      if (roll < kindThresholds[kind.ordinal()]) return kind;
    }
    return Kind.METRICS;
  }

  // ---------------------------------------------------------------- event makers

  private PostPublished publish() {
    Influencer influencer = pick(influencers);
    Account account = influencer.accounts.size() == 1 || random.nextDouble() < 0.7
        ? influencer.accounts.get(0) : influencer.accounts.get(1);
    Campaign campaign = influencer.campaign != null && random.nextDouble() < SPONSORED_POST_SHARE
        ? influencer.campaign : null;
    // A post is watched for 20–60 events per influencer, so about 1.2 posts per influencer are
    // live at any time and each gets ~18 snapshots, whatever the size of the world.
    long lifetime = (long) (config.influencers() * uniform(20, 60));
    Post post = new Post(prefix + "p" + (++postCount), influencer, account.platform, campaign,
        expectedViews(account), emitted, Math.max(1, lifetime));
    influencer.posts.add(post);
    if (campaign != null) campaign.posts.add(post);
    post.activeIndex = activePosts.size();
    activePosts.add(post);
    String caption = random.nextDouble() < 0.7
        ? TextPools.CAPTIONS.get(random.nextInt(TextPools.CAPTIONS.size())) : null;
    List<String> hashtags = new ArrayList<>();
    int tags = random.nextInt(5);
    for (int t = 0; t < tags; t++) {
      String tag = TextPools.HASHTAGS.get(random.nextInt(TextPools.HASHTAGS.size()));
      if (!hashtags.contains(tag)) hashtags.add(tag);
    }
    if (campaign != null) {
      hashtags.add(TextPools.SPONSORED_HASHTAGS.get(random.nextInt(TextPools.SPONSORED_HASHTAGS.size())));
      hashtags.add(campaign.brandName.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT));
    }
    return new PostPublished(eventId(), influencer.id, post.platform, post.id, campaignId(campaign),
        now(), format(post.platform), caption, hashtags.isEmpty() ? null : List.copyOf(hashtags));
  }

  private long expectedViews(Account account) {
    double views = account.followers * Norms.viewsPerFollower(account.platform, Tier.of(account.followers))
        * Math.min(20, logNormal(Norms.viewsSpread(account.platform)));
    return Math.max(50, Math.round(views));
  }

  private String format(Platform platform) {
    List<String> formats = switch (platform) {
      case INSTAGRAM -> List.of("reel", "reel", "post", "carousel", "story");
      case TIKTOK -> List.of("video");
      case YOUTUBE -> List.of("video", "short", "short", "live");
      default -> List.of("post", "video");
    };
    return formats.get(random.nextInt(formats.size()));
  }

  private PostMetrics metrics(Post post) {
    post.snapshots++;
    double age = Math.min(1.0, (double) (emitted - post.publishedAt) / post.lifetime);
    double progress = (1 - Math.exp(-4.0 * age)) / (1 - Math.exp(-4.0));
    Influencer influencer = post.influencer;
    post.views = Math.max(post.views, Math.round(post.expectedViews * progress * uniform(0.93, 1.07)));
    post.likes = Math.max(post.likes, Math.round(post.views * influencer.likeRate * uniform(0.95, 1.05)));
    post.comments = Math.max(Math.max(post.comments, post.commentEvents),
        Math.round(post.likes * influencer.commentRate * uniform(0.9, 1.1)));
    Long impressions = null;
    Long reach = null;
    Long shares = null;
    Long saves = null;
    if (post.reportsReach()) {
      post.impressions = Math.max(post.impressions, Math.round(post.views * uniform(1.2, 1.6)));
      post.reach = Math.max(post.reach, Math.min(post.impressions, Math.round(post.views * uniform(0.55, 0.85))));
      impressions = post.impressions;
      reach = post.reach;
    }
    if (post.reportsShares()) {
      post.shares = Math.max(post.shares, Math.round(post.likes * influencer.shareRate * uniform(0.9, 1.1)));
      shares = post.shares;
    }
    if (post.reportsSaves()) {
      post.saves = Math.max(post.saves, Math.round(post.likes * influencer.saveRate * uniform(0.9, 1.1)));
      saves = post.saves;
    }
    if (age >= 1.0) {
      retire(post); // the final snapshot
    }
    return new PostMetrics(eventId(), influencer.id, post.platform, post.id, campaignId(post.campaign),
        now(), post.views, impressions, reach, post.likes, post.comments, shares, saves);
  }

  private void retire(Post post) {
    Post last = activePosts.remove(activePosts.size() - 1);
    if (last != post) {
      activePosts.set(post.activeIndex, last);
      last.activeIndex = post.activeIndex;
    }
  }

  /** A comment event never outnumbers the post's reported comment count: if it would, observe the post instead. */
  private IngestEvent comment(Post post) {
    if (post.snapshots == 0 || post.commentEvents >= post.comments) {
      return metrics(post);
    }
    post.commentEvents++;
    // Nested draw skews towards low numbers: a few authors comment a lot, most rarely.
    String authorId = "u" + random.nextInt(random.nextInt(COMMENT_AUTHORS) + 1);
    return new CommentPosted(eventId(), post.influencer.id, post.id, campaignId(post.campaign),
        prefix + "m" + (++commentCount), authorId, OrganicComments.write(random), now());
  }

  private FollowersObserved followers() {
    Account account;
    if (accountsInitiallyObserved < accounts.size()) {
      account = accounts.get(accountsInitiallyObserved++); // first sync: every account once, in order
    } else {
      account = pick(accounts);
      double growth = 1 + 0.0004 + 0.003 * random.nextGaussian();
      account.followers = Math.max(0, Math.round(account.followers * growth));
      account.following = Math.max(0, account.following + Math.round(4 * random.nextGaussian()));
    }
    account.observed = true;
    return new FollowersObserved(eventId(), account.influencer.id, account.platform, now(),
        account.followers, account.following);
  }

  private AudienceSample audienceSample() {
    Account account = pick(accounts);
    List<AudienceAccount> sample = new ArrayList<>(AUDIENCE_SAMPLE_SIZE);
    for (int i = 0; i < AUDIENCE_SAMPLE_SIZE; i++) {
      double kind = random.nextDouble();
      String accountId = "acc" + random.nextInt(5_000_000);
      Boolean externalUrl = random.nextBoolean() ? null : random.nextDouble() < 0.1;
      if (kind < 0.70) { // an ordinary person
        sample.add(new AudienceAccount(accountId, 50 + random.nextInt(1_500), 80 + random.nextInt(900),
            5 + random.nextInt(400), random.nextInt(120), random.nextDouble() < 0.95, random.nextDouble() < 0.4,
            6 + random.nextInt(10), random.nextInt(3), externalUrl));
      } else if (kind < 0.85) { // a mass follower
        sample.add(new AudienceAccount(accountId, 100 + random.nextInt(800), 1_500 + random.nextInt(6_000),
            random.nextInt(60), random.nextInt(60), random.nextDouble() < 0.8, random.nextDouble() < 0.2,
            8 + random.nextInt(10), random.nextInt(5), externalUrl));
      } else { // a suspicious, probably automated account
        sample.add(new AudienceAccount(accountId, random.nextInt(20), 500 + random.nextInt(7_000),
            random.nextInt(3), 0, random.nextDouble() < 0.2, false,
            12 + random.nextInt(8), 4 + random.nextInt(6), externalUrl));
      }
    }
    return new AudienceSample(eventId(), account.influencer.id, account.platform, now(), List.copyOf(sample));
  }

  private Click click() {
    Campaign campaign = pick(campaignsWithEnrolment);
    Influencer influencer = campaign.pickByAudience(random.nextDouble());
    campaign.clicks++;
    String visitorId = random.nextDouble() < 0.8 ? "v" + random.nextInt(2_000_000) : null;
    return new Click(eventId(), campaign.id, influencer.id, now(), visitorId);
  }

  private Conversion conversion() {
    Campaign campaign = pick(campaignsWithEnrolment);
    Influencer influencer = campaign.pickByAudience(random.nextDouble());
    List<OrderItem> items = new ArrayList<>();
    int lines = 1 + random.nextInt(3);
    for (int i = 0; i < lines; i++) {
      OrderItem product = pick(campaign.catalogue);
      if (items.stream().noneMatch(item -> item.sku().equals(product.sku()))) {
        items.add(new OrderItem(product.sku(), random.nextDouble() < 0.85 ? 1 : 2, product.price()));
      }
    }
    BigDecimal amount = total(items);
    boolean influencerKnown = random.nextBoolean(); // shops often know only the code
    Order order = new Order(prefix + "o" + (++orderCount), orderCount, campaign,
        influencerKnown ? influencer.id : null, "c" + random.nextInt(500_000),
        new Attribution(Attribution.Kind.DISCOUNT_CODE, influencer.discountCode), List.copyOf(items), amount);
    campaign.paid = campaign.paid.add(amount);
    campaign.paidOrders++;
    if (random.nextDouble() < REFUND_SHARE) {
      refunds.add(new PendingRefund(emitted + 200 + random.nextInt(5_000), order.number(), order));
    }
    return new Conversion(eventId(), campaign.id, order.influencerId, order.id, order.customerId, amount,
        campaign.currency.name(), ConversionStatus.PAID, order.attribution, order.items, now());
  }

  private Conversion refund(Order order) {
    List<OrderItem> returned = random.nextDouble() < 0.75
        ? order.items
        : List.of(new OrderItem(order.items.get(0).sku(), 1, order.items.get(0).price()));
    BigDecimal amount = total(returned);
    Campaign campaign = order.campaign;
    campaign.refunded = campaign.refunded.add(amount);
    campaign.refundedOrders++;
    return new Conversion(eventId(), campaign.id, order.influencerId, order.id, order.customerId, amount,
        campaign.currency.name(), ConversionStatus.REFUNDED, order.attribution, returned, now());
  }

  private Spend spend() {
    Campaign campaign = pick(campaigns);
    Currency currency = campaign.currency;
    Influencer influencer = campaign.enrolled.isEmpty() ? null : pick(campaign.enrolled);
    BigDecimal amount;
    Spend.Kind kind;
    String influencerId = null;
    double roll = random.nextDouble();
    if (influencer != null && influencer.feeInstallmentsLeft > 0 && roll < 0.5) {
      kind = Spend.Kind.FEE;
      amount = --influencer.feeInstallmentsLeft == 0 ? influencer.feeUnpaid : influencer.feeInstallment;
      influencer.feeUnpaid = influencer.feeUnpaid.subtract(amount);
      influencerId = influencer.id;
    } else if (influencer != null && roll < 0.7) {
      kind = Spend.Kind.PRODUCT;
      amount = currency.money(uniform(50, 600));
      influencerId = influencer.id;
    } else if (roll < 0.92) {
      kind = Spend.Kind.ADS;
      amount = currency.money(uniform(100, 3_000));
    } else {
      kind = Spend.Kind.OTHER;
      amount = currency.money(uniform(20, 500));
    }
    campaign.spend = campaign.spend.add(amount);
    return new Spend(eventId(), campaign.id, influencerId, amount, currency.name(), kind, now());
  }

  // ---------------------------------------------------------------- helpers

  private String eventId() {
    return prefix + "e" + emitted;
  }

  private Instant now() {
    return Instant.ofEpochMilli(clockMillis);
  }

  private static String campaignId(Campaign campaign) {
    return campaign == null ? null : campaign.id;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private double uniform(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  private double logNormal(double sigma) {
    return Norms.logNormal(random, sigma);
  }

  private static BigDecimal total(List<OrderItem> items) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (OrderItem item : items) {
      sum = sum.add(item.price().multiply(BigDecimal.valueOf(item.quantity())));
    }
    return sum;
  }

  /** Campaign currencies and how many units buy one US dollar's worth (rounded, for sizing only). */
  private enum Currency {
    PLN(4.0), EUR(0.92), USD(1.0), GBP(0.79);

    final double perDollar;

    Currency(double perDollar) {
      this.perDollar = perDollar;
    }

    static Currency pick(double roll) {
      if (roll < 0.4) return PLN;
      if (roll < 0.7) return EUR;
      if (roll < 0.9) return USD;
      return GBP;
    }

    BigDecimal perDollarDecimal() {
      return BigDecimal.valueOf(perDollar);
    }

    BigDecimal money(double dollars) {
      return BigDecimal.valueOf(dollars * perDollar).setScale(2, RoundingMode.HALF_UP);
    }
  }

  private static final class Influencer {
    final int index;
    final String id;
    final String handle;
    final double likeRate;
    final double commentRate;
    final double shareRate;
    final double saveRate;
    final List<Account> accounts = new ArrayList<>(2);
    final List<Post> posts = new ArrayList<>();
    Campaign campaign;
    String discountCode;
    BigDecimal fee;
    BigDecimal feeInstallment;
    BigDecimal feeUnpaid;
    int feeInstallmentsLeft;

    Influencer(int index, String id, String handle, double likeRate, double commentRate, double shareRate,
        double saveRate) {
      this.index = index;
      this.id = id;
      this.handle = handle;
      this.likeRate = likeRate;
      this.commentRate = commentRate;
      this.shareRate = shareRate;
      this.saveRate = saveRate;
    }

    long primaryFollowers() {
      return accounts.get(0).followers;
    }
  }

  private static final class Account {
    final Influencer influencer;
    final Platform platform;
    long followers;
    long following;
    boolean observed;

    Account(Influencer influencer, Platform platform, long followers, long following) {
      this.influencer = influencer;
      this.platform = platform;
      this.followers = followers;
      this.following = following;
    }
  }

  /**
   * A post and its counters as of the last snapshot emitted (zero before the first). Its age and
   * lifetime are counted in emitted events, the generator's notion of time.
   */
  private static final class Post {
    final String id;
    final Influencer influencer;
    final Platform platform;
    final Campaign campaign;
    final long expectedViews;
    final long publishedAt;
    final long lifetime;
    int activeIndex;
    int snapshots;
    int commentEvents;
    long views;
    long impressions;
    long reach;
    long likes;
    long comments;
    long shares;
    long saves;

    Post(String id, Influencer influencer, Platform platform, Campaign campaign, long expectedViews,
        long publishedAt, long lifetime) {
      this.id = id;
      this.influencer = influencer;
      this.platform = platform;
      this.campaign = campaign;
      this.expectedViews = expectedViews;
      this.publishedAt = publishedAt;
      this.lifetime = lifetime;
    }

    boolean reportsReach() {
      return platform == Platform.INSTAGRAM || platform == Platform.FACEBOOK;
    }

    boolean reportsShares() {
      return true;
    }

    boolean reportsSaves() {
      return platform == Platform.INSTAGRAM || platform == Platform.TIKTOK;
    }
  }

  private static final class Counters {
    long views;
    long likes;
    long comments;
    long shares;
    long saves;

    static Counters over(List<Post> posts) {
      Counters sum = new Counters();
      for (Post post : posts) {
        sum.views += post.views;
        sum.likes += post.likes;
        sum.comments += post.comments;
        sum.shares += post.shares;
        sum.saves += post.saves;
      }
      return sum;
    }
  }

  private static final class Campaign {
    final String id;
    final String brandId;
    final String name;
    final String brandName;
    final Currency currency;
    final List<OrderItem> catalogue = new ArrayList<>();
    final List<Influencer> enrolled = new ArrayList<>();
    final List<Post> posts = new ArrayList<>();
    double[] audienceThresholds;
    BigDecimal spend = BigDecimal.ZERO.setScale(2);
    BigDecimal paid = BigDecimal.ZERO.setScale(2);
    BigDecimal refunded = BigDecimal.ZERO.setScale(2);
    int paidOrders;
    int refundedOrders;
    long clicks;

    Campaign(String id, String brandId, String name, String brandName, Currency currency) {
      this.id = id;
      this.brandId = brandId;
      this.name = name;
      this.brandName = brandName;
      this.currency = currency;
    }

    /** Clicks and orders come from enrolled influencers in proportion to √followers. */
    void buildAudienceWeights() {
      audienceThresholds = new double[enrolled.size()];
      double total = 0;
      for (int i = 0; i < enrolled.size(); i++) {
        total += Math.sqrt(enrolled.get(i).primaryFollowers());
        audienceThresholds[i] = total;
      }
      for (int i = 0; i < audienceThresholds.length; i++) {
        audienceThresholds[i] /= total;
      }
    }

    Influencer pickByAudience(double roll) {
      for (int i = 0; i < audienceThresholds.length; i++) {
        if (roll < audienceThresholds[i]) return enrolled.get(i);
      }
      return enrolled.get(enrolled.size() - 1);
    }
  }

  private record Order(
      String id,
      long number,
      Campaign campaign,
      String influencerId,
      String customerId,
      Attribution attribution,
      List<OrderItem> items,
      BigDecimal amount) {}

  private record PendingRefund(long dueAt, long orderNumber, Order order) {}
}
