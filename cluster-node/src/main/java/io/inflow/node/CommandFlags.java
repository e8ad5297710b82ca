package io.inflow.node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --flag value} options of the node's offline commands (train, eval). */
final class CommandFlags {
  private CommandFlags() {}

  /** Each allowed flag at most once, each with a value. */
  static Map<String, String> parse(List<String> args, Set<String> allowed) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String flag = args.get(i);
      if (!allowed.contains(flag)) throw new IllegalArgumentException("unknown option " + flag);
      if (i + 1 >= args.size()) throw new IllegalArgumentException(flag + " needs a value");
      if (flags.put(flag, args.get(i + 1)) != null) throw new IllegalArgumentException(flag + " given twice");
    }
    return flags;
  }

  static String required(Map<String, String> flags, String flag) {
    String value = flags.get(flag);
    if (value == null) throw new IllegalArgumentException(flag + " is required");
    return value;
  }

  static long seed(Map<String, String> flags, long fallback) {
    String text = flags.get("--seed");
    if (text == null) return fallback;
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number, got '" + text + "'");
    }
  }
}
