package io.inflow.node.security;

import java.util.Locale;
import java.util.Optional;

/** What a token allows: {@code admin} everything, {@code analyst} reading its brands, {@code ingest} posting events. */
public enum Role {
  ADMIN, ANALYST, INGEST;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWire(String value) {
    if (value == null) return Optional.empty();
    for (Role r : values()) if (r.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) return Optional.of(r);
    return Optional.empty();
  }
}
