package io.inflow.analytics.fraud;

import java.util.Arrays;

/**
 * The inverted index of {@link CoordinationIndex}: author key → the serials of the author's most
 * recent posts (newest first, at most {@link #MAX_POSTS_PER_AUTHOR}). Primitive arrays only, so an
 * author costs a hash slot (a long, an int and a byte) and each (author, post) entry two ints: the
 * index holds millions of authors. Not thread-safe.
 *
 * <p>Authors live in an open-addressing table with linear probing and backward-shift deletion; an
 * author's posts are a singly linked list in a shared entry pool with a free list.
 */
final class AuthorPosts {
  static final int MAX_POSTS_PER_AUTHOR = 16;
  private static final int NONE = -1;

  private long[] keys;
  private int[] heads;
  private byte[] counts; // 0 marks an empty slot: a present author has at least one post
  private int size;

  private int[] entrySerial;
  private int[] entryNext;
  private int freeEntry = NONE;
  private int usedEntries; // high-water mark of the pool

  AuthorPosts() {
    keys = new long[64];
    heads = new int[64];
    counts = new byte[64];
    entrySerial = new int[256];
    entryNext = new int[256];
  }

  /** Distinct authors held. */
  int authors() {
    return size;
  }

  /** The slot of an author, or -1; valid until the next {@link #push} or {@link #remove}. */
  int find(long author) {
    int mask = keys.length - 1;
    for (int i = home(author, mask); counts[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == author) return i;
    }
    return NONE;
  }

  /** The first entry of the author at {@code slot} (newest post), or -1. */
  int first(int slot) {
    return slot < 0 ? NONE : heads[slot];
  }

  int next(int entry) {
    return entryNext[entry];
  }

  int serial(int entry) {
    return entrySerial[entry];
  }

  /** Records that {@code author} commented on post {@code serial}, dropping the author's oldest post beyond the cap. */
  void push(long author, int serial) {
    int slot = find(author);
    if (slot < 0) {
      if ((size + 1) * 4 > keys.length * 3) grow();
      int mask = keys.length - 1;
      slot = home(author, mask);
      while (counts[slot] != 0) slot = (slot + 1) & mask;
      keys[slot] = author;
      heads[slot] = NONE;
      size++;
    }
    int e = newEntry(serial, heads[slot]);
    heads[slot] = e;
    if (counts[slot] < MAX_POSTS_PER_AUTHOR) {
      counts[slot]++;
      return;
    }
    int last = e;
    for (int i = 1; i < MAX_POSTS_PER_AUTHOR; i++) last = entryNext[last];
    freeEntry(entryNext[last]);
    entryNext[last] = NONE;
  }

  /** Forgets post {@code serial} of {@code author}; the author goes when no post is left. */
  void remove(long author, int serial) {
    int slot = find(author);
    if (slot < 0) return;
    int prev = NONE;
    for (int e = heads[slot]; e != NONE; prev = e, e = entryNext[e]) {
      if (entrySerial[e] != serial) continue;
      if (prev == NONE) heads[slot] = entryNext[e];
      else entryNext[prev] = entryNext[e];
      freeEntry(e);
      if (--counts[slot] == 0) deleteSlot(slot);
      return;
    }
  }

  private int newEntry(int serial, int next) {
    int e;
    if (freeEntry != NONE) {
      e = freeEntry;
      freeEntry = entryNext[e];
    } else {
      if (usedEntries == entrySerial.length) {
        entrySerial = Arrays.copyOf(entrySerial, usedEntries * 2);
        entryNext = Arrays.copyOf(entryNext, usedEntries * 2);
      }
      e = usedEntries++;
    }
    entrySerial[e] = serial;
    entryNext[e] = next;
    return e;
  }

  private void freeEntry(int e) {
    entryNext[e] = freeEntry;
    freeEntry = e;
  }

  private void deleteSlot(int slot) {
    int mask = keys.length - 1;
    int hole = slot;
    for (int i = (hole + 1) & mask; counts[i] != 0; i = (i + 1) & mask) {
      int home = home(keys[i], mask);
      // move i into the hole when its home is not cyclically within (hole, i]
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        keys[hole] = keys[i];
        heads[hole] = heads[i];
        counts[hole] = counts[i];
        hole = i;
      }
    }
    counts[hole] = 0;
    size--;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    byte[] oldCounts = counts;
    int capacity = oldKeys.length * 2;
    keys = new long[capacity];
    heads = new int[capacity];
    counts = new byte[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldCounts[j] == 0) continue;
      int i = home(oldKeys[j], mask);
      while (counts[i] != 0) i = (i + 1) & mask;
      keys[i] = oldKeys[j];
      heads[i] = oldHeads[j];
      counts[i] = oldCounts[j];
    }
  }

  private static int home(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
  }
}
