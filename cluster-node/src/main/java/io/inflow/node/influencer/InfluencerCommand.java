package io.inflow.node.influencer;

import io.inflow.node.ingest.BatchAck;
import io.inflow.protocol.JournalSerializable;
import io.inflow.protocol.event.IngestEvent;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** What an influencer entity can be asked to do. */
public sealed interface InfluencerCommand extends JournalSerializable {

  /** Persist the events not seen before as one journal event; reply once it is durable. */
  record RecordBatch(List<IngestEvent> events, ActorRef<StatusReply<BatchAck>> replyTo)
      implements InfluencerCommand {}

  /** Reply with the current view, or an empty reply when nothing is known of this influencer. */
  record GetInfluencer(ActorRef<InfluencerReply> replyTo) implements InfluencerCommand {}

  /** The reply to {@link GetInfluencer}: {@code view} is null for an unknown influencer. */
  record InfluencerReply(io.inflow.protocol.api.InfluencerView view) implements JournalSerializable {}

  /** Reply with the influencer's read-model row (cheaper than the view), null when unknown. */
  record GetSummary(ActorRef<SummaryReply> replyTo) implements InfluencerCommand {}

  record SummaryReply(io.inflow.protocol.api.InfluencerListItem item) implements JournalSerializable {}

  /** Reply with the fraud report, or an empty reply when nothing is known of this influencer. */
  record GetFraud(ActorRef<FraudReply> replyTo) implements InfluencerCommand {}

  record FraudReply(io.inflow.protocol.api.FraudReport report) implements JournalSerializable {}

  /** Persist the coordination detector's latest finding about this influencer (no reply: the detector repeats changes). */
  record RecordCoordination(io.inflow.analytics.fraud.CoordinationFinding finding) implements InfluencerCommand {}

  /** Re-judge the fraud level (sent by the entity to itself, at most every check interval). */
  enum CheckFraudLevel implements InfluencerCommand { INSTANCE }
}
