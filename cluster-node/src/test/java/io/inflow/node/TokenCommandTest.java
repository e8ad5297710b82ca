package io.inflow.node;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.inflow.node.security.AuthSettings;
import io.inflow.node.security.Caller;
import io.inflow.node.security.Role;
import io.inflow.node.security.TokenVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./inflow token prints one verifiable token and nothing else; mistakes go to stderr with status 2. */
class TokenCommandTest {
  @TempDir Path dir;

  private Config inflow() {
    // the data directory's own generated secret, not the test JVM's (so the system property must not apply)
    return ConfigFactory.parseString("data-dir = \"" + dir.toString().replace("\\", "/") + "\"\nauth.hs256-secret = \"\"")
        .withFallback(InflowNode.loadConfig(ConfigFactory.empty()).getConfig("inflow")).resolve();
  }

  private record Run(int status, String out, String err) {}

  private Run run(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int status = TokenCommand.run(List.of(args), inflow(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsOnlyASignedTokenThatTheNodeAccepts() {
    Run run = run("--role", "analyst", "--brand", "acme", "--brand", "nordic", "--ttl", "8h");
    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    String[] lines = run.out().split("\n");
    assertEquals(1, lines.length, "one line: " + run.out());
    Caller caller = new TokenVerifier(AuthSettings.fromConfig(inflow())).verify(lines[0].trim());
    assertEquals(Role.ANALYST, caller.role());
    assertEquals(Set.of("acme", "nordic"), caller.brands());
    long ttl = Duration.between(Instant.now(), caller.expiresAt()).toMinutes();
    assertTrue(ttl > 8 * 60 - 2 && ttl <= 8 * 60, "ttl " + ttl);
    assertTrue(java.nio.file.Files.exists(dir.resolve("secrets/jwt-hs256.key")), "secret generated in the data dir");
  }

  @Test
  void refusesBadArgumentsOnStderr() {
    for (String[] args : List.of(new String[] {}, new String[] {"--role", "boss"}, new String[] {"--role", "analyst"},
        new String[] {"--role", "admin", "--ttl", "forever"}, new String[] {"--role", "admin", "--ttl", "400d"},
        new String[] {"--role", "admin", "--brand", "acme"}, new String[] {"--role"})) {
      Run run = run(args);
      assertEquals(2, run.status(), String.join(" ", args));
      assertEquals("", run.out(), "nothing on stdout for " + String.join(" ", args));
      assertTrue(run.err().startsWith("inflow token: "), run.err());
    }
  }
}
