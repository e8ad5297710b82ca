package io.inflow.node.security;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * {@code inflow.auth}: how bearer tokens are checked.
 *
 * <ul>
 *   <li>{@code mode = dev} (default): HS256 with {@code hs256-secret} if set, else a secret generated
 *       at first start and kept in {@code <data-dir>/secrets/jwt-hs256.key} (mode 600), so no secret
 *       is ever committed; {@code ./inflow token} signs development tokens with it.
 *   <li>{@code mode = production}: nothing is generated; the node refuses to start unless
 *       {@code hs256-secret} (base64, at least 32 bytes) or a JWKS ({@code jwks-file} or
 *       {@code jwks-url}, for RS256/ES256 tokens of an identity provider) is configured.
 * </ul>
 * Both modes check issuer, audience, expiry and not-before with {@code clock-skew}.
 */
public record AuthSettings(
    Mode mode,
    byte[] hs256Secret,
    Path jwksFile,
    String jwksUrl,
    String issuer,
    String audience,
    Duration clockSkew,
    String roleClaim,
    String brandsClaim,
    Duration maxDevTokenTtl) {

  public enum Mode { DEV, PRODUCTION }

  public static final int MIN_SECRET_BYTES = 32;

  /** Reads {@code inflow.auth} of the {@code inflow} config block; generates the dev secret if needed. */
  public static AuthSettings fromConfig(Config inflow) {
    Config c = inflow.getConfig("auth");
    Mode mode = switch (c.getString("mode").trim().toLowerCase(Locale.ROOT)) {
      case "dev" -> Mode.DEV;
      case "production" -> Mode.PRODUCTION;
      default -> throw new IllegalArgumentException("inflow.auth.mode must be dev or production, got '"
          + c.getString("mode") + "'");
    };
    String jwksFile = c.getString("jwks-file").trim();
    String jwksUrl = c.getString("jwks-url").trim();
    String secretText = c.getString("hs256-secret").trim();
    byte[] secret = null;
    if (!secretText.isEmpty()) {
      try {
        secret = Base64.getDecoder().decode(secretText);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("inflow.auth.hs256-secret (INFLOW_AUTH_HS256_SECRET) must be base64");
      }
      if (secret.length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException("inflow.auth.hs256-secret must decode to at least "
            + MIN_SECRET_BYTES + " bytes, got " + secret.length);
      }
    } else if (mode == Mode.DEV) {
      secret = KeyFiles.readOrCreate(devSecretFile(inflow), MIN_SECRET_BYTES);
    }
    if (mode == Mode.PRODUCTION && secret == null && jwksFile.isEmpty() && jwksUrl.isEmpty()) {
      throw new IllegalArgumentException("inflow.auth.mode = production needs a configured key: set "
          + "INFLOW_AUTH_HS256_SECRET (base64, >= 32 bytes) or INFLOW_AUTH_JWKS_FILE / INFLOW_AUTH_JWKS_URL");
    }
    return new AuthSettings(mode, secret, jwksFile.isEmpty() ? null : Path.of(jwksFile),
        jwksUrl.isEmpty() ? null : jwksUrl, c.getString("issuer"), c.getString("audience"),
        c.getDuration("clock-skew"), c.getString("role-claim"), c.getString("brands-claim"),
        c.getDuration("max-dev-token-ttl"));
  }

  /** Where the generated development secret lives. */
  public static Path devSecretFile(Config inflow) {
    return Path.of(inflow.getString("data-dir")).resolve("secrets/jwt-hs256.key");
  }

  public boolean hasSecret() {
    return hs256Secret != null;
  }
}
