package io.inflow.node.it;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.inflow.node.InflowNode;
import io.inflow.node.http.HttpClientSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts real nodes for integration tests, on free loopback ports, with a test-run data directory. */
final class NodeFixture {
  private NodeFixture() {}

  static Path workDir(String name) {
    try {
      Path base = Path.of(System.getProperty("inflow.test.work-dir", "target/test-work"));
      Files.createDirectories(base);
      return Files.createTempDirectory(base.toAbsolutePath(), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Config config(String hocon) {
    io.inflow.node.TestTokens.install();
    return ConfigFactory.parseString("""
        inflow.http.port = 0
        inflow.cluster.port = 0
        inflow.cassandra.embedded.lean = true
        """ + hocon);
  }

  static HttpClientSupport client(InflowNode node) {
    return new HttpClientSupport(node.apiUrl());
  }
}
