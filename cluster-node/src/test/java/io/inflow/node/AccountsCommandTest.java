package io.inflow.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.analytics.fraud.accounts.LabelledAccount;
import io.inflow.analytics.fraud.accounts.LabelledAccounts;
import io.inflow.protocol.event.AudienceAccount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void trainWritesAModelAndPrintsTheHeldOutFiguresThenEvalReadsIt(@TempDir Path dir) throws Exception {
    Path labelled = dir.resolve("accounts.jsonl");
    List<LabelledAccount> accounts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      boolean bot = i % 3 == 0;
      accounts.add(new LabelledAccount(bot
          ? new AudienceAccount("b" + i, i % 20, 600 + i, 0, 0, false, false, 14, 8, null)
          : new AudienceAccount("p" + i, 300 + i, 200 + i, 50 + i % 90, 60, true, i % 4 == 0, 10, 1, false), bot));
    }
    LabelledAccounts.write(labelled, accounts);
    Path model = dir.resolve("model.tribuo.gz");

    assertEquals(0, run(AccountsCommand::train, "--in", labelled.toString(), "--out", model.toString(), "--seed", "3"), err.toString());
    assertTrue(out.toString().startsWith("trained on 240 of 300 accounts"), out.toString());
    assertTrue(out.toString().contains("held out 60 accounts") && out.toString().contains("ROC AUC"), out.toString());
    assertTrue(Files.size(model) > 0);

    out.reset();
    assertEquals(0, run(AccountsCommand::eval, "--in", labelled.toString(), "--model", model.toString()), err.toString());
    assertTrue(out.toString().contains("accuracy 1.000 over 300 accounts"), out.toString());
  }

  @Test
  void badUsageIsExit2AndABadLineExit1NamingIt(@TempDir Path dir) throws Exception {
    assertEquals(2, run(AccountsCommand::train, "--in", "x.jsonl"));
    assertTrue(err.toString().contains("--out is required") && err.toString().contains("usage:"), err.toString());
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), "\n{\"accountId\":\"a\",\"followers\":-1}\n");
    err.reset();
    assertEquals(1, run(AccountsCommand::eval, "--in", bad.toString()));
    assertTrue(err.toString().contains("line 2, field followers"), err.toString());
  }

  private interface Command {
    int run(List<String> args, PrintStream out, PrintStream err);
  }

  private int run(Command command, String... args) {
    return command.run(List.of(args), new PrintStream(out, true), new PrintStream(err, true));
  }
}
