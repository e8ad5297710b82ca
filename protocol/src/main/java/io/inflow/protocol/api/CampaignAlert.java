package io.inflow.protocol.api;

import io.inflow.protocol.JournalSerializable;
import java.time.Instant;

/**
 * An alert listed in {@code GET /api/v1/campaigns/{id}} ({@code alerts}, newest first) and pushed on
 * the campaign's live WebSocket as an {@code alert} message.
 *
 * @param alertId unique per alert; the same id twice is one alert
 * @param type what raised it: {@code fraud_level} (an enrolled influencer's fraud level rose)
 * @param level the new level ({@code medium} or {@code high} for fraud)
 * @param previousLevel the level before
 * @param influencerId the influencer concerned, or null
 * @param score the influencer's fraud score when the alert was raised, or null
 * @param message one sentence for people, naming the signals that weigh most
 */
public record CampaignAlert(
    String alertId,
    String type,
    String level,
    String previousLevel,
    String influencerId,
    Double score,
    String message,
    Instant raisedAt)
    implements JournalSerializable {}
