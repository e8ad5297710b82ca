package io.inflow.protocol.event;

/** One sampled follower account; {@code accountId} is pseudonymised at ingest. */
public record AudienceAccount(
    String accountId,
    long followers,
    long following,
    long posts,
    int biographyLength,
    boolean hasProfilePicture,
    boolean isPrivate,
    int usernameLength,
    int usernameDigitCount,
    Boolean hasExternalUrl) {

  public AudienceAccount withAccountId(String pseudonym) {
    return new AudienceAccount(pseudonym, followers, following, posts, biographyLength,
        hasProfilePicture, isPrivate, usernameLength, usernameDigitCount, hasExternalUrl);
  }
}
