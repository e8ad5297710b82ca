package io.inflow.analytics.fraud.accounts;

import io.inflow.protocol.event.AudienceAccount;
import java.util.List;

/**
 * The numbers the account classifier sees for one {@link AudienceAccount}, by name. Counts are
 * taken as {@code log1p} because they span six orders of magnitude and what matters is their order
 * of size (trees split on thresholds, so only the order of values matters to them, but a log keeps
 * the learned thresholds readable).
 *
 * <ul>
 *   <li>{@value #LOG_FOLLOWERS}: ln(1 + followers).
 *   <li>{@value #LOG_FOLLOWING}: ln(1 + following).
 *   <li>{@value #LOG_POSTS}: ln(1 + posts).
 *   <li>{@value #FOLLOWING_PER_FOLLOWER}: ln((1 + following) ÷ (1 + followers)); above 0 the account
 *       follows more than follow it, the shape of follow-for-follow bots and bought-follower farms.
 *   <li>{@value #BIOGRAPHY_LENGTH}: characters in the biography (0 = none).
 *   <li>{@value #HAS_PROFILE_PICTURE}: 1 with a picture, else 0.
 *   <li>{@value #IS_PRIVATE}: 1 for a private account, else 0.
 *   <li>{@value #USERNAME_LENGTH}: characters in the username.
 *   <li>{@value #USERNAME_DIGIT_SHARE}: digits ÷ username length (0 for an empty name); generated
 *       names ({@code anna84736251}) are digit-heavy.
 *   <li>{@value #HAS_EXTERNAL_URL}: 1 when the profile links somewhere, 0 when it does not or is
 *       unknown.
 *   <li>{@value #EXTERNAL_URL_UNKNOWN}: 1 when the source did not say ({@code hasExternalUrl}
 *       null), so "no link" and "not reported" stay apart.
 * </ul>
 *
 * <p>The names are the contract between a saved model and this class: a model trained on other
 * features is refused when it is loaded.
 */
public final class AccountFeatures {

  public static final String LOG_FOLLOWERS = "log_followers";
  public static final String LOG_FOLLOWING = "log_following";
  public static final String LOG_POSTS = "log_posts";
  public static final String FOLLOWING_PER_FOLLOWER = "log_following_per_follower";
  public static final String BIOGRAPHY_LENGTH = "biography_length";
  public static final String HAS_PROFILE_PICTURE = "has_profile_picture";
  public static final String IS_PRIVATE = "is_private";
  public static final String USERNAME_LENGTH = "username_length";
  public static final String USERNAME_DIGIT_SHARE = "username_digit_share";
  public static final String HAS_EXTERNAL_URL = "has_external_url";
  public static final String EXTERNAL_URL_UNKNOWN = "external_url_unknown";

  /** Every feature name, in the order of {@link #values(AudienceAccount)}. */
  public static final List<String> NAMES = List.of(LOG_FOLLOWERS, LOG_FOLLOWING, LOG_POSTS,
      FOLLOWING_PER_FOLLOWER, BIOGRAPHY_LENGTH, HAS_PROFILE_PICTURE, IS_PRIVATE, USERNAME_LENGTH,
      USERNAME_DIGIT_SHARE, HAS_EXTERNAL_URL, EXTERNAL_URL_UNKNOWN);

  private static final String[] NAME_ARRAY = NAMES.toArray(String[]::new);

  private AccountFeatures() {}

  /** The feature values of {@code account}, in the order of {@link #NAMES}. */
  public static double[] values(AudienceAccount account) {
    Boolean url = account.hasExternalUrl();
    return new double[] {
        Math.log1p(account.followers()),
        Math.log1p(account.following()),
        Math.log1p(account.posts()),
        Math.log1p(account.following()) - Math.log1p(account.followers()),
        account.biographyLength(),
        flag(account.hasProfilePicture()),
        flag(account.isPrivate()),
        account.usernameLength(),
        account.usernameLength() == 0 ? 0 : (double) account.usernameDigitCount() / account.usernameLength(),
        flag(Boolean.TRUE.equals(url)),
        flag(url == null)
    };
  }

  /** The names as an array for Tribuo examples; callers must not modify it. */
  static String[] nameArray() {
    return NAME_ARRAY;
  }

  private static double flag(boolean value) {
    return value ? 1 : 0;
  }
}
