package io.inflow.protocol.codec;

/**
 * What may name an influencer or a campaign: a non-blank string of at most {@link
 * CodecLimits#maxIdLength()} chars, without control characters and without {@code |}, which Pekko
 * reserves in persistence ids (an entity named with it could never start). The event codec checks
 * ids in bodies; the routes check ids taken from URL paths with {@link #problem}.
 */
public final class EntityIds {
  public static final char RESERVED = '|';

  private EntityIds() {}

  /** Why {@code id} cannot name an entity, or null when it can. */
  public static String problem(String id, CodecLimits limits) {
    if (id == null || id.isBlank()) return "must not be blank";
    if (id.length() > limits.maxIdLength()) return "must be at most " + limits.maxIdLength() + " characters";
    if (id.indexOf(RESERVED) >= 0) return "must not contain '|'";
    if (id.chars().anyMatch(Character::isISOControl)) return "must not contain control characters";
    return null;
  }
}
