package io.inflow.protocol.codec;

/** The stable machine codes the codecs put in {@code ErrorDetail.code}; clients switch on them. */
public final class ErrorCodes {

  /** Not parseable JSON, not a JSON object, or content after the object. */
  public static final String MALFORMED_JSON = "malformed_json";
  /** A line over the byte limit (field null) or a string/array over its limit (field named). */
  public static final String TOO_LONG = "too_long";
  /** A required field is absent or JSON null. */
  public static final String MISSING_FIELD = "missing_field";
  /** The {@code type} is not an ingest event type. */
  public static final String UNKNOWN_TYPE = "unknown_type";
  /** A value of the wrong JSON type, e.g. a string or a float where an integer counter belongs. */
  public static final String WRONG_TYPE = "wrong_type";
  /** A counter or an amount below zero. */
  public static final String NEGATIVE_VALUE = "negative_value";
  /** Not an ISO-8601 date-time with a zone designator or offset. */
  public static final String INVALID_TIMESTAMP = "invalid_timestamp";
  /** Not an upper-case ISO-4217 currency code. */
  public static final String UNKNOWN_CURRENCY = "unknown_currency";
  /** Not a platform's wire name. */
  public static final String UNKNOWN_PLATFORM = "unknown_platform";
  /** A bad enum value, a blank id, control characters, a number out of range. */
  public static final String INVALID_VALUE = "invalid_value";
  /** A field the contract does not define for that object (a typo must not lose data silently). */
  public static final String UNKNOWN_FIELD = "unknown_field";
  /** An interval whose end is not after its start. */
  public static final String INVALID_RANGE = "invalid_range";
  /** A value that must be unique within its list appears again. */
  public static final String DUPLICATE = "duplicate";

  private ErrorCodes() {}
}
