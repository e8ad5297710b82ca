package io.inflow.load;

import io.inflow.load.BenchOptions.UsageException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benches' command-line flags: {@code --name value} or {@code --name=value}, typed readers that
 * remember which flags were read so that unknown ones are reported, durations as {@code 500ms},
 * {@code 30s}, {@code 2m}, {@code 1h} or plain seconds. Shared by {@link BenchOptions} and
 * {@link LiveBenchOptions}; every problem is a {@link UsageException} naming the flag.
 */
public final class CliFlags {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

  private final Map<String, String> values;
  private final List<String> used = new ArrayList<>();

  private CliFlags(Map<String, String> values) {
    this.values = values;
  }

  /** Splits {@code args} into flags; those in {@code withoutValue} are switches (value "true"). */
  public static CliFlags parse(String[] args, Set<String> withoutValue) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) throw new UsageException("unexpected argument: " + arg);
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (withoutValue.contains(name)) {
        value = "true";
      } else {
        if (i + 1 >= args.length) throw new UsageException("--" + name + " needs a value");
        value = args[++i];
      }
      values.put(name, value);
    }
    return new CliFlags(values);
  }

  /** True when {@code --help} or {@code -h} is among the arguments. */
  public static boolean wantsHelp(String... args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  public String text(String name, String fallback) {
    used.add(name);
    return values.getOrDefault(name, fallback);
  }

  public boolean bool(String name) {
    String value = text(name, "false");
    if (!value.equals("true") && !value.equals("false")) {
      throw new UsageException("--" + name + " takes no value (or =true/=false)");
    }
    return Boolean.parseBoolean(value);
  }

  public long number(String name, long fallback) {
    String value = text(name, null);
    if (value == null) return fallback;
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number: " + value);
    }
  }

  public Duration duration(String name, String fallback) {
    return parseDuration(text(name, fallback));
  }

  /** Fails on the first flag that no reader asked for. */
  public void rejectUnknown() {
    for (String name : values.keySet()) {
      if (!used.contains(name)) throw new UsageException("unknown option --" + name);
    }
  }

  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) throw new UsageException("not a duration: " + text + " (try 500ms, 30s, 2m)");
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "m" -> amount * 60_000;
      case "h" -> amount * 3_600_000;
      default -> amount * 1_000;
    };
    return Duration.ofMillis(Math.round(millis));
  }

  /** {@code text} as an http(s) URL with a host, or a UsageException naming {@code flag}. */
  public static URI httpUrl(String flag, String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + flag + " is not a URL: " + text);
    }
    if (uri.getScheme() == null || uri.getHost() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new UsageException("--" + flag + " must be http(s)://host[:port][/path]: " + text);
    }
    return uri;
  }

  /** Rejects a {@code --population} that is not 1–24 lower-case letters or digits. */
  static void checkPopulation(Optional<String> population) {
    if (population.isPresent() && !population.get().matches(TrafficGenerator.ID_PREFIX)) {
      throw new UsageException("--population must be 1–24 lower-case letters or digits");
    }
  }

  /** A bench's generator: namespace {@code <runId>00} (what {@link RequestPool} cycles), and the population if given. */
  static TrafficGenerator.Config generatorConfig(long seed, int influencers, int campaigns, String runId,
      Optional<String> population) {
    TrafficGenerator.Config config = TrafficGenerator.Config.of(seed, influencers, campaigns).withNamespace(runId + "00");
    return population.map(config::withPopulation).orElse(config);
  }

  /** Six lower-case letters or digits, starting with a letter. */
  public static String randomRunId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder id = new StringBuilder(6);
    id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(26)));
    for (int i = 1; i < 6; i++) {
      id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
