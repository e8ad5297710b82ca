package io.inflow.node.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Binds the API (HTTPS when a keystore is given) and unbinds it first on shutdown
 * (CoordinatedShutdown), letting requests in flight finish.
 */
public final class HttpServer {
  private HttpServer() {}

  /** {@code tls} null: plain HTTP. */
  public static CompletionStage<ServerBinding> bind(ActorSystem<?> system, String host, int port,
      Route routes, Duration drainTimeout, SSLContext tls) {
    var builder = Http.get(system).newServerAt(host, port);
    if (tls != null) builder = builder.enableHttps(ConnectionContext.httpsServer(tls));
    String scheme = tls != null ? "https" : "http";
    return builder.bind(routes)
        .thenApplyAsync(binding -> {
          binding.addToCoordinatedShutdown(drainTimeout, system);
          InetSocketAddress address = binding.localAddress();
          system.log().info("Inflow API listening on {}://{}:{}", scheme, address.getHostString(), address.getPort());
          return binding;
        }, system.executionContext());
  }

  /** A TLS server context from a PKCS12 keystore (its one key entry and certificate chain). */
  public static SSLContext tlsContext(Path keystore, char[] password) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, new SecureRandom());
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use TLS keystore " + keystore + " (PKCS12; is "
          + "INFLOW_TLS_KEYSTORE_PASSWORD right?): " + e.getMessage(), e);
    }
  }
}
