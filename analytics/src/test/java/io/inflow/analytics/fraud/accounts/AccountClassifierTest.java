package io.inflow.analytics.fraud.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.protocol.event.AudienceAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountClassifierTest {
  private static AccountClassifier trained;
  private static List<LabelledAccount> holdout;

  /** People: hundreds of followers and posts, a picture; bots: no followers or posts, digit names. */
  static List<LabelledAccount> accounts(long seed, int n) {
    Random random = new Random(seed);
    List<LabelledAccount> accounts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean bot = i % 3 == 0;
      accounts.add(new LabelledAccount(bot ? bot("b" + i, random) : person("p" + i, random), bot));
    }
    return accounts;
  }

  static AudienceAccount person(String id, Random random) {
    return new AudienceAccount(id, 200 + random.nextInt(2_000), 100 + random.nextInt(900), 20 + random.nextInt(300),
        random.nextInt(150), random.nextDouble() < 0.95, random.nextDouble() < 0.3, 8 + random.nextInt(8),
        random.nextInt(2), random.nextDouble() < 0.2 ? null : random.nextDouble() < 0.1);
  }

  static AudienceAccount bot(String id, Random random) {
    return new AudienceAccount(id, random.nextInt(30), 300 + random.nextInt(1_100), random.nextInt(3),
        0, random.nextDouble() < 0.1, false, 14 + random.nextInt(4), 6 + random.nextInt(6), null);
  }

  @BeforeAll
  static void train() {
    trained = AccountClassifier.train(accounts(1, 600), 7);
    holdout = accounts(2, 300);
  }

  @Test
  void forestsAreReadTreeByTreeWithTribuosOwnProbabilities() {
    for (AccountClassifier c : List.of(trained, AccountClassifier.shipped())) {
      assertTrue(c.readsTreeByTree());
      for (LabelledAccount a : accounts(3, 400)) {
        var example = new org.tribuo.impl.ArrayExample<>(org.tribuo.classification.LabelFactory.UNKNOWN_LABEL,
            AccountFeatures.nameArray(), AccountFeatures.values(a.account()));
        assertEquals(AccountClassifier.tribuoProbability(c.model(), example), c.suspiciousProbability(a.account()), 1e-9);
      }
    }
  }

  @Test
  void aModelTrainedOnSeparableAccountsClassifiesNewOnes() {
    AccountEvaluation evaluation = AccountEvaluation.of(trained, holdout);
    assertTrue(evaluation.scores().f1() > 0.98, evaluation.report("holdout"));
    assertTrue(evaluation.scores().rocAuc() > 0.99, evaluation.report("holdout"));

    var person = new AudienceAccount("anna", 850, 400, 120, 80, true, false, 9, 0, false);
    var bot = new AudienceAccount("user83746152", 2, 900, 0, 0, false, false, 12, 8, null);
    AccountVerdict real = trained.classify(person);
    AccountVerdict suspicious = trained.classify(bot);
    assertEquals(new AccountVerdict("anna", AccountType.REAL, real.suspiciousProbability()), real);
    assertTrue(real.suspiciousProbability() < 0.2, "person: " + real);
    assertEquals(AccountType.SUSPICIOUS, suspicious.type());
    assertTrue(suspicious.suspiciousProbability() > 0.8, "bot: " + suspicious);
  }

  @Test
  void followingMoreThanTheLimitIsAMassFollowerWhateverTheModelSays() {
    var person = new AudienceAccount("m1", 850, 1_501, 120, 80, true, false, 9, 0, false);
    var atTheLimit = new AudienceAccount("m2", 850, 1_500, 120, 80, true, false, 9, 0, false);
    var bot = new AudienceAccount("m3", 2, 5_000, 0, 0, false, false, 12, 8, null);
    assertEquals(AccountType.MASS_FOLLOWER, trained.classify(person).type());
    assertEquals(AccountType.REAL, trained.classify(atTheLimit).type());
    AccountVerdict massBot = trained.classify(bot);
    assertEquals(AccountType.MASS_FOLLOWER, massBot.type());
    assertTrue(massBot.suspiciousProbability() > 0.5, "the probability is still reported: " + massBot);

    AccountClassifier stricter = trained.withMassFollowingAbove(1_000);
    assertEquals(1_000, stricter.massFollowingAbove());
    assertEquals(AccountType.MASS_FOLLOWER, stricter.classify(atTheLimit).type());
    assertEquals(AccountClassifier.DEFAULT_MASS_FOLLOWING_ABOVE, trained.massFollowingAbove(), "immutable");
  }

  @Test
  void theThresholdDecidesBetweenRealAndSuspicious() {
    // half person, half bot: the forest is unsure
    var mixed = new AudienceAccount("mixed", 20, 900, 40, 60, true, false, 14, 7, null);
    double p = trained.suspiciousProbability(mixed);
    assertTrue(p > 0 && p < 1, "an unsure account: " + p);
    assertEquals(AccountType.SUSPICIOUS, trained.withThreshold(p).classify(mixed).type());
    assertEquals(AccountType.REAL, trained.withThreshold(Math.min(1, p + 1e-6)).classify(mixed).type());
    assertEquals(AccountClassifier.DEFAULT_THRESHOLD, trained.threshold());
    assertThrows(IllegalArgumentException.class, () -> trained.withThreshold(0));
  }

  @Test
  void savingAndLoadingGivesIdenticalProbabilities(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("model.tribuo.gz");
    trained.save(file);
    AccountClassifier loaded = AccountClassifier.load(file);
    for (LabelledAccount labelled : holdout) {
      assertEquals(trained.classify(labelled.account()), loaded.classify(labelled.account()));
    }
  }

  @Test
  void theSameAccountsAndSeedTrainTheSameModel() {
    AccountClassifier again = AccountClassifier.train(accounts(1, 600), 7);
    for (LabelledAccount labelled : holdout.subList(0, 50)) {
      assertEquals(trained.suspiciousProbability(labelled.account()), again.suspiciousProbability(labelled.account()));
    }
  }

  @Test
  void aFileThatIsNoModelIsRefusedNamingIt(@TempDir Path dir) throws IOException {
    Path notAModel = Files.writeString(dir.resolve("labelled.jsonl"), "{\"accountId\":\"a\"}\n");
    var e = assertThrows(AccountModelException.class, () -> AccountClassifier.load(notAModel));
    assertTrue(e.getMessage().contains(notAModel.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not a Tribuo model"), e.getMessage());

    Path missing = dir.resolve("nope.tribuo.gz");
    var gone = assertThrows(AccountModelException.class, () -> AccountClassifier.load(missing));
    assertTrue(gone.getMessage().contains(missing.toAbsolutePath() + " does not exist"), gone.getMessage());
  }

  @Test
  void theShippedModelLoadsAndTellsAnObviousBotFromAPerson() {
    AccountClassifier shipped = AccountClassifier.shipped();
    assertEquals(AccountType.REAL,
        shipped.classify(new AudienceAccount("anna", 850, 400, 120, 80, true, false, 9, 0, false)).type());
    assertEquals(AccountType.SUSPICIOUS,
        shipped.classify(new AudienceAccount("x", 3, 900, 0, 0, false, false, 14, 9, null)).type());
    // an account with every count at zero still gets a probability
    double p = shipped.suspiciousProbability(new AudienceAccount("z", 0, 0, 0, 0, false, false, 0, 0, false));
    assertTrue(p >= 0 && p <= 1);
  }
}
