package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.time.Instant;

/**
 * An alert listed in {@code GET /api/v1/campaigns/{id}} ({@code alerts}, newest first) and pushed on
 * the campaign's live WebSocket as an {@code alert} message.
 *
 * @param alertId unique per alert; the same id twice is one alert
 * @param type what raised it: {@code fraud_level} (an enrolled influencer's fraud level rose) or
 *     {@code sentiment_crisis} (the campaign's comments turned negative, see {@code crisis})
 * @param level the new level ({@code medium} or {@code high} for fraud; {@code high} for a crisis)
 * @param previousLevel the level before
 * @param influencerId the influencer concerned, or null
 * @param score the influencer's fraud score when the alert was raised; for a crisis the window's
 *     negative share in percent
 * @param message one sentence for people, naming the signals that weigh most (fraud) or the window,
 *     numbers and top negative terms (crisis)
 * @param crisis the figures of a sentiment crisis, null for other alerts
 */
public record CampaignAlert(
    String alertId,
    String type,
    String level,
    String previousLevel,
    String influencerId,
    Double score,
    String message,
    Instant raisedAt,
    CrisisAlertDetails crisis)
    implements JournalSerializable {

  /** An alert without crisis figures. */
  public CampaignAlert(String alertId, String type, String level, String previousLevel, String influencerId,
      Double score, String message, Instant raisedAt) {
    this(alertId, type, level, previousLevel, influencerId, score, message, raisedAt, null);
  }
}
