package io.inflow.node;

import com.typesafe.config.Config;
import io.inflow.node.security.AuthSettings;
import io.inflow.node.security.Role;
import io.inflow.node.security.TokenIssuer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./inflow token --role analyst --brand acme [--brand other] [--ttl 8h] [--subject name]}:
 * prints a development token signed with the node's HS256 secret (generated into the data directory
 * if there is none yet) and nothing else on standard output; problems go to standard error with
 * exit status 2.
 */
final class TokenCommand {
  private TokenCommand() {}

  static int run(List<String> args, Config inflow, PrintStream out, PrintStream err) {
    Role role = null;
    Set<String> brands = new LinkedHashSet<>();
    Duration ttl = Duration.ofHours(8);
    String subject = null;
    try {
      for (int i = 0; i < args.size(); i++) {
        String flag = args.get(i);
        String value = i + 1 < args.size() ? args.get(i + 1) : null;
        if (value == null) throw new IllegalArgumentException(flag + " needs a value");
        switch (flag) {
          case "--role" -> role = Role.fromWire(value).orElseThrow(() ->
              new IllegalArgumentException("--role must be admin, analyst or ingest, got '" + value + "'"));
          case "--brand" -> brands.add(value);
          case "--ttl" -> ttl = ttl(value);
          case "--subject" -> subject = value;
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
        i++;
      }
      if (role == null) throw new IllegalArgumentException("--role is required");
      if (role == Role.ADMIN && !brands.isEmpty()) throw new IllegalArgumentException("an admin token has no brands");
      AuthSettings settings = AuthSettings.fromConfig(inflow);
      if (settings.mode() != AuthSettings.Mode.DEV && !settings.hasSecret()) {
        throw new IllegalArgumentException("no HS256 secret here: in production tokens come from your identity provider");
      }
      String name = subject != null ? subject : "dev-" + role.wireName();
      out.println(new TokenIssuer(settings).issue(name, role, brands, ttl));
      return 0;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("inflow token: " + e.getMessage());
      err.println("usage: ./inflow token --role admin|analyst|ingest [--brand ID]... [--ttl 8h] [--subject NAME]");
      return 2;
    }
  }

  /** {@code 90s}, {@code 30m}, {@code 8h}, {@code 7d}. */
  static Duration ttl(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      Duration d = switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> null;
      };
      if (d != null && n > 0) return d;
    } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("--ttl must look like 90s, 30m, 8h or 7d, got '" + value + "'");
  }
}
