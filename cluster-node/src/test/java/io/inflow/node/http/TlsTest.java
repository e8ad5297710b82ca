package io.inflow.node.http;

import static org.junit.jupiter.api.Assertions.*;

import io.inflow.node.InflowNode;
import io.inflow.node.TestTokens;
import io.inflow.node.security.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** HTTPS with the certificate ./inflow start --tls generates: trusted clients connect, plain HTTP does not. */
class TlsTest {

  @Test
  void aClientTrustingTheGeneratedCertificateConnectsAndPlainHttpFails() throws Exception {
    TestTokens.install();
    Path dir = Files.createTempDirectory("inflow-tls");
    var generated = SelfSignedCertificate.ensure(dir.resolve("tls"));
    assertEquals(generated.password(), SelfSignedCertificate.ensure(dir.resolve("tls")).password(), "kept once made");
    try (InflowNode node = io.inflow.node.InMemoryNode.start("tls", """
        inflow.http.tls.keystore = "%s"
        inflow.http.tls.keystore-password = "%s"
        """.formatted(generated.keystore().toString().replace("\\", "/"), generated.password()))) {
      assertTrue(node.apiUrl().startsWith("https://"), node.apiUrl());
      HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(generated.certificate()))
          .connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> alive = trusting.send(HttpRequest.newBuilder(URI.create(node.apiUrl() + "/health/alive")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, alive.statusCode());
      assertTrue(alive.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS over TLS");
      HttpResponse<String> campaign = trusting.send(HttpRequest.newBuilder(URI.create(node.apiUrl() + "/api/v1/campaigns/x"))
          .header("Authorization", "Bearer " + TestTokens.admin()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, campaign.statusCode(), "authenticated request over TLS reaches the route");

      HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThrows(SSLHandshakeException.class, () -> untrusting.send(
          HttpRequest.newBuilder(URI.create(node.apiUrl() + "/health/alive")).build(), HttpResponse.BodyHandlers.ofString()));

      String plainUrl = node.apiUrl().replaceFirst("^https", "http") + "/health/alive";
      try {
        HttpResponse<String> plain = untrusting.send(HttpRequest.newBuilder(URI.create(plainUrl))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        fail("plain HTTP to the TLS port must not get an HTTP answer, got " + plain.statusCode());
      } catch (IOException expected) {
        // the server speaks TLS only: the plain request fails
      }
    }
  }

  private static SSLContext trusting(Path pem) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      trust.setCertificateEntry("inflow", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
