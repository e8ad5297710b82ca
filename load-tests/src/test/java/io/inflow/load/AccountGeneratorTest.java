package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.analytics.fraud.accounts.LabelledAccount;
import io.inflow.analytics.fraud.accounts.LabelledAccounts;
import io.inflow.load.AccountGenerator.Generated;
import io.inflow.load.AccountGenerator.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountGeneratorTest {

  @Test
  void theSameSeedGivesTheSameAccounts() {
    assertEquals(new AccountGenerator(5).accounts(500), new AccountGenerator(5).accounts(500));
    assertNotEquals(new AccountGenerator(5).accounts(50), new AccountGenerator(6).accounts(50));
  }

  @Test
  void sharesKindsAndShapesAreAsDocumented() {
    AccountGenerator generator = new AccountGenerator(11, 0.3);
    Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
    var ids = new HashSet<String>();
    int suspicious = 0, massReal = 0, massSuspicious = 0, n = 20_000;
    for (int i = 0; i < n; i++) {
      Generated g = generator.next();
      var a = g.labelled().account();
      byKind.merge(g.kind(), 1, Integer::sum);
      assertEquals(g.kind().suspicious(), g.labelled().suspicious());
      assertTrue(a.usernameDigitCount() <= a.usernameLength(), a.toString());
      assertTrue(ids.add(a.accountId()));
      if (g.labelled().suspicious()) suspicious++;
      if (a.following() > AccountGenerator.MASS_FOLLOWING) {
        if (g.labelled().suspicious()) massSuspicious++; else massReal++;
      }
      boolean massKind = g.kind() == Kind.REAL_MASS_FOLLOWER || g.kind() == Kind.SPAM_MASS_FOLLOWER;
      if (massKind) assertTrue(a.following() > AccountGenerator.MASS_FOLLOWING && a.following() <= 7_500, a.toString());
    }
    assertEquals(0.3, (double) suspicious / n, 0.015);
    assertTrue(massReal > 0.08 * (n - suspicious) && massSuspicious > 0.15 * suspicious,
        "mass followers in both classes: " + massReal + " real, " + massSuspicious + " suspicious");
    for (Kind kind : Kind.values()) {
      double share = byKind.get(kind) / (double) (kind.suspicious() ? suspicious : n - suspicious);
      assertEquals(kind.weightInClass(), share, 0.02, kind.name());
    }
  }

  @Test
  void realPeopleMostlyFollowHundredsAndHaveFewDigits() {
    List<LabelledAccount> people = new AccountGenerator(3, 0).accounts(5_000);
    long hundreds = people.stream().filter(l -> l.account().following() >= 100 && l.account().following() <= 1_000).count();
    long fewDigits = people.stream().filter(l -> l.account().usernameDigitCount() <= 2).count();
    assertTrue(hundreds > 0.6 * people.size(), hundreds + " of " + people.size());
    assertTrue(fewDigits > 0.8 * people.size(), fewDigits + " of " + people.size());
    long[] followers = people.stream().mapToLong(l -> l.account().followers()).sorted().toArray();
    long median = followers[followers.length / 2];
    assertTrue(median > 100 && median < 600, "median followers " + median);
    assertTrue(followers[followers.length - 1] > 50 * median, "a power-law tail: max " + followers[followers.length - 1]);
  }

  @Test
  void theCommandWritesAReadableLabelledFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("accounts.jsonl");
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int status = Generate.run(new String[] {"accounts", "--seed", "9", "--count", "300", "--out", file.toString(),
        "--suspicious-share", "0.5"}, new PrintStream(out, true), new PrintStream(err, true));
    assertEquals(0, status, err.toString());
    assertEquals(new AccountGenerator(9, 0.5).accounts(300), LabelledAccounts.read(file));
    assertTrue(out.toString().startsWith("300 accounts ("), out.toString());
    assertEquals(300, Files.readAllLines(file).size());

    assertEquals(2, Generate.run(new String[] {"accounts", "--seed", "9", "--count", "3"},
        new PrintStream(out, true), new PrintStream(err, true)));
    assertTrue(err.toString().contains("--out is required"), err.toString());
  }
}
