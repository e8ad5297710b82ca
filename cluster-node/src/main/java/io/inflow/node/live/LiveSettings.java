package io.inflow.node.live;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tunables of live campaign subscriptions ({@code inflow.live.*}).
 *
 * @param minInterval at most one message per subscriber per interval; intermediate states are dropped
 * @param resyncInterval how often a node re-reads a campaign it has subscribers for, so a pub-sub
 *     message that was lost (pub-sub delivers at most once) is made good; zero disables it
 * @param idleTimeout a campaign's feed and topic on a node stop after this long without local
 *     subscribers and without updates
 * @param sessionBuffer updates held for one subscriber before the oldest is dropped (conflation keeps
 *     this near empty; it only bounds a burst)
 * @param askTimeout how long to wait for the campaign entity's current state
 * @param maxIncomingMessageBytes a client message (clients need send none) longer than this closes
 *     the socket ({@code inflow.limits.websocket-message-bytes})
 */
public record LiveSettings(
    Duration minInterval,
    Duration resyncInterval,
    Duration idleTimeout,
    int sessionBuffer,
    Duration askTimeout,
    int maxIncomingMessageBytes) {

  /**
   * Where campaign entities, the live registry and its feeds run ({@code inflow.live-dispatcher}): threads
   * of their own, so the live path does not queue behind influencer messages on the default dispatcher.
   */
  public static final org.apache.pekko.actor.typed.DispatcherSelector DISPATCHER =
      org.apache.pekko.actor.typed.DispatcherSelector.fromConfig("inflow.live-dispatcher");

  public LiveSettings {
    if (minInterval.isNegative() || minInterval.isZero()) {
      throw new IllegalArgumentException("inflow.live.min-interval must be positive, not " + minInterval);
    }
    if (resyncInterval.isNegative()) {
      throw new IllegalArgumentException("inflow.live.resync-interval must not be negative");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("inflow.live.idle-timeout must be positive, not " + idleTimeout);
    }
    if (sessionBuffer < 1) {
      throw new IllegalArgumentException("inflow.live.session-buffer must be at least 1");
    }
  }

  public static LiveSettings fromConfig(Config inflow) {
    Config c = inflow.getConfig("live");
    return new LiveSettings(
        c.getDuration("min-interval"),
        c.getDuration("resync-interval"),
        c.getDuration("idle-timeout"),
        c.getInt("session-buffer"),
        inflow.getDuration("query.ask-timeout"),
        inflow.getInt("limits.websocket-message-bytes"));
  }

  /** How often the registry looks for idle feeds: a feed lives between one and 1.5 idle timeouts. */
  Duration sweepInterval() {
    return idleTimeout.dividedBy(2);
  }
}
