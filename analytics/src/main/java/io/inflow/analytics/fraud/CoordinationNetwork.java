package io.inflow.analytics.fraud;

import io.inflow.protocol.api.InfluencerListItem;
import io.inflow.protocol.api.InfluencerNetwork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the coordination graph from influencers' read-model rows: a link for each coordination
 * partner a row names, when the partner is among the rows too (a caller sees no influencer outside
 * what it was given), each pair once whichever side named it; only linked influencers, at most
 * {@code limit} of them, the highest fraud scores first (no score last). A link whose other end
 * falls beyond the limit is dropped, and so is an influencer left without links. Groups are the
 * connected components (union-find). Pure.
 */
public final class CoordinationNetwork {
  private CoordinationNetwork() {}

  /** The graph of {@code rows}, at most {@code limit} nodes. */
  public static InfluencerNetwork build(Collection<InfluencerListItem> rows, int limit) {
    Map<String, InfluencerListItem> byId = new HashMap<>();
    for (InfluencerListItem row : rows) byId.put(row.influencerId(), row);
    Map<List<String>, Integer> weights = links(byId);

    TreeSet<String> linked = new TreeSet<>();
    weights.keySet().forEach(linked::addAll);
    List<String> kept = linked.stream().map(byId::get).sorted(BY_SCORE).limit(limit)
        .map(InfluencerListItem::influencerId).toList();
    Map<String, Integer> index = new HashMap<>();
    for (String id : kept) index.put(id, index.size());
    weights.keySet().removeIf(pair -> !index.containsKey(pair.get(0)) || !index.containsKey(pair.get(1)));

    int[] parent = new int[kept.size()];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
    for (List<String> pair : weights.keySet()) union(parent, index.get(pair.get(0)), index.get(pair.get(1)));
    Map<Integer, TreeSet<String>> components = new HashMap<>();
    for (List<String> pair : weights.keySet()) {
      for (String id : pair) components.computeIfAbsent(root(parent, index.get(id)), r -> new TreeSet<>()).add(id);
    }
    List<TreeSet<String>> groups = new ArrayList<>(components.values());
    groups.sort(Comparator.<TreeSet<String>>comparingInt(TreeSet::size).reversed().thenComparing(TreeSet::first));

    Map<String, Integer> clusterOf = new HashMap<>();
    List<InfluencerNetwork.Cluster> clusters = new ArrayList<>(groups.size());
    for (TreeSet<String> members : groups) {
      int id = clusters.size();
      members.forEach(m -> clusterOf.put(m, id));
      boolean suspicious = members.size() >= 3
          || members.stream().anyMatch(m -> "high".equals(byId.get(m).fraudLevel()));
      clusters.add(new InfluencerNetwork.Cluster(id, List.copyOf(members), suspicious));
    }
    List<InfluencerNetwork.Node> nodes = new ArrayList<>();
    for (String id : kept) {
      if (!clusterOf.containsKey(id)) continue; // its links went with the limit
      InfluencerListItem row = byId.get(id);
      nodes.add(new InfluencerNetwork.Node(id, row.tier(), row.platform(), row.followers(), row.fraudScore(),
          row.fraudLevel(), clusterOf.get(id)));
    }
    List<InfluencerNetwork.Link> links = new ArrayList<>(weights.size());
    weights.forEach((pair, weight) -> links.add(
        new InfluencerNetwork.Link(pair.get(0), pair.get(1), InfluencerNetwork.SHARED_COMMENTERS, weight)));
    return new InfluencerNetwork(List.copyOf(nodes), List.copyOf(links), List.copyOf(clusters));
  }

  private static final Comparator<InfluencerListItem> BY_SCORE = Comparator
      .comparing(InfluencerListItem::fraudScore, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
      .thenComparing(InfluencerListItem::influencerId);

  /**
   * Each pair of rows in which one names the other as a partner, as [smaller id, larger id] in order,
   * weighted by the larger {@code sharedAuthorsMax} of the rows naming the other.
   */
  private static Map<List<String>, Integer> links(Map<String, InfluencerListItem> byId) {
    Map<List<String>, Integer> weights = new TreeMap<>(Comparator.<List<String>, String>comparing(p -> p.get(0))
        .thenComparing(p -> p.get(1)));
    for (InfluencerListItem row : byId.values()) {
      String self = row.influencerId();
      for (String partner : row.partners()) {
        if (partner.equals(self) || !byId.containsKey(partner)) continue;
        List<String> pair = self.compareTo(partner) < 0 ? List.of(self, partner) : List.of(partner, self);
        weights.merge(pair, row.sharedAuthorsMax(), Math::max);
      }
    }
    return weights;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = root(parent, a), rb = root(parent, b);
    if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
