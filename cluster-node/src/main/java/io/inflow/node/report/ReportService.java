package io.inflow.node.report;

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
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.typed.PersistenceId;

/**
 * Campaign reports ({@code GET /api/v1/campaigns/{id}/report}): reads the campaign's whole journal
 * from the read journal and folds it through a {@link CampaignReportBuilder}. The journal holds every
 * event the campaign ever accepted (snapshots never delete events), so any range and bucket is exact,
 * and a report reflects every acknowledged write. Cost is one sequential journal read per report,
 * proportional to the campaign's persisted batches; the builder's memory grows with post snapshots
 * and orders in the range, not with the number of events.
 */
public final class ReportService {
  private final ActorSystem<?> system;
  private final CurrentEventsByPersistenceIdQuery journal;
  private final KpiSettings settings;
  private final Duration timeout;

  /**
   * @param readJournalPluginId the read journal of the configured journal (Cassandra's
   *     {@code pekko.persistence.cassandra.query} in production)
   */
  public ReportService(ActorSystem<?> system, String readJournalPluginId, KpiSettings settings, Duration timeout) {
    this.system = system;
    this.journal = PersistenceQuery.get(system)
        .getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournalPluginId);
    this.settings = settings;
    this.timeout = timeout;
  }

  /**
   * The report, or empty when the campaign has no journal (never defined, no event).
   *
   * @throws IllegalArgumentException for an empty range or too many points (the message says which)
   */
  public CompletionStage<Optional<CampaignReport>> report(String campaignId, Instant from, Instant to,
      BucketSize bucket, ReportDimension by) {
    CampaignReportBuilder builder = new CampaignReportBuilder(campaignId, from, to, bucket, by, settings);
    String persistenceId = PersistenceId.of(CampaignEntity.ENTITY_KEY.name(), campaignId).id();
    long[] events = {0};
    // the stream runs its stages one element at a time, so the builder sees one thread at a time
    return journal.currentEventsByPersistenceId(persistenceId, 0L, Long.MAX_VALUE)
        .completionTimeout(timeout)
        .runForeach(envelope -> {
          events[0]++;
          builder.accept((CampaignEvent) envelope.event());
        }, system)
        .thenApply(done -> events[0] == 0 ? Optional.<CampaignReport>empty() : Optional.of(builder.build()));
  }
}
