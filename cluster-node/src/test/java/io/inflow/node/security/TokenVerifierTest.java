package io.inflow.node.security;

import static org.junit.jupiter.api.Assertions.*;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token checks against real keys: HS256 secret, ES256/RS256 from a JWKS file and from a JWKS URL. */
class TokenVerifierTest {
  private static final byte[] SECRET = random(32);

  @TempDir Path dir;

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private Config config(String extra) {
    return ConfigFactory.parseString("""
        data-dir = "%s"
        auth { mode = dev, hs256-secret = "%s", jwks-file = "", jwks-url = "", issuer = "inflow-dev",
               audience = "inflow-api", clock-skew = 30s, role-claim = role, brands-claim = brands,
               max-dev-token-ttl = 30d, brand-cache-ttl = 30s }
        """.formatted(dir.toString().replace("\\", "/"), Base64.getEncoder().encodeToString(SECRET)))
        .withFallback(ConfigFactory.parseString(extra)).resolve();
  }

  private TokenVerifier verifier(String overrides) {
    return new TokenVerifier(AuthSettings.fromConfig(ConfigFactory.parseString(overrides).withFallback(config(""))));
  }

  private static JWTClaimsSet.Builder claims(Consumer<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    var b = new JWTClaimsSet.Builder().subject("alice").issuer("inflow-dev").audience("inflow-api")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
        .claim("role", "analyst").claim("brands", List.of("acme"));
    change.accept(b);
    return b;
  }

  private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static String hs256(byte[] secret, Consumer<JWTClaimsSet.Builder> change) throws Exception {
    return sign(new MACSigner(secret), JWSAlgorithm.HS256, null, claims(change).build());
  }

  private static String code(TokenVerifier v, String token) {
    return assertThrows(AuthenticationException.class, () -> v.verify(token)).code();
  }

  @Test
  void acceptsAGoodHs256TokenAndReadsRoleAndBrands() throws Exception {
    Caller caller = verifier("").verify(hs256(SECRET, b -> b.claim("brands", List.of("acme", "nordic")).jwtID("t-1")));
    assertEquals("alice", caller.subject());
    assertEquals(Role.ANALYST, caller.role());
    assertEquals(Set.of("acme", "nordic"), caller.brands());
    assertEquals("t-1", caller.tokenId());
    assertTrue(caller.canRead("acme"));
    assertFalse(caller.canRead("other"));
  }

  @Test
  void namesWhatIsWrongWithABadToken() throws Exception {
    TokenVerifier v = verifier("");
    assertEquals("token_missing", code(v, null));
    assertEquals("token_malformed", code(v, "not-a-jwt"));
    assertEquals("token_signature_invalid", code(v, hs256(random(32), b -> {})));
    assertEquals("token_expired", code(v, hs256(SECRET, b -> b.expirationTime(Date.from(Instant.now().minusSeconds(120))))));
    assertEquals("token_not_yet_valid", code(v, hs256(SECRET, b -> b.notBeforeTime(Date.from(Instant.now().plusSeconds(120))))));
    assertEquals("token_audience_invalid", code(v, hs256(SECRET, b -> b.audience("someone-else"))));
    assertEquals("token_issuer_invalid", code(v, hs256(SECRET, b -> b.issuer("evil"))));
    assertEquals("token_claims_missing", code(v, hs256(SECRET, b -> b.expirationTime(null))));
    assertEquals("token_role_invalid", code(v, hs256(SECRET, b -> b.claim("role", "superuser"))));
    assertEquals("token_brands_missing", code(v, hs256(SECRET, b -> b.claim("brands", null))));
    assertEquals("token_brands_invalid", code(v, hs256(SECRET, b -> b.claim("brands", List.of(42)))));
    // an unsigned token ("alg": "none") is never accepted
    assertEquals("token_rejected", code(v, new PlainJWT(claims(b -> b.claim("role", "admin")).build()).serialize()));
  }

  @Test
  void toleratesTheConfiguredClockSkewOnly() throws Exception {
    TokenVerifier v = verifier("");
    assertEquals("alice", v.verify(hs256(SECRET, b -> b.expirationTime(Date.from(Instant.now().minusSeconds(10))))).subject());
    assertEquals("token_expired", code(v, hs256(SECRET, b -> b.expirationTime(Date.from(Instant.now().minusSeconds(45))))));
  }

  @Test
  void verifiesEs256AndRs256TokensAgainstAJwksFile() throws Exception {
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(List.of(ec.toPublicJWK(), rsa.toPublicJWK())).toString());
    TokenVerifier v = verifier("auth.jwks-file = \"" + jwks.toString().replace("\\", "/") + "\"");

    assertEquals(Role.ADMIN, v.verify(sign(new ECDSASigner(ec), JWSAlgorithm.ES256, "ec-1",
        claims(b -> b.claim("role", "admin")).build())).role());
    assertEquals(Role.INGEST, v.verify(sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1",
        claims(b -> b.claim("role", "ingest")).build())).role());
    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    assertEquals("token_signature_invalid", code(v, sign(new ECDSASigner(stranger), JWSAlgorithm.ES256, "ec-1",
        claims(b -> {}).build())));
    // the development secret still works beside the JWKS
    assertEquals("alice", v.verify(hs256(SECRET, b -> {})).subject());
  }

  @Test
  void fetchesTheJwksFromAUrl() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("idp-1").generate();
    byte[] body = new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    idp.createContext("/.well-known/jwks.json", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    idp.start();
    try {
      TokenVerifier v = verifier("""
          auth.mode = production
          auth.hs256-secret = ""
          auth.jwks-url = "http://127.0.0.1:%d/.well-known/jwks.json"
          """.formatted(idp.getAddress().getPort()));
      assertEquals("alice", v.verify(sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "idp-1", claims(b -> {}).build())).subject());
      // no HS256 in production without a configured secret, even one signed with the dev secret
      assertEquals("token_rejected", code(v, hs256(SECRET, b -> {})));
    } finally {
      idp.stop(0);
    }
  }

  @Test
  void devModeGeneratesTheSecretOnceAndProductionRefusesToStartWithoutAKey() throws Exception {
    Config noSecret = ConfigFactory.parseString("auth.hs256-secret = \"\"").withFallback(config(""));
    AuthSettings first = AuthSettings.fromConfig(noSecret);
    Path file = AuthSettings.devSecretFile(noSecret);
    assertTrue(Files.exists(file));
    assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
    assertArrayEquals(first.hs256Secret(), AuthSettings.fromConfig(noSecret).hs256Secret(), "kept, not regenerated");
    String token = new TokenIssuer(first).issue("bob", Role.INGEST, Set.of(), Duration.ofMinutes(5));
    assertEquals("bob", new TokenVerifier(AuthSettings.fromConfig(noSecret)).verify(token).subject());

    var refused = assertThrows(IllegalArgumentException.class, () -> AuthSettings.fromConfig(
        ConfigFactory.parseString("auth.mode = production").withFallback(noSecret)));
    assertTrue(refused.getMessage().contains("INFLOW_AUTH_HS256_SECRET"), refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AuthSettings.fromConfig(
        ConfigFactory.parseString("auth.hs256-secret = \"" + Base64URL.encode("short").toString() + "\"").withFallback(noSecret)));
  }
}
