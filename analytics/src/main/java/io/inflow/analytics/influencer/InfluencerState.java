package io.inflow.analytics.influencer;

import io.inflow.analytics.common.BatchSplit;
import io.inflow.analytics.common.EngagementRates;
import io.inflow.analytics.common.EventLedger;
import io.inflow.analytics.common.PostCounters;
import io.inflow.analytics.common.PostTotals;
import io.inflow.analytics.common.Tier;
import io.inflow.protocol.api.InfluencerView;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.ConversionStatus;
import io.inflow.protocol.event.FollowersObserved;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.Platform;
import java.time.Instant;
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
  private final boolean pristine;
  private long commentsReceived;
  private long clicks;
  private long conversions;

  private InfluencerState(String influencerId, Map<Platform, Account> accounts, PostTotals posts,
      EventLedger ledger, java.util.SortedSet<String> campaigns, boolean pristine) {
    this.influencerId = influencerId;
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
  public static InfluencerState empty(String influencerId, int dedupGenerationSize) {
    return new InfluencerState(influencerId, new EnumMap<>(Platform.class), new PostTotals(),
        EventLedger.empty(dedupGenerationSize), new java.util.TreeSet<>(), true);
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
            new java.util.TreeSet<>(), false)
        : this;
    if (event instanceof InfluencerEvent.BatchRecorded batch) {
      for (IngestEvent e : batch.events()) target.record(e);
    }
    return target;
  }

  private void record(IngestEvent event) {
    if (!ledger.admit(event)) return;
    if (event.campaignId() != null) campaigns.add(event.campaignId());
    if (posts.record(event, event.campaignId())) return;
    if (event instanceof FollowersObserved f) {
      Account old = accounts.get(f.platform());
      if (old == null || !f.observedAt().isBefore(old.observedAt())) {
        accounts.put(f.platform(), new Account(f.followers(), f.following(), f.observedAt()));
      }
    } else if (event instanceof CommentPosted) {
      commentsReceived++;
    } else if (event instanceof Click) {
      clicks++;
    } else if (event instanceof Conversion c && c.status() == ConversionStatus.PAID) {
      conversions++;
    }
    // audience.sample and spend are kept in the journal for the fraud and cost issues.
  }

  /** Campaigns this influencer's events named. */
  public java.util.Set<String> campaigns() {
    return java.util.Collections.unmodifiableSet(campaigns);
  }

  public long followers() {
    return accounts.values().stream().mapToLong(Account::followers).sum();
  }

  public InfluencerView view() {
    long followers = followers();
    long following = accounts.values().stream().mapToLong(Account::following).sum();
    String platform = accounts.entrySet().stream()
        .max(Map.Entry.comparingByValue(Comparator.comparingLong(Account::followers)))
        .map(e -> e.getKey().wireName())
        .orElseGet(() -> posts.latestByPost().values().stream()
            .map(PostCounters::platform).filter(Objects::nonNull)
            .map(Platform::wireName).findFirst().orElse(null));
    Map<String, InfluencerView.AccountView> accountViews = new TreeMap<>();
    accounts.forEach((p, a) -> accountViews.put(p.wireName(),
        new InfluencerView.AccountView(a.followers(), a.following(), a.observedAt())));
    return new InfluencerView(influencerId, platform, followers, following,
        Tier.of(followers).wireName(), accountViews, posts.posts(), posts.views(),
        posts.impressions(), posts.reach(), posts.likes(), posts.comments(), posts.shares(),
        posts.saves(), posts.engagements(),
        EngagementRates.byFollowers(posts.engagements(), posts.postsWithMetrics(), followers),
        commentsReceived, clicks, conversions, ledger.eventsRecorded(), ledger.updatedAt(), List.copyOf(campaigns));
  }

  public InfluencerSnapshot snapshot() {
    long[][] generations = ledger.seenGenerations();
    return new InfluencerSnapshot(influencerId, Map.copyOf(accounts), posts.latestByPost(),
        commentsReceived, clicks, conversions, ledger.eventsRecorded(), ledger.updatedAt(),
        ledger.dedupGenerationSize(), generations[0], generations[1], java.util.List.copyOf(campaigns));
  }

  public static InfluencerState restore(InfluencerSnapshot s) {
    Map<Platform, Account> accounts = new EnumMap<>(Platform.class);
    accounts.putAll(s.accounts());
    InfluencerState state = new InfluencerState(s.influencerId(), accounts, PostTotals.restore(s.posts()),
        EventLedger.restore(s.dedupGenerationSize(), s.seenPrevious(), s.seenCurrent(), s.eventsRecorded(),
            s.updatedAt()), new java.util.TreeSet<>(s.campaigns() == null ? java.util.List.of() : s.campaigns()), false);
    state.commentsReceived = s.commentsReceived();
    state.clicks = s.clicks();
    state.conversions = s.conversions();
    return state;
  }
}
