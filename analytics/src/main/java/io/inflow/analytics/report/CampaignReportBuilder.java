package io.inflow.analytics.report;

import io.inflow.analytics.campaign.CampaignEvent;
import io.inflow.analytics.campaign.OrderState;
import io.inflow.analytics.kpi.AttributionIndex;
import io.inflow.analytics.kpi.KpiSettings;
import io.inflow.analytics.window.BucketSize;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.CampaignReport;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.IngestEvent;
import io.inflow.protocol.event.PostMetrics;
import io.inflow.protocol.event.PostPublished;
import io.inflow.protocol.event.Spend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Builds a campaign's {@link CampaignReport} over [from, to) from its journal: feed every {@link
 * CampaignEvent} in journal order to {@link #accept}, then call {@link #build}. The report of a range
 * holding every event agrees with the campaign view ({@link io.inflow.analytics.campaign.CampaignState})
 * on every total. What is dated where:
 * <ul>
 *   <li>post counters are cumulative: the growth between consecutive observations of a post (in
 *       {@code observedAt} order, whatever order they arrived in) is dated at the later one, the
 *       first observation's counters at it; observations before {@code from} are the baseline of
 *       growth inside the range. Growth belongs to the post, its influencer and its platform (those
 *       of its latest observation, else of its {@code post.published});
 *   <li>a post counts once, at its earliest publishedAt, or at its first observation when no
 *       {@code post.published} names it (the view counts those posts too);
 *   <li>comments at postedAt, under their own influencer and post (by platform: the platform of
 *       the post they are under, the null key when that post is unknown); clicks and spend at
 *       occurredAt, under their influencer (by post or platform: the null key);
 *   <li>each conversion event changes its order's revenue and conversion count (as {@link
 *       OrderState} folds events in journal order), dated at the event's occurredAt; the whole order
 *       belongs to the influencer the campaign attributes it to in the end: its own influencerId,
 *       else its attribution resolved through the latest definition's enrolment (else the null key).
 * </ul>
 * Money is counted in the reporting currency only: the latest definition's, else the only currency
 * seen in spend and paid orders, else none, in which case every money field and money ratio is null.
 * Conversions count in every currency, as in the view.
 *
 * <p>Events are assumed de-duplicated, as the journal holds them: a post snapshot sent twice changes
 * nothing, but a repeated click, comment or spend event would count twice.
 *
 * <p>Memory is proportional to the campaign's post observations inside the range (plus one per post
 * before it) and its orders, plus one cell per key and bucket with clicks, comments or spend: not to
 * the number of events. Mutable and not thread-safe; {@link #build} may be called at any time and
 * changes nothing.
 */
public final class CampaignReportBuilder {
  /** The most series points a report may have. */
  public static final int MAX_POINTS = 5_000;

  /** The cell of one key (null allowed) in one bucket. */
  private record Cell(String key, int bucket) {}

  private final String campaignId;
  private final Instant from;
  private final Instant to;
  private final ReportBuckets buckets;
  private final ReportDimension by;
  private final KpiSettings settings;
  private final Map<String, PostHistory> posts = new HashMap<>();
  private final Map<String, OrderHistory> orders = new HashMap<>();
  private final Map<Cell, Sums> cells = new HashMap<>();
  private final Map<Cell, Sums> commentsByPost = new HashMap<>();
  private final TreeSet<String> currenciesSeen = new TreeSet<>();
  private CampaignDefinition definition;

  /**
   * @throws IllegalArgumentException when {@code to} is not after {@code from}, or the series would
   *     have more than {@link #MAX_POINTS} points
   */
  public CampaignReportBuilder(String campaignId, Instant from, Instant to, BucketSize bucket, ReportDimension by,
      KpiSettings settings) {
    if (by == null || settings == null) throw new IllegalArgumentException("a dimension and KPI settings are required");
    this.buckets = new ReportBuckets(from, to, bucket, MAX_POINTS);
    this.campaignId = campaignId;
    this.from = from;
    this.to = to;
    this.by = by;
    this.settings = settings;
  }

  /** The bucket size named {@code hour}, {@code day} or {@code week} (any case), or empty. */
  public static Optional<BucketSize> bucketSizeFromWire(String name) {
    return WireNames.parse(BucketSize.class, name);
  }

  /** Takes the next journal event into account. */
  public void accept(CampaignEvent event) {
    if (event instanceof CampaignEvent.CampaignDefined defined) {
      definition = defined.definition();
    } else if (event instanceof CampaignEvent.BatchRecorded batch) {
      for (IngestEvent e : batch.events()) record(e);
    }
  }

  private void record(IngestEvent event) {
    if (event instanceof PostPublished p) {
      post(p.postId()).published(p);
    } else if (event instanceof PostMetrics m) {
      post(m.postId()).observe(m, buckets);
    } else if (event instanceof CommentPosted c) {
      int bucket = buckets.indexOf(c.postedAt());
      if (bucket < 0) return;
      if (by == ReportDimension.PLATFORM) {
        // the post's platform may come later
        commentsByPost.computeIfAbsent(new Cell(c.postId(), bucket), k -> new Sums()).comment(c.sentiment());
      } else {
        cell(by == ReportDimension.POST ? c.postId() : c.influencerId(), bucket).comment(c.sentiment());
      }
    } else if (event instanceof Click c) {
      int bucket = buckets.indexOf(c.occurredAt());
      if (bucket >= 0) cell(influencerKey(c.influencerId()), bucket).clicks++;
    } else if (event instanceof Spend s) {
      currenciesSeen.add(s.currency());
      int bucket = buckets.indexOf(s.occurredAt());
      if (bucket >= 0) cell(influencerKey(s.influencerId()), bucket).addSpend(s.currency(), s.amount());
    } else if (event instanceof Conversion c) {
      OrderHistory order = orders.computeIfAbsent(c.orderId(), id -> new OrderHistory());
      if (order.apply(c, buckets)) currenciesSeen.add(order.state().currency());
    }
  }

  private PostHistory post(String postId) {
    return posts.computeIfAbsent(postId, id -> new PostHistory());
  }

  private Sums cell(String key, int bucket) {
    return cells.computeIfAbsent(new Cell(key, bucket), c -> new Sums());
  }

  /** Clicks and spend name at most an influencer: by post or platform they have no key. */
  private String influencerKey(String influencerId) {
    return by == ReportDimension.INFLUENCER ? influencerId : null;
  }

  /** The report of everything accepted so far. */
  public CampaignReport build() {
    Tally tally = new Tally(buckets.count());
    cells.forEach((cell, sums) -> tally.add(cell.key(), cell.bucket(), sums));
    commentsByPost.forEach((cell, sums) -> {
      PostHistory post = posts.get(cell.key());
      tally.add(post == null ? null : post.platformKey(), cell.bucket(), sums);
    });
    posts.forEach((postId, post) -> {
      String key = switch (by) {
        case INFLUENCER -> post.influencerId();
        case POST -> postId;
        case PLATFORM -> post.platformKey();
      };
      post.forEachGrowth((at, growth) -> tally.add(key, buckets.indexOf(at), growth));
      int published = buckets.indexOf(post.countedAt());
      if (published >= 0) {
        Sums one = new Sums();
        one.posts = 1;
        tally.add(key, published, one);
      }
    });
    AttributionIndex attribution = AttributionIndex.of(definition);
    orders.values().forEach(order -> {
      String key = by == ReportDimension.INFLUENCER ? attributedInfluencer(order.state(), attribution) : null;
      for (OrderHistory.Change change : order.changes()) {
        Sums sums = new Sums();
        sums.conversions = change.conversions();
        sums.addRevenue(order.state().currency(), change.revenue());
        tally.add(key, change.bucket(), sums);
      }
    });
    return tally.report(reportingCurrency());
  }

  /** As the campaign attributes an order: its own influencer, else its attribution through the enrolment. */
  private static String attributedInfluencer(OrderState order, AttributionIndex attribution) {
    if (order.explicitInfluencerId() != null) return order.explicitInfluencerId();
    return order.attribution() == null ? null : attribution.resolve(order.attribution()).orElse(null);
  }

  /** As the campaign view: the definition's currency, else the only one seen, else null. */
  private String reportingCurrency() {
    if (definition != null) return definition.currency();
    return currenciesSeen.size() == 1 ? currenciesSeen.first() : null;
  }

  /** Sums the cells into the total, the series points and the breakdown rows at once. */
  private final class Tally {
    private final Sums total = new Sums();
    private final Sums[] series;
    private final Map<String, Sums> breakdown = new HashMap<>();

    Tally(int points) {
      series = new Sums[points];
      for (int i = 0; i < points; i++) series[i] = new Sums();
    }

    void add(String key, int bucket, Sums sums) {
      if (bucket < 0 || sums.isZero()) return;
      total.add(sums);
      series[bucket].add(sums);
      breakdown.computeIfAbsent(key, k -> new Sums()).add(sums);
    }

    CampaignReport report(String currency) {
      List<CampaignReport.Point> points = new ArrayList<>(series.length);
      for (int i = 0; i < series.length; i++) {
        points.add(new CampaignReport.Point(buckets.start(i), buckets.end(i), series[i].toRow(currency, settings)));
      }
      List<CampaignReport.Entry> entries = new ArrayList<>(breakdown.size());
      breakdown.forEach((key, sums) -> entries.add(new CampaignReport.Entry(key, sums.toRow(currency, settings))));
      entries.sort(BREAKDOWN_ORDER);
      return new CampaignReport(campaignId, from, to, WireNames.of(buckets.size()), by.wireName(), currency,
          total.toRow(currency, settings), points, entries);
    }
  }

  /** Revenue, then views, descending; ties by key, the null key last. */
  private static final Comparator<CampaignReport.Entry> BREAKDOWN_ORDER =
      Comparator.<CampaignReport.Entry, BigDecimal>comparing(e -> e.row().revenue() == null ? BigDecimal.ZERO : e.row().revenue())
          .thenComparingLong(e -> e.row().views())
          .reversed()
          .thenComparing(CampaignReport.Entry::key, Comparator.nullsLast(Comparator.naturalOrder()));
}
