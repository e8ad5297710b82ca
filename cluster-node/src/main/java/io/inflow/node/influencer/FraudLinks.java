package io.inflow.node.influencer;

import io.inflow.protocol.api.CampaignAlert;
import io.inflow.protocol.event.IngestEvent;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where an influencer entity sends what its fraud scoring produces; both are fire-and-forget and
 * must not block.
 *
 * @param alerts receives (campaign id, alert) when the influencer's fraud level rises, once per
 *     campaign the influencer is in
 * @param comments receives each persisted batch's new events, for the cluster's coordination detector
 */
public record FraudLinks(BiConsumer<String, CampaignAlert> alerts, Consumer<List<IngestEvent>> comments) {

  /** Links that drop everything (unit tests of the entity alone). */
  public static FraudLinks none() {
    return new FraudLinks((campaign, alert) -> {}, events -> {});
  }
}
