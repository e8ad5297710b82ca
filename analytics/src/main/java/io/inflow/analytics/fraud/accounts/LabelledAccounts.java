package io.inflow.analytics.fraud.accounts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inflow.protocol.api.ErrorDetail;
import io.inflow.protocol.codec.AccountCodec;
import io.inflow.protocol.codec.Json;
import io.inflow.protocol.codec.ValidationException;
import io.inflow.protocol.event.AudienceAccount;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled account file: JSON Lines, one object per line with the fields of an {@code
 * audience.sample} account ({@code accountId, followers, following, posts, biographyLength,
 * hasProfilePicture, isPrivate, usernameLength, usernameDigitCount, hasExternalUrl?}) plus {@code
 * "label"}: 1 suspicious, 0 real. Lines are read with the ingest codec's rules (strict types, no
 * unknown fields); blank lines are skipped but counted.
 */
public final class LabelledAccounts {

  /** A line that is not a labelled account: {@link #line()} is 1-based, {@link #field()} may be null. */
  public static final class BadLineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final String field;

    BadLineException(ErrorDetail detail) {
      super("line " + detail.line() + (detail.field() == null ? "" : ", field " + detail.field())
          + ": " + detail.message());
      this.line = detail.line();
      this.field = detail.field();
    }

    public int line() {
      return line;
    }

    public String field() {
      return field;
    }
  }

  private LabelledAccounts() {}

  /** Every account in {@code file}; the first bad line throws a {@link BadLineException}. */
  public static List<LabelledAccount> read(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader);
    }
  }

  public static List<LabelledAccount> read(BufferedReader reader) throws IOException {
    List<LabelledAccount> accounts = new ArrayList<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (!line.isBlank()) accounts.add(parse(line, lineNumber));
    }
    return accounts;
  }

  /** One line ({@code lineNumber} 1-based, for the error). */
  public static LabelledAccount parse(String line, int lineNumber) {
    try {
      AccountCodec.LabelledLine parsed = AccountCodec.parseLabelledLine(line, lineNumber);
      return new LabelledAccount(parsed.account(), parsed.suspicious());
    } catch (ValidationException e) {
      throw new BadLineException(e.details().get(0));
    }
  }

  /** Writes {@code accounts} to {@code file} (replacing it), one line each. */
  public static void write(Path file, Iterable<LabelledAccount> accounts) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(writer, accounts);
    }
  }

  public static void write(Writer writer, Iterable<LabelledAccount> accounts) throws IOException {
    for (LabelledAccount labelled : accounts) {
      writer.write(toLine(labelled));
      writer.write('\n');
    }
  }

  /** One line without its terminator; {@code hasExternalUrl} is left out when unknown. */
  public static String toLine(LabelledAccount labelled) {
    AudienceAccount a = labelled.account();
    ObjectNode o = Json.mapper().createObjectNode()
        .put("accountId", a.accountId())
        .put("followers", a.followers())
        .put("following", a.following())
        .put("posts", a.posts())
        .put("biographyLength", a.biographyLength())
        .put("hasProfilePicture", a.hasProfilePicture())
        .put("isPrivate", a.isPrivate())
        .put("usernameLength", a.usernameLength())
        .put("usernameDigitCount", a.usernameDigitCount());
    if (a.hasExternalUrl() != null) o.put("hasExternalUrl", a.hasExternalUrl());
    o.put(AccountCodec.LABEL, labelled.suspicious() ? 1 : 0);
    return Json.write(o);
  }
}
