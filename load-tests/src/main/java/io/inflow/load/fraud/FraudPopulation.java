package io.inflow.load.fraud;

import io.inflow.load.Norms;
import io.inflow.analytics.common.Tier;
import io.inflow.load.EventJson;
import io.inflow.protocol.event.AudienceAccount;
import io.inflow.protocol.event.AudienceSample;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.Platform;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A labelled population of influencers for evaluating fraud scoring: seeded and reproducible, every
 * influencer organic (some with a natural viral spike) or carrying one injected fraud scheme, with
 * the ground truth beside the events.
 *
 * <p>Organic traffic: followers power-law distributed across tiers (Pareto, x_min 2,000, α 0.65: about
 * two thirds nano, a quarter micro, a few mid to mega); one account per influencer on Instagram,
 * TikTok, YouTube or Facebook; engagement at the tier's and platform's norm ({@link Norms}) with
 * personal and per-post spread; one {@code followers.observed} per day with slow growth, daily noise
 * and occasional good days; a post every 1–4 days (local evening peak) with ten {@code post.metrics}
 * snapshots from 1 h to 7 days whose counters grow fast at first and saturate over about three days;
 * up to {@value PostTraffic#MAX_COMMENT_EVENTS} {@code comment.posted} per post from the influencer's
 * own fans (Zipf: a few comment on nearly every post), in Polish and English, more in the evening;
 * the odd giveaway (many mention-only comments) and one or two {@code audience.sample}s of 100–200
 * accounts with the few bots and mass followers every real audience has.
 *
 * <p>The schemes follow how they are publicly described (platform transparency reports, fraud-vendor
 * write-ups and influencer-marketing audits), each starting on a day in the first two thirds of the
 * period and with an intensity from 0 (mild, close to organic) to 1:
 * <ul>
 *   <li>{@code organic_viral}: one post gets 4–15× the usual views, likes and comments, and followers
 *       rise 5–60% over the next three days; later posts engage in line with the new followers.
 *   <li>{@code bought_followers}: one to three step jumps of 6–56% of followers within a day or two
 *       (vendors deliver fast, then some are purged) that engagement does not follow; the audience
 *       samples after the purchase are full of bot-like accounts (no picture or bio, digit-heavy
 *       names, few posts, large following).
 *   <li>{@code bought_likes}: on 30–100% of posts likes are multiplied 1.3–4.8×, without the views and
 *       comments that would come with them; mostly 80% delivered within the first hour, but some
 *       (mild) buyers choose the vendors' "drip feed" that follows the post's own curve.
 *   <li>{@code bought_views}: on 30–100% of posts views are multiplied 1.5–9.5×, arriving in one or two
 *       jumps between snapshots with no matching likes or comments.
 *   <li>{@code engagement_pod}: groups of 8–20 (mostly small) influencers whose posts each get comments
 *       from the same 20–40 pod accounts within the first hour, in nearly the same order, with
 *       generic praise ("Amazing! 🔥", "Świetne!"), plus the pod's likes.
 *   <li>{@code comment_bots}: bought comments, 0.3–3 per organic comment, from a shared bot farm:
 *       near-duplicate templates, emoji-only, mention-only and generic texts, within minutes.
 *   <li>{@code follow_churn}: follow/unfollow automation: every 3–6 days {@code following} rises by
 *       100–3,000 and falls back a day or two later, while followers creep up from follow-backs who
 *       never engage (and are mass followers in the audience samples).
 * </ul>
 *
 * <p>Guarantees: the same {@link Config} gives the same events in the same order and the same labels;
 * events are emitted in time order (ties by creation); every id carries the namespace prefix
 * {@code f<seed in base 36>-}; no event lies after {@link Config#end()}. Not thread-safe; {@link
 * #generate} runs once.
 */
public final class FraudPopulation {

  /** Default share of each label; organic takes the rest (about 53% plain, 7% viral). */
  public static final Map<FraudLabel, Double> DEFAULT_SHARES = defaultShares();

  private static final long DAY = 86_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final int BOT_FARM_SIZE = 3_000;

  /**
   * What to generate.
   *
   * @param end the instant of the last observation; day boundaries are UTC midnights, the last day
   *     is {@code end}'s date
   * @param shares share of influencers per label (organic gets the rest)
   */
  public record Config(long seed, int influencers, int days, Instant end, Map<FraudLabel, Double> shares) {

    public Config {
      if (influencers < 1) throw new IllegalArgumentException("influencers must be ≥ 1");
      if (days < 14) throw new IllegalArgumentException("days must be ≥ 14 (a baseline before injections)");
      Objects.requireNonNull(end, "end");
      shares = Map.copyOf(shares);
      double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
      if (shares.containsKey(FraudLabel.ORGANIC) || sum > 1 || shares.values().stream().anyMatch(s -> s < 0)) {
        throw new IllegalArgumentException("shares are for non-organic labels, each ≥ 0, summing to ≤ 1");
      }
    }

    /** Default shares, 400 influencers over 60 days ending at the current hour if not given. */
    public static Config of(long seed, int influencers, int days, Instant end) {
      return new Config(seed, influencers, days, end, DEFAULT_SHARES);
    }

    public static Config defaults(long seed) {
      return of(seed, 400, 60, Instant.now().truncatedTo(ChronoUnit.HOURS));
    }

    /** Prefix of every generated id. */
    public String namespace() {
      return "f" + Long.toUnsignedString(seed, 36);
    }
  }

  /** Events in time order and the labels (for tests and small populations). */
  public record Generated(List<IngestEvent> events, List<InfluencerLabel> labels) {}

  private final Config config;
  private final String prefix;
  private final long firstDayMillis;
  private final long endMillis;
  private final List<Creator> creators = new ArrayList<>();
  private final List<String> botFarm = new ArrayList<>();
  private final PriorityQueue<Pending> queue =
      new PriorityQueue<>(Comparator.comparingLong(Pending::at).thenComparingLong(Pending::sequence));
  private final PostTraffic posts;
  private long eventSequence;
  private boolean generated;

  private record Pending(long at, long sequence, IngestEvent event) {}

  public FraudPopulation(Config config) {
    this.config = Objects.requireNonNull(config, "config");
    this.prefix = config.namespace() + "-";
    this.endMillis = config.end().toEpochMilli();
    LocalDate lastDay = LocalDate.ofInstant(config.end(), ZoneOffset.UTC);
    this.firstDayMillis = lastDay.minusDays(config.days() - 1L).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    for (int b = 0; b < BOT_FARM_SIZE; b++) {
      botFarm.add(prefix + "bot" + b);
    }
    this.posts = new PostTraffic(prefix, botFarm, this::emit);
    plan(new SplittableRandom(config.seed()));
  }

  public Config config() {
    return config;
  }

  /** Generates everything into a list (fine for tests; use {@link #generate} for big populations). */
  public static Generated inMemory(Config config) {
    List<IngestEvent> events = new ArrayList<>();
    List<InfluencerLabel> labels = new FraudPopulation(config).generate(events::add);
    return new Generated(List.copyOf(events), labels);
  }

  /**
   * Writes {@code dir/events.ndjson} (one event per line, in time order) and {@code dir/labels.tsv}
   * (a header line, then one {@link InfluencerLabel} per influencer) and returns the labels.
   */
  public List<InfluencerLabel> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<InfluencerLabel> labels;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("events.ndjson")), 1 << 16)) {
      labels = generate(event -> {
        try {
          out.write(EventJson.toBytes(event));
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writeLabels(dir.resolve("labels.tsv"), labels);
    return labels;
  }

  public static void writeLabels(Path file, List<InfluencerLabel> labels) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join("\t", InfluencerLabel.COLUMNS));
      out.newLine();
      for (InfluencerLabel label : labels) {
        out.write(label.toTsv());
        out.newLine();
      }
    }
  }

  public static List<InfluencerLabel> readLabels(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(String.join("\t", InfluencerLabel.COLUMNS))) {
      throw new IOException(file + " does not start with the labels header");
    }
    return lines.stream().skip(1).filter(line -> !line.isBlank()).map(InfluencerLabel::fromTsv).toList();
  }

  /** Runs the simulation, handing every event to {@code sink} in time order; returns the labels. */
  public List<InfluencerLabel> generate(Consumer<IngestEvent> sink) {
    if (generated) throw new IllegalStateException("a population is generated once");
    generated = true;
    for (int day = 0; day < config.days(); day++) {
      long dayStart = firstDayMillis + day * DAY;
      for (Creator creator : creators) {
        simulateDay(creator, day, dayStart);
      }
      drain(dayStart + DAY, sink);
    }
    drain(Long.MAX_VALUE, sink);
    return labels();
  }

  private void drain(long before, Consumer<IngestEvent> sink) {
    while (!queue.isEmpty() && queue.peek().at() < before) {
      sink.accept(queue.poll().event());
    }
  }

  private void emit(Creator creator, long at, PostTraffic.EventMaker maker) {
    if (at > endMillis) return;
    creator.events++;
    long sequence = ++eventSequence;
    queue.add(new Pending(at, sequence, maker.make(prefix + "e" + sequence, Instant.ofEpochMilli(at))));
  }

  private void simulateDay(Creator c, int day, long dayStart) {
    long observedAt = dayStart + 5 * HOUR + c.random.nextInt((int) (4 * HOUR));
    long followers = c.followersOn(day);
    long following = c.following[day];
    emit(c, observedAt, (id, at) -> new FollowersObserved(id, c.id, c.platform, at, followers, following));
    boolean spike = day == c.spikeDay;
    if (day == c.nextPostDay || spike) {
      posts.publish(c, day, dayStart + publishingHour(c.random) * HOUR + c.random.nextInt((int) HOUR));
      c.nextPostDay = day + 1 + c.random.nextInt(c.maxGapDays);
    }
    for (int sampleDay : c.audienceDays) {
      if (sampleDay == day) {
        List<AudienceAccount> accounts = Audience.sample(c, day, prefix);
        emit(c, dayStart + 10 * HOUR + c.random.nextInt((int) (10 * HOUR)),
            (id, at) -> new AudienceSample(id, c.id, c.platform, at, accounts));
      }
    }
  }

  /** A UTC hour drawn from the local (UTC+1) activity rhythm, skipping the night. */
  private static int publishingHour(SplittableRandom random) {
    double total = 0;
    for (int h = 6; h < 24; h++) total += Norms.HOUR_WEIGHTS[h];
    double roll = random.nextDouble() * total;
    for (int h = 6; h < 24; h++) {
      roll -= Norms.HOUR_WEIGHTS[h];
      if (roll < 0) return h - 1;
    }
    return 22;
  }

  private List<InfluencerLabel> labels() {
    List<InfluencerLabel> labels = new ArrayList<>();
    int lastDay = config.days() - 1;
    LocalDate firstDay = LocalDate.ofInstant(Instant.ofEpochMilli(firstDayMillis), ZoneOffset.UTC);
    for (Creator c : creators) {
      long followers = c.followersOn(lastDay);
      labels.add(new InfluencerLabel(c.id, c.label, Tier.of(followers).wireName(), c.platform, followers,
          c.eventDay < 0 ? null : firstDay.plusDays(c.eventDay), Math.round(c.intensity * 100) / 100.0,
          c.pod == null ? null : c.pod.number(), c.events));
    }
    return List.copyOf(labels);
  }

  // ---------------------------------------------------------------- the plan

  private void plan(SplittableRandom random) {
    int n = config.influencers();
    long[] followers = new long[n];
    Platform[] platforms = new Platform[n];
    for (int i = 0; i < n; i++) {
      double tail = Math.pow(1.0 - random.nextDouble(), 1.0 / 0.65);
      followers[i] = (long) Math.min(40_000_000, 2_000 / tail);
      platforms[i] = platform(random.nextDouble());
    }
    FraudLabel[] labels = assignLabels(random, followers);
    for (int i = 0; i < n; i++) {
      double intensity = labels[i].isFraud() ? random.nextDouble() : 0;
      creators.add(new Creator(i, prefix + "i" + i, platforms[i], labels[i], intensity, followers[i],
          config.days(), random.split()));
    }
    formPods(random);
    for (Creator c : creators) {
      inject(c);
    }
  }

  private static Platform platform(double roll) {
    if (roll < 0.45) return Platform.INSTAGRAM;
    if (roll < 0.75) return Platform.TIKTOK;
    if (roll < 0.92) return Platform.YOUTUBE;
    return Platform.FACEBOOK;
  }

  /**
   * Exactly round(share × N) influencers per label; pod members are drawn from influencers under
   * 100k followers while there are any (pods are a small creators' tactic), the rest at random.
   */
  private FraudLabel[] assignLabels(SplittableRandom random, long[] followers) {
    int n = followers.length;
    FraudLabel[] labels = new FraudLabel[n];
    java.util.Arrays.fill(labels, FraudLabel.ORGANIC);
    List<Integer> small = new ArrayList<>();
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
      if (followers[i] < 100_000) small.add(i);
    }
    Collections.shuffle(small, new java.util.Random(random.nextLong()));
    Collections.shuffle(all, new java.util.Random(random.nextLong()));
    Map<FraudLabel, Integer> counts = countsPerLabel(config);
    int pods = counts.getOrDefault(FraudLabel.ENGAGEMENT_POD, 0);
    for (int i = 0, assigned = 0; i < small.size() && assigned < pods; i++, assigned++) {
      labels[small.get(i)] = FraudLabel.ENGAGEMENT_POD;
    }
    int next = 0;
    for (FraudLabel label : FraudLabel.values()) {
      if (label == FraudLabel.ORGANIC) continue;
      int wanted = counts.getOrDefault(label, 0)
          - (int) java.util.Arrays.stream(labels).filter(l -> l == label).count();
      while (wanted > 0 && next < n) {
        int candidate = all.get(next++);
        if (labels[candidate] == FraudLabel.ORGANIC) {
          labels[candidate] = label;
          wanted--;
        }
      }
    }
    return labels;
  }

  /** How many influencers get each label: round(share × N), organic the rest. */
  public static Map<FraudLabel, Integer> countsPerLabel(Config config) {
    Map<FraudLabel, Integer> counts = new EnumMap<>(FraudLabel.class);
    int assigned = 0;
    for (FraudLabel label : FraudLabel.values()) {
      if (label == FraudLabel.ORGANIC) continue;
      int count = (int) Math.round(config.shares().getOrDefault(label, 0.0) * config.influencers());
      count = Math.min(count, config.influencers() - assigned);
      counts.put(label, count);
      assigned += count;
    }
    counts.put(FraudLabel.ORGANIC, config.influencers() - assigned);
    return counts;
  }

  /** Pod members in groups of 8–20 (one group when there are fewer than 16), each with 20–40 accounts. */
  private void formPods(SplittableRandom random) {
    List<Creator> members = creators.stream().filter(c -> c.label == FraudLabel.ENGAGEMENT_POD).toList();
    if (members.isEmpty()) return;
    int groups = Math.max(1, Math.min((int) Math.round(members.size() / 14.0), members.size() / 8));
    groups = Math.max(groups, (members.size() + 19) / 20);
    for (int g = 0; g < groups; g++) {
      int size = 20 + random.nextInt(21);
      List<String> accounts = new ArrayList<>();
      for (int a = 0; a < size; a++) {
        accounts.add(prefix + "pod" + g + "-" + a);
      }
      Creator.Pod pod = new Creator.Pod(g, List.copyOf(accounts));
      int formedOn = (int) Math.floor(config.days() * (0.2 + 0.4 * random.nextDouble()));
      for (int m = g; m < members.size(); m += groups) {
        Creator member = members.get(m);
        member.pod = pod;
        member.podJoinDay = Math.min(config.days() - 1, formedOn + random.nextInt(4));
        member.eventDay = member.podJoinDay;
      }
    }
  }

  /** Shapes the plan of one influencer after its label. */
  private static void inject(Creator c) {
    double u = c.intensity;
    switch (c.label) {
      case ORGANIC -> {
        if (c.random.nextDouble() < 0.10) { // a shout-out or a good week: a small bump engagement follows
          c.spikeDay = c.between(0.2, 0.85);
          c.spikeViewsMultiplier = c.uniform(1.5, 2.5);
          c.jump(c.engaged, c.spikeDay + 1, c.uniform(0.02, 0.06), 0.6, 0.4);
        }
      }
      case ORGANIC_VIRAL -> {
        c.eventDay = c.between(0.25, 0.8);
        c.spikeDay = c.eventDay;
        c.spikeViewsMultiplier = c.uniform(4, 15);
        double followersJump = Creator.clamp(c.spikeViewsMultiplier * c.uniform(0.012, 0.04), 0.05, 0.6);
        c.jump(c.engaged, c.eventDay + 1, followersJump, 0.45, 0.35, 0.20);
      }
      case BOUGHT_FOLLOWERS -> {
        c.eventDay = c.between(0.25, 0.65);
        int purchases = 1 + (u > 0.5 ? 1 : 0) + (u > 0.85 ? 1 : 0);
        int day = c.eventDay;
        for (int p = 0; p < purchases && day < c.days - 1; p++) {
          double share = (0.06 + 0.5 * u) * c.uniform(0.8, 1.2) / (p + 1);
          c.jump(c.idle, day, share, 0.75, 0.25);
          day += 5 + c.random.nextInt(11);
        }
        c.decayIdle(c.eventDay + 2, 0.003);
      }
      case BOUGHT_LIKES -> {
        c.eventDay = c.between(0.2, 0.6);
        c.boostedShare = 0.3 + 0.7 * u;
        c.boostMultiplier = 1.3 + 3.5 * u;
        c.dripFeed = c.random.nextDouble() < 0.5 * (1 - u);
      }
      case BOUGHT_VIEWS -> {
        c.eventDay = c.between(0.2, 0.6);
        c.boostedShare = 0.3 + 0.7 * u;
        c.boostMultiplier = 1.5 + 8 * u;
      }
      case COMMENT_BOTS -> {
        c.eventDay = c.between(0.2, 0.6);
        c.botCommentRatio = 0.3 + 2.7 * u;
      }
      case FOLLOW_CHURN -> {
        c.eventDay = c.between(0.2, 0.6);
        churn(c, 100 + 2_900 * u);
      }
      case ENGAGEMENT_POD -> { } // formed with its group
    }
  }

  /**
   * Follow/unfollow cycles: follow {@code swing} (±40%) accounts over a day or two, unfollow them a
   * day or two later; 5–15% follow back and a third of those leave again when unfollowed.
   */
  private static void churn(Creator c, double swing) {
    int day = c.eventDay;
    while (day < c.days - 1) {
      long followed = Math.round(swing * c.uniform(0.6, 1.4));
      int followDays = 1 + c.random.nextInt(2);
      int holdDays = 1 + c.random.nextInt(2);
      double followBack = followed * c.uniform(0.05, 0.15);
      for (int i = 0; i < followDays; i++) {
        addFrom(c.following, day + i, Math.round((double) followed / followDays));
        addFrom(c.idle, day + i, followBack / followDays);
      }
      int unfollowDay = day + followDays + holdDays;
      addFrom(c.following, unfollowDay, -Math.round((double) followed / followDays) * followDays);
      addFrom(c.idle, unfollowDay + 1, -followBack / 3);
      day = unfollowDay + 1 + c.random.nextInt(4);
    }
  }

  private static void addFrom(long[] series, int day, long amount) {
    for (int d = day; d < series.length; d++) series[d] = Math.max(0, series[d] + amount);
  }

  private static void addFrom(double[] series, int day, double amount) {
    for (int d = day; d < series.length; d++) series[d] = Math.max(0, series[d] + amount);
  }

  private static Map<FraudLabel, Double> defaultShares() {
    Map<FraudLabel, Double> shares = new LinkedHashMap<>();
    shares.put(FraudLabel.ORGANIC_VIRAL, 0.07);
    shares.put(FraudLabel.BOUGHT_FOLLOWERS, 0.08);
    shares.put(FraudLabel.BOUGHT_LIKES, 0.06);
    shares.put(FraudLabel.BOUGHT_VIEWS, 0.05);
    shares.put(FraudLabel.ENGAGEMENT_POD, 0.08);
    shares.put(FraudLabel.COMMENT_BOTS, 0.06);
    shares.put(FraudLabel.FOLLOW_CHURN, 0.07);
    return Collections.unmodifiableMap(shares);
  }
}
