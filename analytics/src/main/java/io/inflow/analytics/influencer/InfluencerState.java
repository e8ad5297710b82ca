package io.inflow.analytics.influencer;

import io.inflow.analytics.common.BatchSplit;
import io.inflow.analytics.common.EventLedger;
import io.inflow.analytics.common.PostCounters;
import io.inflow.analytics.common.PostTotals;
import io.inflow.analytics.common.Tier;
import io.inflow.analytics.kpi.KpiCalculator;
import io.inflow.analytics.kpi.KpiSettings;
import io.inflow.analytics.kpi.Kpis;
import io.inflow.analytics.kpi.WindowKpis;
import io.inflow.analytics.window.ActivityWindows;
import io.inflow.analytics.window.Metric;
import io.inflow.analytics.window.RollingCounters.Window;
import io.inflow.protocol.api.FollowerGrowth;
import io.inflow.protocol.api.InfluencerListItem;
import io.inflow.protocol.api.InfluencerView;
import io.inflow.protocol.api.InfluencerWindow;
import io.inflow.analytics.fraud.CoordinationFinding;
import io.inflow.analytics.fraud.FraudScorer;
import io.inflow.analytics.fraud.FraudTracker;
import io.inflow.analytics.fraud.accounts.AccountScorer;
import io.inflow.analytics.sentiment.SentimentLabel;
import io.inflow.analytics.sentiment.SentimentTally;
import io.inflow.protocol.api.FraudReport;
import io.inflow.protocol.event.AudienceSample;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.PostPublished;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.Platform;
import io.inflow.protocol.event.PostMetrics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything Inflow knows about one influencer, rebuilt from its journal. Mutable and owned by a
 * single entity: it changes only in {@link #apply(InfluencerEvent)}, after the event is persisted.
 * Readers get an immutable {@link InfluencerView}; snapshots get an immutable {@link InfluencerSnapshot}.
 */
public final class InfluencerState {

  /** Latest counts of one platform account. */
  public record Account(long followers, long following, Instant observedAt) {}

  private final String influencerId;
  private final Map<Platform, Account> accounts;
  private final PostTotals posts;
  private final EventLedger ledger;
  private final java.util.SortedSet<String> campaigns;
  private final ActivityWindows windows;
  private final boolean pristine;
  /** Null when fraud scoring is off. */
  private final FraudTracker fraud;
  private final AccountScorer accountScorer;
  private final SentimentTally sentiment;
  private long commentsReceived;
  private long clicks;
  private long conversions;

  private InfluencerState(String influencerId, Map<Platform, Account> accounts, PostTotals posts,
      EventLedger ledger, java.util.SortedSet<String> campaigns, ActivityWindows windows, boolean pristine,
      FraudTracker fraud, AccountScorer accountScorer, SentimentTally sentiment) {
    this.influencerId = influencerId;
    this.sentiment = sentiment;
    this.fraud = fraud;
    this.accountScorer = accountScorer;
    this.windows = windows;
    this.campaigns = campaigns;
    this.accounts = accounts;
    this.posts = posts;
    this.ledger = ledger;
    this.pristine = pristine;
  }

  /**
   * The state before any event. It is never changed itself: the first {@link #apply} returns a new
   * working instance, so a restarted entity that recovers from this same object starts clean.
   */
  public static InfluencerState empty(String influencerId, int dedupWindow) {
    return empty(influencerId, dedupWindow, null);
  }

  /**
   * @param accountScorer classifies the accounts of {@code audience.sample} events for the audience
   *     quality signal; null leaves samples unjudged
   */
  public static InfluencerState empty(String influencerId, int dedupWindow, AccountScorer accountScorer) {
    return empty(influencerId, dedupWindow, accountScorer, true);
  }

  /**
   * @param fraudScoring false keeps no fraud material at all ({@code inflow.fraud.enabled = false}):
   *     the fraud report and level are then unavailable
   */
  public static InfluencerState empty(String influencerId, int dedupWindow, AccountScorer accountScorer,
      boolean fraudScoring) {
    return new InfluencerState(influencerId, new EnumMap<>(Platform.class), new PostTotals(),
        EventLedger.empty(dedupWindow), new java.util.TreeSet<>(), ActivityWindows.create(), true,
        fraudScoring ? new FraudTracker() : null, accountScorer, new SentimentTally());
  }

  /** Whether this state keeps fraud material (see {@link #empty(String, int, AccountScorer, boolean)}). */
  public boolean fraudScoring() {
    return fraud != null;
  }

  /** True until the first event is recorded: such an influencer is unknown to readers. */
  public boolean isEmpty() {
    return ledger.eventsRecorded() == 0;
  }

  /** Splits a command's events into new ones and duplicates, without changing anything. */
  public BatchSplit split(List<IngestEvent> events) {
    return ledger.split(events);
  }

  public InfluencerState apply(InfluencerEvent event) {
    InfluencerState target = pristine
        ? new InfluencerState(influencerId, new EnumMap<>(Platform.class), new PostTotals(), ledger.fresh(),
            new java.util.TreeSet<>(), ActivityWindows.create(), false, fraud == null ? null : new FraudTracker(),
            accountScorer, new SentimentTally())
        : this;
    if (event instanceof InfluencerEvent.BatchRecorded batch) {
      for (IngestEvent e : batch.events()) target.record(e);
    } else if (event instanceof InfluencerEvent.CoordinationObserved c && target.fraud != null) {
      target.fraud.observeCoordination(c.finding());
    }
    return target;
  }

  private void record(IngestEvent event) {
    if (!ledger.admit(event)) return;
    if (event.campaignId() != null) campaigns.add(event.campaignId());
    if (event instanceof PostMetrics m) {
      if (fraud != null) fraud.observePost(m);
      PostCounters counters = PostCounters.of(m);
      posts.observe(m.postId(), counters);
      windows.observePost(m.postId(), counters);
      return;
    }
    if (event instanceof PostPublished p && fraud != null) fraud.observePublished(p);
    if (posts.record(event, event.campaignId())) return;
    if (event instanceof FollowersObserved f) {
      if (fraud != null) fraud.observeFollowers(f);
      windows.observeFollowers(f.platform().wireName(), f.observedAt(), f.followers());
      Account old = accounts.get(f.platform());
      if (old == null || !f.observedAt().isBefore(old.observedAt())) {
        accounts.put(f.platform(), new Account(f.followers(), f.following(), f.observedAt()));
      }
    } else if (event instanceof CommentPosted c) {
      commentsReceived++;
      windows.add(c.postedAt(), Metric.COMMENTS_RECEIVED, 1);
      if (fraud != null) fraud.observeComment(c);
      SentimentLabel label = sentiment.observe(c.postId(), c.postedAt(), c.sentiment());
      if (label != null) windows.add(c.postedAt(), SentimentTally.metricOf(label), 1);
    } else if (event instanceof AudienceSample a) {
      if (accountScorer != null && fraud != null) fraud.observeAudience(a.accounts().stream().map(accountScorer::classify).toList());
    } else if (event instanceof Click c) {
      clicks++;
      windows.add(c.occurredAt(), Metric.CLICKS, 1);
    } else if (event instanceof Conversion c && c.status() == ConversionStatus.PAID) {
      conversions++;
      windows.add(c.occurredAt(), Metric.CONVERSIONS, 1);
    }
    // spend is kept in the journal for the cost issue.
  }

  /** Campaigns this influencer's events named. */
  public java.util.Set<String> campaigns() {
    return java.util.Collections.unmodifiableSet(campaigns);
  }

  public long followers() {
    return accounts.values().stream().mapToLong(Account::followers).sum();
  }

  public InfluencerView view() {
    return view(Instant.now(), KpiSettings.defaults());
  }

  /** The account with the most followers, else the platform of a post, else null. */
  private String platform() {
    return accounts.entrySet().stream()
        .max(Map.Entry.comparingByValue(Comparator.comparingLong(Account::followers)))
        .map(e -> e.getKey().wireName())
        .orElseGet(() -> posts.latestByPost().values().stream()
            .map(PostCounters::platform).filter(Objects::nonNull)
            .map(Platform::wireName).findFirst().orElse(null));
  }

  /**
   * The immutable view, with rolling windows ending at {@code now}; engagements and rates use the
   * settings' engagement actions.
   */
  public InfluencerView view(Instant now, KpiSettings settings) {
    long followers = followers();
    long following = accounts.values().stream().mapToLong(Account::following).sum();
    String platform = platform();
    Map<String, InfluencerView.AccountView> accountViews = new TreeMap<>();
    accounts.forEach((p, a) -> accountViews.put(p.wireName(),
        new InfluencerView.AccountView(a.followers(), a.following(), a.observedAt())));
    Map<String, InfluencerWindow> windowViews = new LinkedHashMap<>();
    for (Window w : Window.values()) windowViews.put(w.wireName(), window(w, now, followers, settings));
    Kpis toDate = KpiCalculator.compute(toDateInputs(followers), settings);
    return new InfluencerView(influencerId, platform, followers, following,
        Tier.of(followers).wireName(), accountViews, posts.posts(), posts.views(),
        posts.impressions(), posts.reach(), posts.likes(), posts.comments(), posts.shares(),
        posts.saves(), toDate.engagements(), toDate.engagementRateByFollowers(),
        commentsReceived, clicks, conversions, ledger.eventsRecorded(), ledger.updatedAt(), List.copyOf(campaigns),
        windowViews, growth(now, followers), sentiment.view(windows::sum, now, null));
  }

  /**
   * The influencer's row in the ranked list, at {@code now}: the same numbers as {@link #view(Instant, KpiSettings)}
   * without the windows, plus the fraud score and level ({@code scorer}'s, without sentences or
   * history; null when scoring is off or {@code scorer} is null) and the latest coordination partners.
   * Cheap enough to compute for every changed influencer each read-model flush (a score is a few
   * microseconds).
   */
  public InfluencerListItem summary(Instant now, KpiSettings settings, FraudScorer scorer) {
    long followers = followers();
    Kpis toDate = KpiCalculator.compute(toDateInputs(followers), settings);
    long month = windows.sum(Metric.FOLLOWER_GROWTH, Window.LAST_30_DAYS, now);
    FraudReport fraudScore = fraud == null || scorer == null ? null : scorer.score(influencerId, fraud, followers);
    CoordinationFinding pod = fraud == null ? null : fraud.coordinationEvidence();
    return new InfluencerListItem(influencerId, platform(), Tier.of(followers).wireName(), followers,
        toDate.engagementRateByFollowers(), posts.posts(), posts.views(), toDate.engagements(), List.copyOf(campaigns),
        ledger.updatedAt(), month, growthRate(month, followers),
        fraudScore == null ? null : fraudScore.score(), fraudScore == null ? null : fraudScore.level(),
        pod == null ? List.of() : pod.partners(), pod == null ? 0 : pod.sharedAuthorsMax());
  }

  private io.inflow.analytics.kpi.KpiInputs toDateInputs(long followers) {
    return io.inflow.analytics.kpi.KpiInputs.builder().views(posts.views()).impressions(posts.impressions())
        .reach(posts.reach()).likes(posts.likes()).comments(posts.comments()).shares(posts.shares())
        .saves(posts.saves()).followers(followers).posts(posts.postsWithMetrics()).build();
  }

  private InfluencerWindow window(Window w, Instant now, long followers, KpiSettings settings) {
    Kpis k = KpiCalculator.compute(WindowKpis.inputs(windows, w, now, null, followers), settings);
    return new InfluencerWindow(k.posts(), k.views(), k.impressions(), k.reach(), k.likes(), k.comments(),
        k.shares(), k.saves(), k.engagements(), windows.sum(Metric.COMMENTS_RECEIVED, w, now), k.clicks(),
        k.conversions(), windows.sum(Metric.FOLLOWER_GROWTH, w, now), k.engagementRateByFollowers(),
        k.engagementRateByReach(), k.engagementRateByViews());
  }

  private FollowerGrowth growth(Instant now, long followers) {
    long week = windows.sum(Metric.FOLLOWER_GROWTH, Window.LAST_7_DAYS, now);
    long month = windows.sum(Metric.FOLLOWER_GROWTH, Window.LAST_30_DAYS, now);
    return new FollowerGrowth(week, growthRate(week, followers), month, growthRate(month, followers));
  }

  /** change ÷ followers at the window's start; null when that start is not positive. */
  private static BigDecimal growthRate(long change, long followers) {
    long before = followers - change;
    if (before <= 0) return null;
    return BigDecimal.valueOf(change).divide(BigDecimal.valueOf(before), KpiCalculator.RATE_PRECISION);
  }

  /** The fraud report, judged from event times; {@code now} is only stamped on it. */
  public FraudReport fraudReport(Instant now, FraudScorer scorer) {
    return scorer.report(influencerId, tracker(), followers(), now);
  }

  /** The fraud level alone (what alerts compare). */
  public String fraudLevel(FraudScorer scorer) {
    return scorer.score(influencerId, tracker(), followers()).level();
  }

  private FraudTracker tracker() {
    if (fraud == null) throw new IllegalStateException("fraud scoring is off for " + influencerId);
    return fraud;
  }

  public InfluencerSnapshot snapshot() {
    long[][] generations = ledger.seenGenerations();
    return new InfluencerSnapshot(influencerId, Map.copyOf(accounts), posts.latestByPost(),
        commentsReceived, clicks, conversions, ledger.eventsRecorded(), ledger.updatedAt(),
        ledger.dedupWindow(), generations[0], generations[1], java.util.List.copyOf(campaigns),
        windows.toBytes(), fraud == null ? null : fraud.snapshot(), sentiment.snapshot());
  }

  public static InfluencerState restore(InfluencerSnapshot s) {
    return restore(s, null);
  }

  public static InfluencerState restore(InfluencerSnapshot s, AccountScorer accountScorer) {
    return restore(s, accountScorer, true);
  }

  /** A snapshot taken with scoring off restores with empty fraud material when scoring is on. */
  public static InfluencerState restore(InfluencerSnapshot s, AccountScorer accountScorer, boolean fraudScoring) {
    Map<Platform, Account> accounts = new EnumMap<>(Platform.class);
    accounts.putAll(s.accounts());
    InfluencerState state = new InfluencerState(s.influencerId(), accounts, PostTotals.restore(s.posts()),
        EventLedger.restore(s.dedupGenerationSize(), s.seenPrevious(), s.seenCurrent(), s.eventsRecorded(),
            s.updatedAt()), new java.util.TreeSet<>(s.campaigns() == null ? java.util.List.of() : s.campaigns()),
        ActivityWindows.fromBytes(s.windows()), false, fraudScoring ? FraudTracker.restore(s.fraud()) : null, accountScorer,
        SentimentTally.restore(s.sentiment()));
    state.commentsReceived = s.commentsReceived();
    state.clicks = s.clicks();
    state.conversions = s.conversions();
    return state;
  }
}
