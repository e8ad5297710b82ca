package io.inflow.protocol.codec;

/**
 * Size limits the codecs enforce, so that one client cannot make a node hold or persist huge
 * values. String lengths count UTF-16 chars; {@code maxLineBytes} counts the UTF-8 bytes of one
 * NDJSON line (or of a single-event body) without its line terminator.
 */
public record CodecLimits(
    int maxIdLength,
    int maxTextLength,
    int maxCaptionLength,
    int maxFormatLength,
    int maxHashtags,
    int maxHashtagLength,
    int maxAccountsPerSample,
    int maxItems,
    int maxLineBytes) {

  /**
   * Longest discount code, link or UTM value, both in an enrolment and in a conversion's
   * attribution (the two are matched against each other, so they share the limit).
   */
  public static final int MAX_ATTRIBUTION_VALUE_LENGTH = 256;

  private static final CodecLimits DEFAULTS =
      new CodecLimits(128, 5000, 10_000, 32, 100, 100, 1000, 500, 262_144);

  public CodecLimits {
    requirePositive("maxIdLength", maxIdLength);
    requirePositive("maxTextLength", maxTextLength);
    requirePositive("maxCaptionLength", maxCaptionLength);
    requirePositive("maxFormatLength", maxFormatLength);
    requirePositive("maxHashtags", maxHashtags);
    requirePositive("maxHashtagLength", maxHashtagLength);
    requirePositive("maxAccountsPerSample", maxAccountsPerSample);
    requirePositive("maxItems", maxItems);
    requirePositive("maxLineBytes", maxLineBytes);
  }

  public static CodecLimits defaults() {
    return DEFAULTS;
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
