package io.inflow.node.influencer;

import io.inflow.protocol.api.InfluencerView;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** The HTTP layer's door to influencer entities, with the configured ask timeout. */
public class InfluencerService {
  private final ClusterSharding sharding;
  private final Duration askTimeout;
  private final java.util.concurrent.Executor executor;
  private final boolean fraudScoring;

  /** @param fraudScoring {@code inflow.fraud.enabled} */
  public InfluencerService(ActorSystem<?> system, Duration askTimeout, boolean fraudScoring) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
    this.executor = system.executionContext();
    this.fraudScoring = fraudScoring;
  }

  /** Whether the cluster scores fraud ({@code inflow.fraud.enabled}). */
  public boolean fraudScoring() {
    return fraudScoring;
  }

  public CompletionStage<Optional<InfluencerView>> get(String influencerId) {
    return sharding.entityRefFor(InfluencerEntity.ENTITY_KEY, influencerId)
        .ask(InfluencerCommand.GetInfluencer::new, askTimeout)
        .thenApplyAsync(reply -> Optional.ofNullable(reply.view()), executor);
  }

  /** The influencer's fraud report, empty when unknown. */
  public CompletionStage<Optional<io.inflow.protocol.api.FraudReport>> fraud(String influencerId) {
    return sharding.entityRefFor(InfluencerEntity.ENTITY_KEY, influencerId)
        .ask(InfluencerCommand.GetFraud::new, askTimeout)
        .thenApplyAsync(reply -> Optional.ofNullable(reply.report()), executor);
  }

  /** The influencer's read-model row, empty when unknown. */
  public CompletionStage<Optional<io.inflow.protocol.api.InfluencerListItem>> summary(String influencerId) {
    return sharding.entityRefFor(InfluencerEntity.ENTITY_KEY, influencerId)
        .ask(InfluencerCommand.GetSummary::new, askTimeout)
        .thenApplyAsync(reply -> Optional.ofNullable(reply.item()), executor);
  }
}
