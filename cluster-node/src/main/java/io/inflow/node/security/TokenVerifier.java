package io.inflow.node.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies bearer JWTs with Nimbus JOSE+JWT: HS256 against the configured (or generated development)
 * secret, RS256/ES256 against a JWKS file or URL; then issuer, audience, {@code exp} (required) and
 * {@code nbf} with the configured clock skew, and the role and brands claims. Thread-safe.
 */
public final class TokenVerifier {
  private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private final AuthSettings settings;
  private final DefaultJWTProcessor<SecurityContext> processor;

  public TokenVerifier(AuthSettings settings) {
    this.settings = settings;
    JWSKeySelector<SecurityContext> hmac = settings.hasSecret()
        ? new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(settings.hs256Secret()))
        : null;
    JWKSource<SecurityContext> jwks = jwkSource(settings);
    JWSKeySelector<SecurityContext> asymmetric = jwks == null ? null
        : new JWSVerificationKeySelector<>(ASYMMETRIC, jwks);
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector((header, context) -> {
      JWSKeySelector<SecurityContext> selector = JWSAlgorithm.HS256.equals(header.getAlgorithm()) ? hmac
          : ASYMMETRIC.contains(header.getAlgorithm()) ? asymmetric : null;
      // no key for another algorithm (or one not configured): Nimbus then rejects the token
      return selector == null ? List.of() : selector.selectJWSKeys(header, context);
    });
    var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(
        Set.of(settings.audience()),
        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
        Set.of("sub", "exp", settings.roleClaim()),
        null);
    verifier.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(verifier);
  }

  private static JWKSource<SecurityContext> jwkSource(AuthSettings settings) {
    if (settings.jwksFile() != null) {
      try {
        return new ImmutableJWKSet<>(JWKSet.load(settings.jwksFile().toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the JWKS file " + settings.jwksFile(), e);
      } catch (ParseException e) {
        throw new IllegalArgumentException("the JWKS file " + settings.jwksFile() + " is not a JWK set: " + e.getMessage());
      }
    }
    if (settings.jwksUrl() != null) {
      try {
        return JWKSourceBuilder.<SecurityContext>create(URI.create(settings.jwksUrl()).toURL()).retrying(true).build();
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new IllegalArgumentException("inflow.auth.jwks-url is not a URL: " + settings.jwksUrl());
      }
    }
    return null;
  }

  /** The caller of a verified token; throws {@link AuthenticationException} naming what is wrong. */
  public Caller verify(String token) {
    if (token == null || token.isBlank()) {
      throw new AuthenticationException("token_missing",
          "send a bearer token: Authorization: Bearer <token> (./inflow token prints one for development)");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token.trim(), null);
    } catch (ParseException e) {
      throw new AuthenticationException("token_malformed", "the bearer token is not a signed JWT: " + e.getMessage());
    } catch (BadJWTException e) {
      throw claimsProblem(e.getMessage());
    } catch (BadJWSException e) {
      throw new AuthenticationException("token_signature_invalid", "the token's signature does not verify");
    } catch (BadJOSEException e) {
      throw new AuthenticationException("token_rejected", "the token was rejected (accepted: "
          + accepted() + "): " + e.getMessage());
    } catch (JOSEException e) {
      throw new AuthenticationException("token_rejected", "the token could not be verified: " + e.getMessage());
    }
    Role role = Role.fromWire(stringClaim(claims, settings.roleClaim())).orElseThrow(() ->
        new AuthenticationException("token_role_invalid", "claim '" + settings.roleClaim()
            + "' must be one of admin, analyst, ingest"));
    Set<String> brands = brands(claims);
    if (role == Role.ANALYST && brands.isEmpty()) {
      throw new AuthenticationException("token_brands_missing",
          "an analyst token must list its brands in claim '" + settings.brandsClaim() + "'");
    }
    String tokenId = claims.getJWTID() != null ? claims.getJWTID() : sha256(token.trim());
    return new Caller(claims.getSubject(), role, role == Role.ADMIN ? Set.of() : brands, tokenId,
        claims.getExpirationTime().toInstant());
  }

  private String accepted() {
    List<String> algs = new ArrayList<>();
    if (settings.hasSecret()) algs.add("HS256");
    if (settings.jwksFile() != null || settings.jwksUrl() != null) algs.add("RS256/ES256 from the JWKS");
    return String.join(", ", algs);
  }

  private static AuthenticationException claimsProblem(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (m.contains("expired")) return new AuthenticationException("token_expired", "the token has expired");
    if (m.contains("before use time")) {
      return new AuthenticationException("token_not_yet_valid", "the token is not valid yet (nbf)");
    }
    if (m.contains("aud claim") || m.contains("audience")) {
      return new AuthenticationException("token_audience_invalid", "the token is not meant for this API: " + message);
    }
    if (m.contains(" iss ")) return new AuthenticationException("token_issuer_invalid", "unexpected issuer: " + message);
    if (m.contains("missing required claims")) {
      return new AuthenticationException("token_claims_missing", message);
    }
    return new AuthenticationException("token_rejected", "the token's claims were rejected: " + message);
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    if (value instanceof String s) return s;
    if (value instanceof List<?> list && list.size() == 1 && list.get(0) instanceof String s) return s;
    return null;
  }

  private Set<String> brands(JWTClaimsSet claims) {
    Object value = claims.getClaim(settings.brandsClaim());
    if (value == null) return Set.of();
    List<Object> items = value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    Set<String> brands = new LinkedHashSet<>();
    for (Object item : items) {
      if (!(item instanceof String s) || s.isBlank()) {
        throw new AuthenticationException("token_brands_invalid",
            "claim '" + settings.brandsClaim() + "' must be a list of brand ids");
      }
      brands.add(s);
    }
    return brands;
  }

  private static String sha256(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
