package io.inflow.node.campaign;

import io.inflow.node.ingest.BatchAck;
import io.inflow.protocol.JournalSerializable;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.CampaignView;
import io.inflow.protocol.event.IngestEvent;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** What a campaign entity can be asked to do. */
public sealed interface CampaignCommand extends JournalSerializable {

  /** Define or redefine the campaign; replies with the view once the definition is durable. */
  record DefineCampaign(CampaignDefinition definition, ActorRef<StatusReply<CampaignView>> replyTo)
      implements CampaignCommand {}

  /** Persist the events not seen before as one journal event; reply once it is durable. */
  record RecordBatch(List<IngestEvent> events, ActorRef<StatusReply<BatchAck>> replyTo)
      implements CampaignCommand {}

  /** Reply with the current view; {@code view} is null for an unknown campaign. */
  record GetCampaign(ActorRef<CampaignReply> replyTo) implements CampaignCommand {}

  /**
   * The current view (null for an unknown campaign), its version (the journal sequence number, 0
   * before any write) and when this incarnation of the entity last persisted (null if it has not).
   */
  record CampaignReply(CampaignView view, long version, Instant persistedAt) implements JournalSerializable {}

  /** Reply with the campaign's read-model row (cheaper than the view), null while undefined. */
  record GetSummary(ActorRef<SummaryReply> replyTo) implements CampaignCommand {}

  record SummaryReply(io.inflow.protocol.api.CampaignListItem item) implements JournalSerializable {}

  /** Persist an alert unless one with its id is already listed (no reply: alerts are fire-and-forget). */
  record RecordAlert(io.inflow.protocol.api.CampaignAlert alert) implements CampaignCommand {}
}
