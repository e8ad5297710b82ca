package io.inflow.node.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Signs HS256 tokens with the node's secret: development tokens for {@code ./inflow token} and the
 * demo's admin token. An identity provider issues production tokens; this class is not used for them.
 */
public final class TokenIssuer {
  private final AuthSettings settings;
  private final MACSigner signer;

  public TokenIssuer(AuthSettings settings) {
    if (!settings.hasSecret()) {
      throw new IllegalStateException("no HS256 secret is configured: tokens come from your identity provider");
    }
    this.settings = settings;
    try {
      this.signer = new MACSigner(settings.hs256Secret());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the HS256 secret is too short: " + e.getMessage(), e);
    }
  }

  /** A token for {@code subject} with {@code role}, limited to {@code brands}, valid from now for {@code ttl}. */
  public String issue(String subject, Role role, Set<String> brands, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(settings.maxDevTokenTtl()) > 0) {
      throw new IllegalArgumentException("ttl must be positive and at most " + settings.maxDevTokenTtl());
    }
    if (role == Role.ANALYST && brands.isEmpty()) {
      throw new IllegalArgumentException("an analyst token needs at least one brand (--brand)");
    }
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer(settings.issuer())
        .audience(settings.audience())
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)))
        .jwtID(UUID.randomUUID().toString())
        .claim(settings.roleClaim(), role.wireName());
    if (!brands.isEmpty()) claims.claim(settings.brandsClaim(), List.copyOf(brands));
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
        claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign the token", e);
    }
    return jwt.serialize();
  }
}
