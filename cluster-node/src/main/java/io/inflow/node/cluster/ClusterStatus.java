package io.inflow.node.cluster;

import io.inflow.node.campaign.CampaignEntity;
import io.inflow.node.influencer.InfluencerEntity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * What {@code GET /api/v1/cluster} (and {@code ./inflow status}) shows: this node, the leader, every
 * member with its status and whether it is reachable, and per entity type the shards and entities
 * each node hosts (Pekko's cluster sharding statistics, gathered from every region).
 */
public final class ClusterStatus {

  /** One member of the cluster. */
  public record MemberView(String address, String status, boolean reachable, List<String> roles) {}

  /** Shards and entities a node hosts for one entity type; {@code failed} shards did not answer in time. */
  public record Hosted(int shards, long entities, int failed) {}

  /** The whole answer. */
  public record View(String self, String leader, List<MemberView> members, Map<String, Map<String, Hosted>> sharding) {}

  private final ActorSystem<?> system;
  private final Duration timeout;

  public ClusterStatus(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.timeout = timeout;
  }

  public CompletionStage<View> view() {
    Cluster cluster = Cluster.get(system);
    var state = cluster.state();
    var unreachable = new java.util.HashSet<Member>();
    state.getUnreachable().forEach(unreachable::add);
    List<MemberView> members = new ArrayList<>();
    for (Member m : state.getMembers()) {
      members.add(new MemberView(m.address().hostPort(), m.status().toString().toLowerCase(java.util.Locale.ROOT),
          !unreachable.contains(m), List.copyOf(new java.util.TreeSet<>(m.getRoles()))));
    }
    String leader = state.getLeader() == null ? null : state.getLeader().hostPort();
    String self = cluster.selfMember().address().hostPort();
    CompletableFuture<Map<String, Hosted>> influencers = stats(InfluencerEntity.ENTITY_KEY).toCompletableFuture();
    CompletableFuture<Map<String, Hosted>> campaigns = stats(CampaignEntity.ENTITY_KEY).toCompletableFuture();
    return influencers.thenCombine(campaigns, (i, c) -> {
      Map<String, Map<String, Hosted>> sharding = new LinkedHashMap<>();
      sharding.put("influencer", i);
      sharding.put("campaign", c);
      return new View(self, leader, members, sharding);
    });
  }

  private CompletionStage<Map<String, Hosted>> stats(EntityTypeKey<?> key) {
    return AskPattern.<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery, ShardRegion.ClusterShardingStats>ask(
            ClusterSharding.get(system).shardState(), replyTo -> new GetClusterShardingStats(key, timeout, replyTo),
            timeout.plusSeconds(1), system.scheduler())
        .thenApply(stats -> {
          Map<String, Hosted> byNode = new TreeMap<>();
          stats.getRegions().forEach((address, region) -> {
            long entities = 0;
            for (Object n : region.getStats().values()) entities += ((Number) n).longValue();
            byNode.put(address.hostPort(), new Hosted(region.getStats().size(), entities, region.getFailed().size()));
          });
          return byNode;
        });
  }
}
