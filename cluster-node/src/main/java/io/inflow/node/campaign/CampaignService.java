package io.inflow.node.campaign;

import io.inflow.protocol.api.CampaignDefinition;
import io.inflow.protocol.api.CampaignView;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** The HTTP layer's door to campaign entities: define and read, with the configured ask timeout. */
public class CampaignService {
  private final ClusterSharding sharding;
  private final Duration askTimeout;
  private final java.util.concurrent.Executor executor;

  public CampaignService(ActorSystem<?> system, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
    this.executor = system.executionContext();
  }

  public CompletionStage<CampaignView> define(String campaignId, CampaignDefinition definition) {
    return sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaignId)
        .askWithStatus(reply -> new CampaignCommand.DefineCampaign(definition, reply), askTimeout);
  }

  public CompletionStage<Optional<CampaignView>> get(String campaignId) {
    return current(campaignId).thenApplyAsync(reply -> Optional.ofNullable(reply.view()), executor);
  }

  /** The campaign's read-model row, empty while it is not defined. */
  public CompletionStage<Optional<io.inflow.protocol.api.CampaignListItem>> summary(String campaignId) {
    return sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaignId)
        .ask(CampaignCommand.GetSummary::new, askTimeout)
        .thenApplyAsync(reply -> Optional.ofNullable(reply.item()), executor);
  }

  /** The view with its version (the entity's journal sequence number); the view is null when unknown. */
  public CompletionStage<CampaignCommand.CampaignReply> current(String campaignId) {
    return sharding.entityRefFor(CampaignEntity.ENTITY_KEY, campaignId)
        .ask(CampaignCommand.GetCampaign::new, askTimeout);
  }
}
