package io.inflow.node.privacy;

import io.inflow.protocol.event.AudienceSample;
import io.inflow.protocol.event.Click;
import io.inflow.protocol.event.CommentPosted;
import io.inflow.protocol.event.Conversion;
import io.inflow.protocol.event.IngestEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal ids (comment authors, audience accounts, visitors, customers) by a keyed hash
 * (HMAC-SHA256, 128 bits, base64url) before anything is persisted, so raw ids never reach the
 * journal while the same person still maps to the same pseudonym. The key is configured, or
 * generated once and kept in the data directory (mode 600).
 */
public final class Pseudonymizer {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  public Pseudonymizer(byte[] key) {
    if (key.length < 16) throw new IllegalArgumentException("pseudonym key must have at least 16 bytes");
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** Uses the base64 key if given, else the key file (created with a random key when absent). */
  public static Pseudonymizer fromKeyOrFile(String base64Key, Path keyFile) {
    if (base64Key != null && !base64Key.isBlank()) {
      return new Pseudonymizer(Base64.getDecoder().decode(base64Key.trim()));
    }
    return new Pseudonymizer(io.inflow.node.security.KeyFiles.readOrCreate(keyFile, 32));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  public String pseudonym(String personalId) {
    if (personalId == null) return null;
    byte[] digest = macs.get().doFinal(personalId.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
  }

  /** The event with every personal id replaced; events without personal ids are returned as is. */
  public IngestEvent apply(IngestEvent event) {
    if (event instanceof CommentPosted c) return c.withAuthorId(pseudonym(c.authorId()));
    if (event instanceof Click c) return c.visitorId() == null ? c : c.withVisitorId(pseudonym(c.visitorId()));
    if (event instanceof Conversion c) {
      return c.customerId() == null ? c : c.withCustomerId(pseudonym(c.customerId()));
    }
    if (event instanceof AudienceSample a) {
      return a.withAccounts(a.accounts().stream().map(x -> x.withAccountId(pseudonym(x.accountId()))).toList());
    }
    return event;
  }
}
