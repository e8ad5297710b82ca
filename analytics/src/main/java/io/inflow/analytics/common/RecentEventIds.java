package io.inflow.analytics.common;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.Arrays;

/**
 * Remembers the most recent event ids of one entity so that a retried event changes nothing.
 *
 * <p>Memory is bounded: ids are kept as 64-bit XXH3 hashes in two generations of {@code generationSize}
 * each; when the current generation fills up it replaces the previous one. An id is therefore
 * recognised as a duplicate if it is among the last {@code generationSize} to {@code 2 × generationSize}
 * new ids of the entity, at 10.7–21.3 bytes per id while a generation fills (its table doubles at
 * three quarters full; at one half, as first written, 16–32 bytes, and the dedup sets were the
 * largest part of a busy node's heap growth) and 256 KiB per full generation of the default 16,384.
 * The chance that two different ids share a hash in a full window of 32,768 ids is about 3 × 10⁻¹¹. Cumulative event types (post counters, follower counts)
 * are idempotent beyond the window anyway; additive ones would count again after it.
 */
public final class RecentEventIds {
  private static final Hasher64 HASHER = Hashing.xxh3_64();
  private static final long EMPTY = 0L;

  private final int generationSize;
  private LongSet current;
  private LongSet previous;

  public RecentEventIds(int generationSize) {
    if (generationSize < 16) throw new IllegalArgumentException("generationSize must be at least 16");
    this.generationSize = generationSize;
    this.current = new LongSet(16);
    this.previous = new LongSet(16);
  }

  public static long hash(String eventId) {
    // hashing the UTF-8 bytes is several times faster than hash4j's per-char path for short ids
    long h = HASHER.hashBytesToLong(eventId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return h == EMPTY ? 1L : h; // 0 marks an empty slot
  }

  public boolean contains(String eventId) {
    long h = hash(eventId);
    return current.contains(h) || previous.contains(h);
  }

  /** Adds the id; returns false if it was already known. */
  public boolean add(String eventId) {
    long h = hash(eventId);
    if (current.contains(h) || previous.contains(h)) return false;
    if (current.size() >= generationSize) {
      previous = current;
      current = new LongSet(16);
    }
    current.add(h);
    return true;
  }

  public int generationSize() {
    return generationSize;
  }

  /** The remembered hashes, previous generation first, for snapshots. */
  public long[][] generations() {
    return new long[][] {previous.toArray(), current.toArray()};
  }

  public static RecentEventIds restore(int generationSize, long[] previousHashes, long[] currentHashes) {
    RecentEventIds ids = new RecentEventIds(generationSize);
    for (long h : previousHashes) ids.previous.add(h);
    for (long h : currentHashes) ids.current.add(h);
    return ids;
  }

  public RecentEventIds copy() {
    long[][] g = generations();
    return restore(generationSize, g[0], g[1]);
  }

  /** Insert-only open-addressing set of non-zero longs (linear probing), load factor ≤ 0.75. */
  private static final class LongSet {
    private long[] slots;
    private int size;

    LongSet(int capacity) {
      slots = new long[Integer.highestOneBit(Math.max(4, capacity) - 1) << 1];
    }

    int size() {
      return size;
    }

    boolean contains(long h) {
      int mask = slots.length - 1;
      for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
        long s = slots[i];
        if (s == EMPTY) return false;
        if (s == h) return true;
      }
    }

    void add(long h) {
      if ((size + 1) * 4 > slots.length * 3) grow();
      int mask = slots.length - 1;
      for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
        long s = slots[i];
        if (s == h) return;
        if (s == EMPTY) {
          slots[i] = h;
          size++;
          return;
        }
      }
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      size = 0;
      for (long s : old) if (s != EMPTY) add(s);
    }

    long[] toArray() {
      return Arrays.stream(slots).filter(s -> s != EMPTY).toArray();
    }
  }
}
