package io.inflow.analytics.campaign;

import io.inflow.protocol.JournalSerializable;
import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.event.IngestEvent;
import java.time.Instant;
import java.util.List;

/** Facts a campaign entity persists. */
public sealed interface CampaignEvent extends JournalSerializable {

  /** The campaign was defined or redefined (the latest definition wins). */
  record CampaignDefined(CampaignDefinition definition, Instant definedAt) implements CampaignEvent {}

  /** New (not previously seen) ingest events about this campaign, in arrival order. */
  record BatchRecorded(List<IngestEvent> events) implements CampaignEvent {}

  /** An alert about this campaign (an enrolled influencer's fraud level rose, …). */
  record AlertRaised(io.inflow.protocol.api.CampaignAlert alert) implements CampaignEvent {}
}
