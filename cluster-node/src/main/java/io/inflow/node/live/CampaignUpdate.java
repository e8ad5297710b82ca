package io.inflow.node.live;

import io.inflow.protocol.JournalSerializable;
import io.inflow.protocol.api.CampaignView;
import io.inflow.protocol.api.LiveMessage;
import io.inflow.protocol.codec.Json;
import java.time.Instant;
import org.apache.pekko.actor.DeadLetterSuppression;

/**
 * A campaign's state after a durable change, as a {@link LiveFeed} read it from the entity and hands
 * it to its node's WebSocket sessions. {@code version} is the entity's journal sequence number, so it only grows, also across
 * restarts and moves of the entity; {@code persistedAt} is when the write was acknowledged (null
 * when the node that read the state did not see the write itself).
 *
 * <p>{@code json} is the {@code update} message of this state, written once by the feed for all its
 * sessions: a hundred subscribers of one campaign cost one serialisation per state, not a hundred.
 *
 * <p>Dropping one is normal (a session that just closed; a newer state follows any lost one), so
 * undelivered updates are not logged as dead letters.
 */
public record CampaignUpdate(String campaignId, long version, Instant persistedAt, CampaignView view, String json)
    implements JournalSerializable, DeadLetterSuppression {

  public CampaignUpdate(String campaignId, long version, Instant persistedAt, CampaignView view) {
    this(campaignId, version, persistedAt, view, Json.write(LiveMessage.update(view, version, persistedAt)));
  }

  /** The {@code update} message of this state. */
  public LiveMessage message() {
    return LiveMessage.update(view, version, persistedAt);
  }

  public boolean isNewerThan(CampaignUpdate other) {
    return other == null || version > other.version;
  }
}
