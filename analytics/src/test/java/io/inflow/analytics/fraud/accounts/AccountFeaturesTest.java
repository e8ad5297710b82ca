package io.inflow.analytics.fraud.accounts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inflow.protocol.event.AudienceAccount;
import org.junit.jupiter.api.Test;

class AccountFeaturesTest {

  @Test
  void featuresWorkedByHand() {
    // 99 followers, 999 following, 0 posts, bio of 40, picture, public, "bot12345" (8 chars, 5 digits), link
    var account = new AudienceAccount("a1", 99, 999, 0, 40, true, false, 8, 5, true);
    assertArrayEquals(new double[] {
        Math.log(100), // ln(1 + 99)
        Math.log(1000), // ln(1 + 999)
        0, // ln(1 + 0)
        Math.log(10), // ln(1000 / 100): follows ten times more than follow it
        40, 1, 0, 8,
        0.625, // 5 / 8
        1, 0}, AccountFeatures.values(account), 1e-12);
  }

  @Test
  void anUnknownLinkIsItsOwnFeatureAndAnEmptyNameHasNoDigitShare() {
    var account = new AudienceAccount("a2", 0, 0, 3, 0, false, true, 0, 0, null);
    double[] values = AccountFeatures.values(account);
    assertEquals(0, values[AccountFeatures.NAMES.indexOf(AccountFeatures.FOLLOWING_PER_FOLLOWER)]);
    assertEquals(0, values[AccountFeatures.NAMES.indexOf(AccountFeatures.USERNAME_DIGIT_SHARE)]);
    assertEquals(0, values[AccountFeatures.NAMES.indexOf(AccountFeatures.HAS_EXTERNAL_URL)]);
    assertEquals(1, values[AccountFeatures.NAMES.indexOf(AccountFeatures.EXTERNAL_URL_UNKNOWN)]);
    assertEquals(1, values[AccountFeatures.NAMES.indexOf(AccountFeatures.IS_PRIVATE)]);

    var noLink = new AudienceAccount("a3", 0, 0, 3, 0, false, true, 0, 0, false);
    assertEquals(0, AccountFeatures.values(noLink)[AccountFeatures.NAMES.indexOf(AccountFeatures.EXTERNAL_URL_UNKNOWN)]);
    assertEquals(AccountFeatures.NAMES.size(), values.length);
  }
}
