package io.inflow.node;

import com.typesafe.config.ConfigFactory;
import io.inflow.node.security.AuthSettings;
import io.inflow.node.security.Role;
import io.inflow.node.security.TokenIssuer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Tokens for tests: one random HS256 secret per test JVM, set as the system property
 * {@code inflow.auth.hs256-secret} (which overrides every node's configuration), so every node a
 * test starts accepts these tokens and no secret is committed.
 */
public final class TestTokens {
  public static final String SECRET;
  private static final TokenIssuer ISSUER;

  static {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    SECRET = Base64.getEncoder().encodeToString(bytes);
    System.setProperty("inflow.auth.hs256-secret", SECRET);
    ConfigFactory.invalidateCaches();
    ISSUER = new TokenIssuer(AuthSettings.fromConfig(
        InflowNode.loadConfig(ConfigFactory.parseString("inflow.data-dir = target/test-tokens")).getConfig("inflow")));
  }

  private TestTokens() {}

  /** Call before starting a node so that it picks up the test secret. */
  public static void install() {
    // the static initialiser does the work
  }

  public static String admin() {
    return ISSUER.issue("test-admin", Role.ADMIN, Set.of(), Duration.ofHours(2));
  }

  public static String analyst(String... brands) {
    return ISSUER.issue("test-analyst", Role.ANALYST, Set.of(brands), Duration.ofHours(2));
  }

  public static String ingest(String... brands) {
    return ISSUER.issue("test-ingest", Role.INGEST, Set.of(brands), Duration.ofHours(2));
  }

  public static String token(String subject, Role role, Set<String> brands) {
    return ISSUER.issue(subject, role, brands, Duration.ofHours(2));
  }
}
