package io.inflow.load;

import io.inflow.analytics.fraud.accounts.LabelledAccount;
import io.inflow.protocol.event.AudienceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded, reproducible follower accounts with ground truth, for training and evaluating the account
 * classifier (issue 5). Each account is drawn from one {@link Kind}; {@code suspiciousShare} of
 * them (in expectation) from the suspicious kinds, the rest from the real ones, each kind with its
 * weight within its class. The kinds overlap on purpose — inactive real people look like empty
 * bots, sophisticated bots like ordinary people, and both classes have mass followers — so no
 * model separates them perfectly (a random forest reaches F1 ≈ 0.9–0.97, not 1.0).
 *
 * <p>Real kinds: {@link Kind#PERSON} (followers log-normal around 280, 3% of them from a Pareto
 * tail from 2,000 with α 1.2, following mostly 100–1,000, tens to hundreds of posts, most with a
 * picture and a bio, a third private, usernames with few digits), {@link Kind#CREATOR}, {@link
 * Kind#INACTIVE_PERSON} (the hard negatives: few followers, few or no posts, often no bio or
 * picture, birth years in the name) and {@link Kind#REAL_MASS_FOLLOWER} (following 1,500–7,500).
 * Suspicious kinds: {@link Kind#EMPTY_BOT}, {@link Kind#FARM_ACCOUNT}, {@link
 * Kind#SOPHISTICATED_BOT} and {@link Kind#SPAM_MASS_FOLLOWER}. load-tests/README.md, "Labelled
 * follower accounts", lists every distribution.
 *
 * <p>Guarantees: the same seed and share give the same accounts in the same order on any JVM;
 * account ids are {@code a<seed in base 36>-<n>}, unique within a run; {@code usernameDigitCount ≤
 * usernameLength}. Not thread-safe.
 */
public final class AccountGenerator {

  /** Where an account comes from; {@link #suspicious()} is its label. */
  public enum Kind {
    PERSON(false, 0.62),
    CREATOR(false, 0.08),
    INACTIVE_PERSON(false, 0.20),
    REAL_MASS_FOLLOWER(false, 0.10),
    EMPTY_BOT(true, 0.30),
    FARM_ACCOUNT(true, 0.28),
    SOPHISTICATED_BOT(true, 0.25),
    SPAM_MASS_FOLLOWER(true, 0.17);

    private final boolean suspicious;
    private final double weightInClass;

    Kind(boolean suspicious, double weightInClass) {
      this.suspicious = suspicious;
      this.weightInClass = weightInClass;
    }

    public boolean suspicious() {
      return suspicious;
    }

    /** Share of this kind among the accounts of its class. */
    public double weightInClass() {
      return weightInClass;
    }
  }

  /** One generated account and the kind it was drawn from. */
  public record Generated(Kind kind, LabelledAccount labelled) {}

  public static final double DEFAULT_SUSPICIOUS_SHARE = 0.3;
  /** Following above this is a mass follower (the classifier's rule); mass-follower kinds stay above it. */
  static final long MASS_FOLLOWING = 1_500;
  private static final long MAX_FOLLOWING = 7_500;

  private final SplittableRandom random;
  private final double suspiciousShare;
  private final String idPrefix;
  private long count;

  public AccountGenerator(long seed, double suspiciousShare) {
    if (!(suspiciousShare >= 0 && suspiciousShare <= 1)) {
      throw new IllegalArgumentException("suspiciousShare must be in [0, 1], got " + suspiciousShare);
    }
    this.random = new SplittableRandom(seed);
    this.suspiciousShare = suspiciousShare;
    this.idPrefix = "a" + Long.toUnsignedString(seed, 36) + "-";
  }

  public AccountGenerator(long seed) {
    this(seed, DEFAULT_SUSPICIOUS_SHARE);
  }

  /** The next {@code n} labelled accounts. */
  public List<LabelledAccount> accounts(int n) {
    List<LabelledAccount> accounts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) accounts.add(next().labelled());
    return accounts;
  }

  public Generated next() {
    boolean suspicious = random.nextDouble() < suspiciousShare;
    Kind kind = pickKind(suspicious);
    String id = idPrefix + (++count);
    AudienceAccount account = switch (kind) {
      case PERSON -> person(id);
      case CREATOR -> creator(id);
      case INACTIVE_PERSON -> inactivePerson(id);
      case REAL_MASS_FOLLOWER -> realMassFollower(id);
      case EMPTY_BOT -> emptyBot(id);
      case FARM_ACCOUNT -> farmAccount(id);
      case SOPHISTICATED_BOT -> sophisticatedBot(id);
      case SPAM_MASS_FOLLOWER -> spamMassFollower(id);
    };
    return new Generated(kind, new LabelledAccount(account, suspicious));
  }

  private Kind pickKind(boolean suspicious) {
    double u = random.nextDouble();
    Kind last = null;
    for (Kind kind : Kind.values()) {
      if (kind.suspicious != suspicious) continue;
      last = kind;
      u -= kind.weightInClass;
      if (u < 0) return kind;
    }
    return last;
  }

  // ---- real people ------------------------------------------------------------------------------

  /** An ordinary person: power-law followers, following mostly 100–1,000, a picture, some bio. */
  private AudienceAccount person(String id) {
    long followers = chance(0.03) ? pareto(2_000, 1.2) : logNormal(280, 1.1);
    return account(id, followers, clamp(logNormal(350, 0.55), 5, MASS_FOLLOWING),
        chance(0.05) ? 0 : logNormal(60, 1.2), bio(0.65, 5, 150), chance(0.93), chance(0.35),
        humanDigits(), url(0.25, 0.08));
  }

  /** A small creator or business: thousands of followers, hundreds of posts, bio and often a link. */
  private AudienceAccount creator(String id) {
    return account(id, logNormal(3_500, 1.2), clamp(logNormal(600, 0.5), 20, MASS_FOLLOWING),
        logNormal(400, 0.9), bio(0.95, 40, 150), chance(0.99), chance(0.03), humanDigits(), url(0.2, 0.6));
  }

  /** A real but inactive person (hard negative): few followers, few or no posts, often bare. */
  private AudienceAccount inactivePerson(String id) {
    int digits = pickDigits(new double[] {0.55, 0.25, 0.15, 0.05}, new int[][] {{0, 0}, {1, 2}, {3, 4}, {5, 8}});
    return account(id, logNormal(35, 1.0), clamp(logNormal(130, 0.8), 1, MASS_FOLLOWING),
        chance(0.4) ? 0 : logNormal(3, 1.0), bio(0.3, 5, 60), chance(0.7), chance(0.45), digits,
        url(0.3, 0.02));
  }

  /** A real person who follows thousands of accounts (following 1,500–7,500). */
  private AudienceAccount realMassFollower(String id) {
    return account(id, logNormal(900, 1.0), massFollowing(2_800, 0.45), logNormal(150, 1.0),
        bio(0.7, 10, 150), chance(0.95), chance(0.15), humanDigits(), url(0.2, 0.15));
  }

  // ---- suspicious accounts ----------------------------------------------------------------------

  /** An empty bot: almost no followers or posts, no bio, rarely a picture, a digit-heavy name. */
  private AudienceAccount emptyBot(String id) {
    return account(id, logNormal(8, 1.0), clamp(logNormal(700, 0.7), 10, MAX_FOLLOWING),
        chance(0.6) ? 0 : 1 + random.nextInt(5), bio(0.08, 1, 30), chance(0.15), chance(0.05),
        4 + random.nextInt(6), url(0.4, 0.02));
  }

  /** A bought-follower farm account: created in bulk, follows many, stolen photo, templated name. */
  private AudienceAccount farmAccount(String id) {
    int digits = chance(0.2) ? random.nextInt(2) : 2 + random.nextInt(5);
    return account(id, logNormal(60, 1.1), clamp(logNormal(1_100, 0.7), 50, MAX_FOLLOWING),
        logNormal(4, 1.0), bio(0.3, 5, 40), chance(0.6), chance(0.1), digits, url(0.3, 0.05));
  }

  /** A bot built to look real: picture, some bio and posts, few digits; only its ratios give it away. */
  private AudienceAccount sophisticatedBot(String id) {
    int digits = pickDigits(new double[] {0.35, 0.35, 0.30}, new int[][] {{0, 0}, {1, 2}, {3, 4}});
    return account(id, logNormal(100, 0.9), clamp(logNormal(850, 0.4), 20, MASS_FOLLOWING),
        logNormal(10, 0.9), bio(0.4, 10, 120), chance(0.92), chance(0.12), digits, url(0.25, 0.12));
  }

  /** A spam bot following thousands (following 1,500–7,500), often linking somewhere. */
  private AudienceAccount spamMassFollower(String id) {
    return account(id, logNormal(150, 1.2), massFollowing(4_000, 0.5), logNormal(10, 1.2),
        bio(0.5, 5, 80), chance(0.8), chance(0.03), 1 + random.nextInt(5), url(0.2, 0.4));
  }

  // ---- pieces -----------------------------------------------------------------------------------

  private AudienceAccount account(String id, long followers, long following, long posts, int bio,
      boolean picture, boolean isPrivate, int digits, Boolean url) {
    int usernameLength = (int) clamp(Math.round(11 + 3 * random.nextGaussian()), 3, 30);
    if (digits > 0) usernameLength = Math.max(usernameLength, digits + 2);
    return new AudienceAccount(id, followers, following, posts, bio, picture, isPrivate,
        usernameLength, digits, url);
  }

  /** Digits in a person's username: mostly none, some 1–2, a few years or 5–6. */
  private int humanDigits() {
    return pickDigits(new double[] {0.60, 0.25, 0.12, 0.03}, new int[][] {{0, 0}, {1, 2}, {3, 4}, {5, 6}});
  }

  private int pickDigits(double[] weights, int[][] ranges) {
    double u = random.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0 || i == weights.length - 1) return ranges[i][0] + random.nextInt(ranges[i][1] - ranges[i][0] + 1);
    }
    throw new AssertionError();
  }

  /** A biography with probability {@code share}, its length uniform in [from, to]; else 0. */
  private int bio(double share, int from, int to) {
    return chance(share) ? from + random.nextInt(to - from + 1) : 0;
  }

  /** Unknown with probability {@code unknownShare}, else true with probability {@code trueShare}. */
  private Boolean url(double unknownShare, double trueShare) {
    return chance(unknownShare) ? null : chance(trueShare);
  }

  private long massFollowing(double median, double sigma) {
    return clamp(logNormal(median, sigma), MASS_FOLLOWING + 1, MAX_FOLLOWING);
  }

  private long logNormal(double median, double sigma) {
    return Math.round(median * Math.exp(sigma * random.nextGaussian()));
  }

  private long pareto(double min, double alpha) {
    return Math.round(min / Math.pow(1 - random.nextDouble(), 1 / alpha));
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }
}
