package io.inflow.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.event.AudienceAccount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountCodecTest {
  private static final String ACCOUNT = "{\"accountId\":\"%s\",\"followers\":%s,\"following\":300,\"posts\":12,"
      + "\"biographyLength\":40,\"hasProfilePicture\":true,\"isPrivate\":false,\"usernameLength\":9,"
      + "\"usernameDigitCount\":1}";

  private static byte[] body(String... accounts) {
    return ("{\"accounts\":[" + String.join(",", accounts) + "]}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aRequestGivesItsAccountsInOrder() {
    List<AudienceAccount> accounts = AccountCodec.parseRequest(
        body(ACCOUNT.formatted("b", 7), ACCOUNT.formatted("a", 5).replace("}", ",\"hasExternalUrl\":true}")), 10);
    assertEquals(List.of(new AudienceAccount("b", 7, 300, 12, 40, true, false, 9, 1, null),
        new AudienceAccount("a", 5, 300, 12, 40, true, false, 9, 1, true)), accounts);
  }

  @Test
  void aBadAccountIsNamedByItsPath() {
    ErrorDetail d = problem(body(ACCOUNT.formatted("a", 1), ACCOUNT.formatted("b", 2), ACCOUNT.formatted("c", "\"x\"")), 10);
    assertEquals("accounts[2].followers", d.field());
    assertEquals(ErrorCodes.WRONG_TYPE, d.code());
    assertEquals("accounts[1].folowers", problem(body(ACCOUNT.formatted("a", 1),
        ACCOUNT.formatted("b", 2).replace("followers", "folowers")), 10).field());
    assertEquals("accounts", problem("{\"accounts\":{}}".getBytes(StandardCharsets.UTF_8), 10).field());
    assertEquals(ErrorCodes.MALFORMED_JSON, problem("{\"accounts\":[".getBytes(StandardCharsets.UTF_8), 10).code());
    assertEquals(ErrorCodes.MALFORMED_JSON, problem(new byte[0], 10).code());
  }

  @Test
  void moreAccountsThanTheLimitIsTooLongOnAccounts() {
    ErrorDetail d = problem(body(ACCOUNT.formatted("a", 1), ACCOUNT.formatted("b", 2), ACCOUNT.formatted("c", 3)), 2);
    assertEquals("accounts", d.field());
    assertEquals(ErrorCodes.TOO_LONG, d.code());
    assertTrue(d.message().contains("at most 2"), d.message());
  }

  @Test
  void aLabelledLineCarriesItsLineNumber() {
    var line = AccountCodec.parseLabelledLine(ACCOUNT.formatted("a", 1).replace("}", ",\"label\":1}"), 4);
    assertTrue(line.suspicious());
    var e = assertThrows(ValidationException.class,
        () -> AccountCodec.parseLabelledLine(ACCOUNT.formatted("a", -1).replace("}", ",\"label\":0}"), 4));
    assertEquals(4, e.details().get(0).line());
    assertEquals("followers", e.details().get(0).field());
  }

  private static ErrorDetail problem(byte[] body, int max) {
    var e = assertThrows(ValidationException.class, () -> AccountCodec.parseRequest(body, max));
    assertEquals(1, e.details().size());
    return e.details().get(0);
  }
}
