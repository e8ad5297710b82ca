package io.inflow.node.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;

/** Binds the API and unbinds it first on shutdown (CoordinatedShutdown), letting requests in flight finish. */
public final class HttpServer {
  private HttpServer() {}

  public static CompletionStage<ServerBinding> bind(ActorSystem<?> system, String host, int port,
      Route routes, Duration drainTimeout) {
    return Http.get(system).newServerAt(host, port).bind(routes)
        .thenApplyAsync(binding -> {
          binding.addToCoordinatedShutdown(drainTimeout, system);
          InetSocketAddress address = binding.localAddress();
          system.log().info("Inflow API listening on http://{}:{}", address.getHostString(), address.getPort());
          return binding;
        }, system.executionContext());
  }
}
