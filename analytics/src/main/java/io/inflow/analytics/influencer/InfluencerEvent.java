package io.inflow.analytics.influencer;

import io.inflow.protocol.JournalSerializable;
import io.inflow.protocol.event.IngestEvent;
import java.util.List;

/** Facts an influencer entity persists. One persisted event carries a whole ingest group. */
public sealed interface InfluencerEvent extends JournalSerializable {

  /** New (not previously seen) ingest events about this influencer, in arrival order. */
  record BatchRecorded(List<IngestEvent> events) implements InfluencerEvent {}

  /**
   * The cluster's coordination detector found (or updated) lockstep commenting between this
   * influencer's posts and other influencers' posts; the latest finding replaces earlier ones.
   */
  record CoordinationObserved(io.inflow.analytics.fraud.CoordinationFinding finding) implements InfluencerEvent {}
}
