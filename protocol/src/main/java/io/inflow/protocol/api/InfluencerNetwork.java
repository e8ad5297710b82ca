package io.inflow.protocol.api;

import java.util.List;

/**
 * {@code GET /api/v1/analytics/network}: influencers linked by coordinated engagement (the same
 * commenters in lockstep on their posts), as a graph for drawing: the linked influencers, the links,
 * and the connected groups they form.
 *
 * @param nodes influencers with at least one link, highest fraud score first
 * @param links undirected, each pair once ({@code source} &lt; {@code target}), ordered by source then target
 * @param clusters connected groups, largest first
 */
public record InfluencerNetwork(List<Node> nodes, List<Link> links, List<Cluster> clusters) {

  /** What links two influencers: commenters shared in lockstep. */
  public static final String SHARED_COMMENTERS = "shared_commenters";

  /**
   * A linked influencer, from its read-model row.
   *
   * @param fraudScore null when fraud scoring is off
   * @param cluster the id of its {@link Cluster}
   */
  public record Node(String id, String tier, String platform, long followers, Double fraudScore, String fraudLevel,
      int cluster) {}

  /**
   * Two influencers one of which (or both) names the other as a coordination partner.
   *
   * @param weight the larger {@code sharedAuthorsMax} of the side(s) naming the other: the most
   *     commenters one lockstep post pair of theirs shared
   */
  public record Link(String source, String target, String kind, int weight) {}

  /**
   * A connected group.
   *
   * @param members influencer ids, ordered
   * @param suspicious three members or more, or a member at fraud level {@code high}
   */
  public record Cluster(int id, List<String> members, boolean suspicious) {}
}
