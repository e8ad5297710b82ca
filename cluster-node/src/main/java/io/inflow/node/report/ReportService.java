package io.inflow.node.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.inflow.analytics.campaign.CampaignEvent;
import io.inflow.analytics.kpi.KpiSettings;
import io.inflow.analytics.report.CampaignReportBuilder;
import io.inflow.analytics.report.ReportDimension;
import io.inflow.analytics.window.BucketSize;
import io.inflow.node.campaign.CampaignEntity;
import io.inflow.protocol.api.CampaignReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.typed.PersistenceId;

/**
 * Campaign reports ({@code GET /api/v1/campaigns/{id}/report}): reads the campaign's whole journal
 * from the read journal and folds it through a {@link CampaignReportBuilder}. The journal holds every
 * event the campaign ever accepted (snapshots never delete events), so any range and bucket is exact,
 * and a report reflects every acknowledged write. The builder's memory grows with post snapshots and
 * orders in the range, not with the number of events.
 *
 * <p><b>Folds are kept and resumed.</b> A builder's {@link CampaignReportBuilder#build} reports
 * everything accepted so far without consuming it, so the builder of each recent (campaign, range,
 * bucket, dimension) is kept with the journal sequence number it has read up to, and the next request
 * for the same report reads only the events persisted since. A dashboard that refreshes a campaign's
 * report after each live update then costs a short journal read, not the whole journal each time.
 * Requests for one report are folded one after another; different reports run in parallel. At most
 * {@code cacheEntries} folds are kept (Caffeine: least recently and least frequently used go first,
 * so one-off ranges do not push out the reports dashboards poll), each dropped after {@code cacheIdle}
 * without a request. A fold that fails (timeout) keeps what it read and resumes from there.
 */
public final class ReportService {
  private final ActorSystem<?> system;
  private final CurrentEventsByPersistenceIdQuery journal;
  private final KpiSettings settings;
  private final Duration timeout;
  private final Cache<Key, Fold> folds;

  /** What a report is of: the request's parameters. */
  private record Key(String campaignId, Instant from, Instant to, BucketSize bucket, ReportDimension by) {}

  /** One report's builder and how far into the journal it has read; {@code tail} orders the requests for it. */
  private static final class Fold {
    final CampaignReportBuilder builder;
    long readUpTo;
    long events;
    CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    Fold(CampaignReportBuilder builder) {
      this.builder = builder;
    }
  }

  /**
   * @param readJournalPluginId the read journal of the configured journal (Cassandra's
   *     {@code pekko.persistence.cassandra.query} in production)
   * @param cacheEntries folds kept for resuming (0: every report reads the whole journal)
   * @param cacheIdle a kept fold is dropped after this long without a request
   */
  public ReportService(ActorSystem<?> system, String readJournalPluginId, KpiSettings settings, Duration timeout,
      int cacheEntries, Duration cacheIdle) {
    this.system = system;
    this.journal = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournalPluginId);
    this.settings = settings;
    this.timeout = timeout;
    if (cacheEntries < 0) throw new IllegalArgumentException("inflow.report.cache-entries must be ≥ 0");
    this.folds = Caffeine.newBuilder().maximumSize(cacheEntries).expireAfterAccess(cacheIdle).build();
  }

  /**
   * The report, or empty when the campaign has no journal (never defined, no event).
   *
   * @throws IllegalArgumentException for an empty range or too many points (the message says which)
   */
  public CompletionStage<Optional<CampaignReport>> report(String campaignId, Instant from, Instant to,
      BucketSize bucket, ReportDimension by) {
    // built first, outside the cache, so a bad range fails the request before anything is kept
    CampaignReportBuilder fresh = new CampaignReportBuilder(campaignId, from, to, bucket, by, settings);
    Fold fold = folds.get(new Key(campaignId, from, to, bucket, by), key -> new Fold(fresh));
    CompletableFuture<Optional<CampaignReport>> result;
    synchronized (fold) {
      result = fold.tail.handle((ignored, failure) -> null).thenCompose(ignored -> resume(campaignId, fold));
      fold.tail = result;
    }
    return result;
  }

  /** Reads the campaign's events after those the fold has seen, then builds the report. */
  private CompletableFuture<Optional<CampaignReport>> resume(String campaignId, Fold fold) {
    String persistenceId = PersistenceId.of(CampaignEntity.ENTITY_KEY.name(), campaignId).id();
    // the stream runs its stages one element at a time, and folds of one report one after another,
    // so the builder sees one thread at a time
    return journal.currentEventsByPersistenceId(persistenceId, fold.readUpTo + 1, Long.MAX_VALUE)
        .completionTimeout(timeout)
        .runForeach(envelope -> {
          fold.builder.accept((CampaignEvent) envelope.event());
          fold.readUpTo = envelope.sequenceNr();
          fold.events++;
        }, system)
        .thenApply(done -> fold.events == 0 ? Optional.<CampaignReport>empty() : Optional.of(fold.builder.build()))
        .toCompletableFuture();
  }
}
