package io.inflow.node.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The campaigns that have WebSocket sessions on this node, kept by the node's {@link LiveRegistry}
 * and read by the campaign entities living here: an entity whose campaign is watched on its own node
 * hands its new view to the registry with each change, so the local feed forwards it at once
 * instead of asking the entity for it (one round trip less on the live path). Entities whose
 * campaign nobody here watches compute no view, and feeds on other nodes still read it on notice.
 * Thread-safe; a stale answer only costs one read or one view.
 */
public final class LiveWatchers {
  private final Set<String> watched = ConcurrentHashMap.newKeySet();

  /** Whether the campaign has sessions on this node. */
  public boolean watches(String campaignId) {
    return watched.contains(campaignId);
  }

  /** The campaign got its first session here (the registry's call). */
  public void watch(String campaignId) {
    watched.add(campaignId);
  }

  /** The campaign's last session here ended (the registry's call). */
  public void unwatch(String campaignId) {
    watched.remove(campaignId);
  }
}
