package io.inflow.protocol.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One text frame of {@code GET /api/v1/campaigns/{id}/live} (WebSocket), as JSON:
 * {@code {"type":"snapshot","campaign":{…},"version":12,"persistedAt":"…"}}.
 *
 * <p>The first message of a connection is always a {@code snapshot}; {@code update}s follow. Each
 * carries the campaign's whole latest view, never a delta, so a client may skip any message. Within
 * one connection {@code version} strictly increases (it is the campaign's journal sequence number);
 * updates are conflated, so versions may jump: intermediate states a client was too slow for, or that
 * came faster than the server's minimum interval, are dropped. {@code persistedAt} is when the change
 * became durable; it is absent when the node serving the view has not seen the write itself (for
 * example a snapshot right after the campaign was recovered). Clients ignore types they do not know
 * An {@code alert} message carries one new {@link CampaignAlert} in {@code alert} (and no campaign):
 * it is sent, before the update that first lists it, for every alert raised after the connection's
 * snapshot (alerts already listed in the snapshot are not repeated).
 */
public record LiveMessage(Type type, CampaignView campaign, long version, Instant persistedAt, CampaignAlert alert) {

  /** What a message says; the wire value is the lower-case name. */
  public enum Type {
    @JsonProperty("snapshot") SNAPSHOT,
    @JsonProperty("update") UPDATE,
    @JsonProperty("alert") ALERT
  }

  public static LiveMessage snapshot(CampaignView campaign, long version, Instant persistedAt) {
    return new LiveMessage(Type.SNAPSHOT, campaign, version, persistedAt, null);
  }

  public static LiveMessage update(CampaignView campaign, long version, Instant persistedAt) {
    return new LiveMessage(Type.UPDATE, campaign, version, persistedAt, null);
  }

  /** A new alert, sent before the update (of {@code version}) that first lists it. */
  public static LiveMessage alert(CampaignAlert alert, long version, Instant persistedAt) {
    return new LiveMessage(Type.ALERT, null, version, persistedAt, alert);
  }

  /** This message's content under {@code type}. */
  public LiveMessage withType(Type type) {
    return new LiveMessage(type, campaign, version, persistedAt, alert);
  }
}
