package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.analytics.fraud.accounts.AccountClassifier;
import io.inflow.analytics.fraud.accounts.AccountEvaluation;
import io.inflow.analytics.fraud.accounts.LabelledAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped account model (trained on seed 1001, see README "Labelled follower accounts") on
 * accounts from a seed never used in training or tuning: issue 5 asks for F1 ≥ 0.9.
 */
class ShippedAccountModelTest {
  static final long FRESH_SEED = 424_242;
  static final int FRESH_COUNT = 5_000;

  @Test
  void theShippedModelMeetsItsTargetsOnAFreshSeed() {
    List<LabelledAccount> fresh = new AccountGenerator(FRESH_SEED).accounts(FRESH_COUNT);
    AccountEvaluation evaluation = AccountEvaluation.of(AccountClassifier.shipped(), fresh);
    String report = evaluation.report("seed " + FRESH_SEED);
    System.out.println("shipped account model, " + FRESH_COUNT + " fresh accounts:\n" + report);
    assertTrue(evaluation.scores().f1() >= 0.9, report);
    assertTrue(evaluation.scores().rocAuc() >= 0.95, report);
  }
}
