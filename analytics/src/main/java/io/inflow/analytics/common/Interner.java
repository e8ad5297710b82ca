package io.inflow.analytics.common;

import java.util.HashMap;

/**
 * Hands out one instance for equal values that an entity keeps many times over, such as the
 * currency, influencer id and discount code of each order: every event brings its own copy of
 * those strings, and kept per order they were about 45% of what an order costs in the heap
 * (load-tests/README.md, "Twelfth session"). At most {@code capacity} distinct values are held;
 * beyond that a value is returned as it came, so values that never repeat (a link with a
 * per-order tracking id) cost nothing more than before. Mutable; owned by one entity's state.
 */
public final class Interner {
  private final HashMap<Object, Object> held = new HashMap<>();
  private final int capacity;

  public Interner(int capacity) {
    if (capacity < 0) throw new IllegalArgumentException("capacity must not be negative");
    this.capacity = capacity;
  }

  /** The instance held for a value equal to {@code value}, else {@code value} (null for null). */
  @SuppressWarnings("unchecked")
  public <T> T intern(T value) {
    if (value == null) return null;
    Object known = held.get(value);
    if (known != null) return (T) known;
    if (held.size() < capacity) held.put(value, value);
    return value;
  }

  /** Distinct values held. */
  public int size() {
    return held.size();
  }
}
