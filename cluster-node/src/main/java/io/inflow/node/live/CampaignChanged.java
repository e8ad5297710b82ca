package io.inflow.node.live;

import io.inflow.protocol.JournalSerializable;
import java.time.Instant;
import org.apache.pekko.actor.DeadLetterSuppression;

/**
 * A campaign entity persisted a change: what its entity publishes to the campaign's cluster topic
 * after each write. It carries no state, so a write costs a few bytes whether anyone watches or not;
 * a node with viewers fetches the view from the entity when it hears of a newer version (see
 * {@link LiveFeed}). {@code version} is the entity's journal sequence number, so it only grows, also
 * across restarts and moves of the entity.
 *
 * <p>Dropping one is normal — a topic with no subscribers anywhere drops every notice, and a later
 * notice or a resync follows any lost one — so undelivered notices are not logged as dead letters.
 */
public record CampaignChanged(String campaignId, long version, Instant persistedAt)
    implements JournalSerializable, DeadLetterSuppression {}
