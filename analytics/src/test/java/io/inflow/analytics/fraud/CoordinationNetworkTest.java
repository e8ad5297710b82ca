package io.inflow.analytics.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inflow.protocol.api.InfluencerListItem;
import io.inflow.protocol.api.InfluencerNetwork;
import io.inflow.protocol.api.InfluencerNetwork.Cluster;
import io.inflow.protocol.api.InfluencerNetwork.Link;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoordinationNetworkTest {

  private static InfluencerListItem row(String id, Double score, String level, int sharedAuthorsMax, String... partners) {
    return new InfluencerListItem(id, "instagram", "micro", 20_000, null, 0, 0, 0, List.of(), null, 0, null, score,
        level, List.of(partners), sharedAuthorsMax);
  }

  private static Link link(String source, String target, int weight) {
    return new Link(source, target, InfluencerNetwork.SHARED_COMMENTERS, weight);
  }

  private static List<String> ids(InfluencerNetwork network) {
    return network.nodes().stream().map(InfluencerNetwork.Node::id).toList();
  }

  /** A pod of three (a↔b named both ways, c named by b only), a high-level pair, a low pair, and the unlinked. */
  private static final List<InfluencerListItem> ROWS = List.of(
      row("a", 40.0, "medium", 12, "b"),
      row("b", 55.0, "high", 20, "a", "c"),
      row("c", 10.0, "low", 0),
      row("d", 70.0, "high", 9, "e"),
      row("e", 20.0, "low", 9, "d"),
      row("f", 5.0, "low", 4, "g"),
      row("g", null, null, 6, "f"),
      row("h", 90.0, "high", 30, "outsider"), // its partner is not among the rows the caller may see
      row("i", 95.0, "high", 0, "i"),
      row("j", 99.0, "high", 0));

  @Test
  void linksAreUndirectedOncePerPairAndClustersAreTheConnectedGroups() {
    InfluencerNetwork network = CoordinationNetwork.build(ROWS, 200);
    assertEquals(List.of("d", "b", "a", "e", "c", "f", "g"), ids(network), "highest fraud score first, none last");
    assertEquals(List.of(link("a", "b", 20), link("b", "c", 20), link("d", "e", 9), link("f", "g", 6)),
        network.links());
    assertEquals(List.of(
        new Cluster(0, List.of("a", "b", "c"), true),
        new Cluster(1, List.of("d", "e"), true),
        new Cluster(2, List.of("f", "g"), false)), network.clusters());
    var b = network.nodes().get(1);
    assertEquals(new InfluencerNetwork.Node("b", "micro", "instagram", 20_000, 55.0, "high", 0), b);
    assertEquals(1, network.nodes().get(0).cluster());
  }

  @Test
  void theLimitKeepsTheHighestScoresAndDropsWhatItLeavesUnlinked() {
    // d, b, a, e kept; c's link and f, g go; nobody is left alone
    InfluencerNetwork four = CoordinationNetwork.build(ROWS, 4);
    assertEquals(List.of("d", "b", "a", "e"), ids(four));
    assertEquals(List.of(link("a", "b", 20), link("d", "e", 9)), four.links());
    assertEquals(List.of(new Cluster(0, List.of("a", "b"), true), new Cluster(1, List.of("d", "e"), true)),
        four.clusters());

    // d, b, a kept: e is cut, so d has no link left and is dropped
    InfluencerNetwork three = CoordinationNetwork.build(ROWS, 3);
    assertEquals(List.of("b", "a"), ids(three));
    assertEquals(List.of(new Cluster(0, List.of("a", "b"), true)), three.clusters());
  }

  @Test
  void noPartnersNoGraph() {
    InfluencerNetwork empty = CoordinationNetwork.build(List.of(row("x", 80.0, "high", 0), row("y", 1.0, "low", 3)), 200);
    assertEquals(List.of(), empty.nodes());
    assertEquals(List.of(), empty.links());
    assertEquals(List.of(), empty.clusters());
  }
}
