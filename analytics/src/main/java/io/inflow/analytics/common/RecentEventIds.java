package io.inflow.analytics.common;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.Arrays;

/**
 * Remembers the most recent event ids of one entity so that a retried event changes nothing.
 *
 * <p>Memory is bounded: ids are kept as 64-bit XXH3 hashes in generations of a quarter of the
 * {@code window} each. New ids go to an open-addressing table; when it holds a quarter window it is
 * sealed into a sorted array (8 bytes per id, found by binary search) and emptied for the next
 * generation; of the sealed generations the newest {@value #SEALED} are kept. An id is therefore
 * recognised as a duplicate if it is among the last {@code window} to {@code 1¼ × window} new ids of
 * the entity.
 * For the default window of 16,384 that is at most 192 KiB per entity (4 × 32 KiB sealed plus a
 * 64 KiB table), where two generations of open tables took up to 512 KiB and were the largest part
 * of a busy node's heap growth (load-tests/README.md, "Seventh session"). The chance that two
 * different ids share a hash in a full window of 20,480 ids is about 10⁻¹¹. Cumulative event types
 * (post counters, follower counts) are idempotent beyond the window anyway; additive ones would
 * count again after it.
 */
public final class RecentEventIds {
  private static final Hasher64 HASHER = Hashing.xxh3_64();
  private static final long EMPTY = 0L;
  /** Sealed generations kept; with the open one, the window is 4 to 5 generations. */
  static final int SEALED = 4;

  private final int window;
  private final int generationSize;
  private LongSet current;
  /** Sorted hashes of the sealed generations, a ring of {@link #SEALED}: the oldest at {@code oldest}. */
  private final long[][] sealed = new long[SEALED][];
  private int sealedCount;
  private int oldest;

  /** Remembers at least the last {@code window} new ids. */
  public RecentEventIds(int window) {
    if (window < 16) throw new IllegalArgumentException("window must be at least 16");
    this.window = window;
    this.generationSize = (window + SEALED - 1) / SEALED;
    this.current = new LongSet(16);
  }

  public static long hash(String eventId) {
    // hashing the UTF-8 bytes is several times faster than hash4j's per-char path for short ids
    long h = HASHER.hashBytesToLong(eventId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return h == EMPTY ? 1L : h; // 0 marks an empty slot
  }

  public boolean contains(String eventId) {
    return known(hash(eventId));
  }

  /** Adds the id; returns false if it was already known. */
  public boolean add(String eventId) {
    return addHash(hash(eventId));
  }

  private boolean known(long h) {
    if (current.contains(h)) return true;
    for (int i = sealedCount - 1; i >= 0; i--) { // newest first
      if (Arrays.binarySearch(sealed[(oldest + i) % SEALED], h) >= 0) return true;
    }
    return false;
  }

  private boolean addHash(long h) {
    if (known(h)) return false;
    if (current.size() >= generationSize) seal();
    current.add(h);
    return true;
  }

  /**
   * Seals the open table into a sorted array and empties it for the next generation. Once the
   * window is full, the oldest generation's array takes the new one's hashes and the open table
   * keeps its slots, so a busy entity's window allocates nothing from then on: these arrays live in
   * the old generation of the heap, and dropping them there fed the node's full collections
   * (load-tests/README.md, "Eighth session").
   */
  private void seal() {
    long[] reused = sealedCount == SEALED ? sealed[oldest] : null;
    long[] full = reused != null && reused.length == current.size() ? reused : new long[current.size()];
    current.copyInto(full);
    Arrays.sort(full);
    if (sealedCount == SEALED) {
      sealed[oldest] = full;
      oldest = (oldest + 1) % SEALED;
    } else {
      sealed[sealedCount++] = full;
    }
    current.clear();
  }

  /** The {@code window} this was made with: at least that many recent ids are remembered. */
  public int window() {
    return window;
  }

  /**
   * The remembered hashes for snapshots: the sealed generations oldest first, then the open one.
   * {@link #restore} adds them back in that order, which rebuilds the same generations.
   */
  public long[][] generations() {
    int total = 0;
    for (int i = 0; i < sealedCount; i++) total += sealed[(oldest + i) % SEALED].length;
    long[] older = new long[total];
    int at = 0;
    for (int i = 0; i < sealedCount; i++) { // oldest first
      long[] g = sealed[(oldest + i) % SEALED];
      System.arraycopy(g, 0, older, at, g.length);
      at += g.length;
    }
    return new long[][] {older, current.toArray()};
  }

  /**
   * Rebuilds from {@link #generations()}. Snapshots written before the generations were sealed
   * (two open generations of a whole window each) restore too: their ids are added in order, so
   * the newest window of them stays.
   */
  public static RecentEventIds restore(int window, long[] olderHashes, long[] currentHashes) {
    RecentEventIds ids = new RecentEventIds(window);
    for (long h : olderHashes) ids.addHash(h);
    for (long h : currentHashes) ids.addHash(h);
    return ids;
  }

  public RecentEventIds copy() {
    long[][] g = generations();
    return restore(window, g[0], g[1]);
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
      long[] out = new long[size];
      copyInto(out);
      return out;
    }

    /** Writes the hashes into {@code out[0, size)}, in slot order. */
    void copyInto(long[] out) {
      int at = 0;
      for (long s : slots) if (s != EMPTY) out[at++] = s;
    }

    /** Empties the set and keeps its slots. */
    void clear() {
      Arrays.fill(slots, EMPTY);
      size = 0;
    }
  }
}
