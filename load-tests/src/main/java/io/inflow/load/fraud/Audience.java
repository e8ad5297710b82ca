package io.inflow.load.fraud;

import io.inflow.protocol.event.AudienceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sampled follower accounts with the {@code audience.sample} fields. Every audience has a few bots
 * (2–8%) and mass followers (5–15%, following over 1,500); bought followers are mostly bots, the
 * follow-backs of follow/unfollow automation mostly mass followers. The three kinds overlap in every
 * field (real people without a picture, bots with one), so no single field separates them.
 */
final class Audience {

  private Audience() {}

  static List<AudienceAccount> sample(Creator c, int day, String prefix) {
    SplittableRandom random = c.random;
    double idle = c.idleShare(day);
    double bots = c.uniform(0.02, 0.08);
    double mass = c.uniform(0.05, 0.15);
    switch (c.label) {
      case BOUGHT_FOLLOWERS -> {
        bots += idle * 0.8;
        mass += idle * 0.2;
      }
      case FOLLOW_CHURN -> mass += idle + 0.05;
      case COMMENT_BOTS -> bots += 0.03;
      default -> { }
    }
    int size = 100 + random.nextInt(101);
    List<AudienceAccount> accounts = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      double roll = random.nextDouble();
      String id = prefix + "a" + c.index + "-" + day + "-" + i;
      accounts.add(roll < bots ? bot(random, id) : roll < bots + mass ? massFollower(random, id) : person(random, id));
    }
    return List.copyOf(accounts);
  }

  static AudienceAccount person(SplittableRandom r, String id) {
    long followers = Math.round(Math.exp(5.5 + 1.0 * r.nextGaussian()));
    return new AudienceAccount(id, Math.min(50_000, followers), 60 + r.nextInt(1_100), 3 + r.nextInt(800),
        r.nextDouble() < 0.2 ? 0 : r.nextInt(150), r.nextDouble() < 0.93, r.nextDouble() < 0.35,
        6 + r.nextInt(11), r.nextDouble() < 0.85 ? r.nextInt(3) : 3 + r.nextInt(2), externalUrl(r, 0.08));
  }

  static AudienceAccount massFollower(SplittableRandom r, String id) {
    return new AudienceAccount(id, 50 + r.nextInt(1_450), 1_500 + r.nextInt(6_000), r.nextInt(80),
        r.nextBoolean() ? 0 : r.nextInt(80), r.nextDouble() < 0.8, r.nextDouble() < 0.2,
        7 + r.nextInt(12), r.nextInt(5), externalUrl(r, 0.05));
  }

  static AudienceAccount bot(SplittableRandom r, String id) {
    return new AudienceAccount(id, r.nextInt(40), 300 + r.nextInt(7_200), r.nextInt(5),
        r.nextDouble() < 0.85 ? 0 : r.nextInt(40), r.nextDouble() < 0.25, r.nextDouble() < 0.1,
        10 + r.nextInt(11), 3 + r.nextInt(7), externalUrl(r, 0.03));
  }

  /** Platforms do not always report it (null). */
  private static Boolean externalUrl(SplittableRandom r, double share) {
    return r.nextBoolean() ? null : r.nextDouble() < share;
  }
}
