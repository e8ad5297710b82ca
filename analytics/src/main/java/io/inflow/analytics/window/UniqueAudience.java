package io.inflow.analytics.window;

import com.dynatrace.hash4j.distinctcount.UltraLogLog;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * An estimate of how many distinct people (commenter or visitor pseudonyms) were seen, in constant
 * memory: an UltraLogLog sketch from hash4j over the 64-bit XXH3 hash of each pseudonym's UTF-8 bytes.
 * Adding the same pseudonym again changes nothing, so re-sent events are harmless. Sketches merge
 * (union) for brand-level views and serialise to bytes for snapshots. Mutable and owned by one entity.
 *
 * <p>Error: a sketch of precision p has 2^p one-byte registers, and the relative standard error of
 * its estimate is about 0.782 / √(2^p) for large counts, less for counts up to a few times 2^p. The
 * default p = {@value #DEFAULT_PRECISION} takes 4,096 bytes and errs by about 1.2 % (one standard
 * error: within ±2.4 % about 95 % of the time, ±4 % about 99.9 %). Merging sketches of different
 * precisions gives the lower precision.
 *
 * <p>Bytes: {@code [1, registers…]}: a format byte (1 = UltraLogLog over XXH3-64 of UTF-8), then the
 * 2^p registers as hash4j stores them.
 */
public final class UniqueAudience {
  public static final int DEFAULT_PRECISION = 12;
  public static final int MIN_PRECISION = 4;
  public static final int MAX_PRECISION = 18;
  private static final byte FORMAT = 1;
  private static final Hasher64 HASHER = Hashing.xxh3_64();

  private UltraLogLog sketch;

  private UniqueAudience(UltraLogLog sketch) {
    this.sketch = sketch;
  }

  public static UniqueAudience create() {
    return create(DEFAULT_PRECISION);
  }

  public static UniqueAudience create(int precision) {
    if (precision < MIN_PRECISION || precision > MAX_PRECISION) {
      throw new IllegalArgumentException("precision must be within [" + MIN_PRECISION + ", " + MAX_PRECISION
          + "], got " + precision);
    }
    return new UniqueAudience(UltraLogLog.create(precision));
  }

  /** Counts a pseudonym; null or blank ones are ignored. */
  public void add(String pseudonym) {
    if (pseudonym == null || pseudonym.isBlank()) return;
    sketch.add(HASHER.hashBytesToLong(pseudonym.getBytes(StandardCharsets.UTF_8)));
  }

  /** The estimated number of distinct pseudonyms added. */
  public long estimate() {
    return Math.round(sketch.getDistinctCountEstimate());
  }

  public int precision() {
    return sketch.getP();
  }

  /** The relative standard error of this sketch's estimate for large counts. */
  public double relativeStandardError() {
    return relativeStandardError(precision());
  }

  public static double relativeStandardError(int precision) {
    return 0.782 / Math.sqrt(1 << precision);
  }

  /** Adds everyone {@code other} has seen to this sketch (downsizing this one if other's precision is lower). */
  public void addAll(UniqueAudience other) {
    sketch = UltraLogLog.merge(sketch, other.sketch);
  }

  /** The union of several sketches, as a new sketch; the precision is the lowest among them. */
  public static UniqueAudience union(Collection<UniqueAudience> parts) {
    UltraLogLog merged = null;
    for (UniqueAudience p : parts) merged = merged == null ? p.sketch.copy() : UltraLogLog.merge(merged, p.sketch);
    return merged == null ? create() : new UniqueAudience(merged);
  }

  public UniqueAudience copy() {
    return new UniqueAudience(sketch.copy());
  }

  public byte[] toBytes() {
    byte[] state = sketch.getState();
    byte[] out = new byte[state.length + 1];
    out[0] = FORMAT;
    System.arraycopy(state, 0, out, 1, state.length);
    return out;
  }

  public static UniqueAudience fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length < 2 || bytes[0] != FORMAT) {
      throw new IllegalArgumentException("not a unique-audience sketch (format " + FORMAT + ")");
    }
    int registers = bytes.length - 1;
    if (Integer.bitCount(registers) != 1 || registers < (1 << MIN_PRECISION) || registers > (1 << MAX_PRECISION)) {
      throw new IllegalArgumentException("a unique-audience sketch has 2^p registers, got " + registers);
    }
    return new UniqueAudience(UltraLogLog.wrap(Arrays.copyOfRange(bytes, 1, bytes.length)));
  }
}
