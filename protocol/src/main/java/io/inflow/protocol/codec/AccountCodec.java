package io.inflow.protocol.codec;

import static io.inflow.protocol.codec.ErrorCodes.INVALID_VALUE;
import static io.inflow.protocol.codec.ErrorCodes.MALFORMED_JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.event.AudienceAccount;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads sampled follower accounts outside an {@code audience.sample} event, with the same rules
 * and messages: the body of {@code POST /api/v1/analytics/accounts/classify} ({@code {"accounts":
 * [...]}}) and the lines of a labelled account file (the account's fields plus {@code "label"}: 1
 * suspicious, 0 real). Fail-fast: a {@link ValidationException} carries the first problem, its
 * field path ({@code accounts[3].followers}) and, for a file, its 1-based line. Thread-safe.
 */
public final class AccountCodec {

  /** The field of a labelled line holding 1 (suspicious) or 0 (real). */
  public static final String LABEL = "label";

  private static final Set<String> ACCOUNT_FIELDS = FieldReader.fieldsOf(AudienceAccount.class);
  private static final Set<String> LABELLED_FIELDS = withLabel(ACCOUNT_FIELDS);
  private static final Set<String> REQUEST_FIELDS = Set.of("accounts");
  private static final FieldReader FIELDS = FieldReader.failFast(CodecLimits.defaults());

  /** One line of a labelled account file. */
  public record LabelledLine(AudienceAccount account, boolean suspicious) {}

  private AccountCodec() {}

  /**
   * The accounts of a classify request, in order. More than {@code maxAccounts} is a problem with
   * code {@code too_long} on the field {@code accounts}, found before any account is read.
   */
  public static List<AudienceAccount> parseRequest(byte[] body, int maxAccounts) {
    JsonNode tree = Json.readBody(body, "the body");
    if (!(tree instanceof ObjectNode o)) {
      throw malformed(null, "a classify request must be a JSON object {\"accounts\": [...]}, got "
          + (tree == null || tree.isMissingNode() ? "an empty body" : Messages.describe(tree)));
    }
    try {
      FIELDS.rejectUnknown(o, "", REQUEST_FIELDS, "a classify request");
      ArrayNode array = FIELDS.requiredArray(o, "", "accounts", maxAccounts);
      AudienceAccount[] accounts = new AudienceAccount[array.size()];
      for (int i = 0; i < accounts.length; i++) {
        accounts[i] = element(FIELDS, array, i);
      }
      return List.of(accounts);
    } catch (FieldReader.Rejection rejection) {
      throw new ValidationException(List.of(rejection.detail()));
    }
  }

  /** One line of a labelled account file ({@code lineNumber} is 1-based, for the problem). */
  public static LabelledLine parseLabelledLine(String line, int lineNumber) {
    JsonNode tree;
    try {
      tree = Json.readBody(line.getBytes(StandardCharsets.UTF_8), "the line");
    } catch (ValidationException e) {
      throw atLine(e, lineNumber);
    }
    if (!(tree instanceof ObjectNode o)) {
      throw malformed(lineNumber, "a labelled account must be a JSON object, got "
          + (tree == null || tree.isMissingNode() ? "nothing" : Messages.describe(tree)));
    }
    try {
      FIELDS.rejectUnknown(o, "", LABELLED_FIELDS, "a labelled account");
      AudienceAccount account = account(FIELDS, o, "");
      long label = FIELDS.requiredCounter(o, "", LABEL, 1);
      return new LabelledLine(account, label == 1);
    } catch (FieldReader.Rejection rejection) {
      throw new ValidationException(List.of(rejection.detail().atLine(lineNumber, null)));
    }
  }

  private static ValidationException atLine(ValidationException e, int lineNumber) {
    return new ValidationException(e.details().stream().map(d -> d.atLine(lineNumber, null)).toList());
  }

  /** The account at {@code accounts[i]}: an object with exactly the account's fields. */
  static AudienceAccount element(FieldReader fields, ArrayNode accounts, int i) {
    ObjectNode a = fields.object(accounts.get(i), "", "accounts", i);
    String p = "accounts[" + i + "].";
    fields.rejectUnknown(a, p, ACCOUNT_FIELDS, "an audience account");
    return account(fields, a, p);
  }

  /** The account's fields in {@code a} under the path prefix {@code p}, in the contract's order. */
  private static AudienceAccount account(FieldReader fields, ObjectNode a, String p) {
    // Constructor arguments are evaluated left to right: the first problem is the contract's first.
    AudienceAccount account = new AudienceAccount(
        fields.requiredId(a, p, "accountId"),
        fields.requiredCounter(a, p, "followers", Long.MAX_VALUE),
        fields.requiredCounter(a, p, "following", Long.MAX_VALUE),
        fields.requiredCounter(a, p, "posts", Long.MAX_VALUE),
        (int) fields.requiredCounter(a, p, "biographyLength", Integer.MAX_VALUE),
        fields.requiredBoolean(a, p, "hasProfilePicture"),
        fields.requiredBoolean(a, p, "isPrivate"),
        (int) fields.requiredCounter(a, p, "usernameLength", Integer.MAX_VALUE),
        (int) fields.requiredCounter(a, p, "usernameDigitCount", Integer.MAX_VALUE),
        fields.optionalBoolean(a, p, "hasExternalUrl"));
    if (account.usernameDigitCount() > account.usernameLength()) {
      fields.problem(p + "usernameDigitCount", INVALID_VALUE, p + "usernameDigitCount ("
          + account.usernameDigitCount() + ") cannot exceed " + p + "usernameLength ("
          + account.usernameLength() + ")");
    }
    return account;
  }

  private static ValidationException malformed(Integer line, String message) {
    return new ValidationException(List.of(new ErrorDetail(line, null, null, MALFORMED_JSON, message)));
  }

  private static Set<String> withLabel(Set<String> fields) {
    Set<String> names = new HashSet<>(fields);
    names.add(LABEL);
    return Set.copyOf(names);
  }
}
