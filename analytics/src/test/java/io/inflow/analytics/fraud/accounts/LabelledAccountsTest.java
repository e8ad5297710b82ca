package io.inflow.analytics.fraud.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.protocol.event.AudienceAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledAccountsTest {
  private static final String GOOD = "{\"accountId\":\"a1\",\"followers\":10,\"following\":900,\"posts\":0,"
      + "\"biographyLength\":0,\"hasProfilePicture\":false,\"isPrivate\":false,\"usernameLength\":12,"
      + "\"usernameDigitCount\":8,\"label\":1}";

  @Test
  void writtenAccountsReadBackEqual() throws IOException {
    List<LabelledAccount> accounts = List.of(
        new LabelledAccount(new AudienceAccount("a1", 10, 900, 0, 0, false, false, 12, 8, null), true),
        new LabelledAccount(new AudienceAccount("a2", 500, 300, 80, 42, true, true, 9, 0, false), false),
        new LabelledAccount(new AudienceAccount("a3", 5, 3, 1, 0, true, false, 6, 1, true), false));
    StringWriter out = new StringWriter();
    LabelledAccounts.write(out, accounts);
    assertEquals(GOOD, out.toString().lines().findFirst().orElseThrow(), "unknown link left out, label last");
    assertEquals(accounts, read(out.toString()));
  }

  @Test
  void blankLinesAreSkippedButCounted() throws IOException {
    var e = assertThrows(LabelledAccounts.BadLineException.class,
        () -> read(GOOD + "\n\n" + GOOD.replace("\"followers\":10", "\"followers\":-3") + "\n"));
    assertEquals(3, e.line());
    assertEquals("followers", e.field());
    assertTrue(e.getMessage().startsWith("line 3, field followers: followers must be a non-negative integer"), e.getMessage());
  }

  @Test
  void badLinesNameTheLineAndTheField() {
    assertBad(GOOD.replace(",\"label\":1", ""), "label", "label is required");
    assertBad(GOOD.replace("\"label\":1", "\"label\":2"), "label", "label must be at most 1");
    assertBad(GOOD.replace("\"isPrivate\":false", "\"isPrivate\":\"no\""), "isPrivate", "must be true or false");
    assertBad(GOOD.replace("\"posts\":0", "\"post\":0"), "post", "(did you mean posts?)");
    assertBad(GOOD.replace("\"usernameDigitCount\":8", "\"usernameDigitCount\":13"), "usernameDigitCount",
        "cannot exceed usernameLength (12)");
    assertBad("{\"accountId\":", null, "not valid JSON");
    assertBad("[1]", null, "must be a JSON object");
  }

  private static void assertBad(String line, String field, String message) {
    var e = assertThrows(LabelledAccounts.BadLineException.class, () -> read(GOOD + "\n" + line + "\n"), line);
    assertEquals(2, e.line(), e.getMessage());
    if (field == null) assertNull(e.field(), e.getMessage());
    else assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  private static List<LabelledAccount> read(String text) throws IOException {
    return LabelledAccounts.read(new BufferedReader(new StringReader(text)));
  }
}
