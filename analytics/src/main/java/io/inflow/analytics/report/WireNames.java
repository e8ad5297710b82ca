package io.inflow.analytics.report;

import java.util.Locale;
import java.util.Optional;

/** Report parameters on the wire are enum names in lower case ({@code day}, {@code platform}). */
final class WireNames {
  private WireNames() {}

  static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose wire name is {@code name} (trimmed, any case), or empty. */
  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
    if (name == null) return Optional.empty();
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(wanted)) return Optional.of(e);
    }
    return Optional.empty();
  }
}
