package io.inflow.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the latency bench reads from one text message of {@code GET /api/v1/campaigns/{id}/live}
 * ({@code {"type":"snapshot"|"update"|…,"campaign":{…CampaignView…},"version":n,"persistedAt":…}}):
 * the type, the version, the campaign's {@code clicks} and {@code updatedAt}. Read leniently, like
 * a client would: other fields are ignored, so the bench keeps working when the view grows.
 *
 * @param updatedAt the view's {@code updatedAt} (the latest {@code occurredAt} it recorded), or
 *     null when absent or unreadable
 */
public record LiveFrame(String type, long version, long clicks, Instant updatedAt) {

  public static final String SNAPSHOT = "snapshot";
  public static final String UPDATE = "update";

  /** Thrown for a message that is not JSON or lacks {@code type} or the campaign's {@code clicks}. */
  public static final class BadFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    BadFrameException(String message) {
      super(message);
    }
  }

  public boolean isSnapshot() {
    return SNAPSHOT.equals(type);
  }

  public boolean isUpdate() {
    return UPDATE.equals(type);
  }

  /** True for the messages that carry a campaign state (snapshot and update). */
  public boolean carriesState() {
    return isSnapshot() || isUpdate();
  }

  /**
   * Reads one message. A message of another type (e.g. {@code alert}) is returned with clicks -1
   * and no further checks, since clients must ignore types they do not know.
   */
  public static LiveFrame parse(String text) throws BadFrameException {
    JsonNode root;
    try {
      root = EventJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadFrameException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("type").isTextual()) {
      throw new BadFrameException("no \"type\" in " + shorten(text));
    }
    String type = root.get("type").asText();
    long version = root.path("version").asLong(-1);
    if (!type.equals(SNAPSHOT) && !type.equals(UPDATE)) return new LiveFrame(type, version, -1, null);
    JsonNode campaign = root.path("campaign");
    JsonNode clicks = campaign.path("clicks");
    if (!clicks.isIntegralNumber()) {
      throw new BadFrameException(type + " without campaign.clicks: " + shorten(text));
    }
    return new LiveFrame(type, version, clicks.asLong(), instant(campaign.path("updatedAt")));
  }

  private static Instant instant(JsonNode node) {
    if (node.isTextual()) {
      try {
        return Instant.parse(node.asText());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (node.isNumber()) { // Jackson's numeric form: seconds with a fraction
      BigDecimal seconds = node.decimalValue();
      long whole = seconds.longValue();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole, nanos);
    }
    return null;
  }

  private static String shorten(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
