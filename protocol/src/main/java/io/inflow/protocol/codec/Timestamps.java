package io.inflow.protocol.codec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * A strict, allocation-light reader of RFC 3339 / ISO-8601 date-times with a zone designator or
 * offset: {@code YYYY-MM-DDTHH:MM:SS[.fraction]} followed by {@code Z} or {@code ±HH:MM}, fraction
 * of 1 to 9 digits. Local times (no offset) are rejected: the instant they name is unknowable.
 */
final class Timestamps {

  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private Timestamps() {}

  /** The instant {@code text} names, or null when it is not such a date-time. */
  static Instant parseOrNull(String text) {
    int n = text.length();
    if (n < 20) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59
        || text.charAt(4) != '-' || text.charAt(7) != '-'
        || (text.charAt(10) != 'T' && text.charAt(10) != 't')
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    if (day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (text.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && isDigit(text.charAt(i))) {
        if (i - start == 9) {
          return null;
        }
        nanos = nanos * 10 + (text.charAt(i) - '0');
        i++;
      }
      int fractionDigits = i - start;
      if (fractionDigits == 0) {
        return null;
      }
      for (int k = fractionDigits; k < 9; k++) {
        nanos *= 10;
      }
    }
    if (i >= n) {
      return null;
    }
    int offsetSeconds;
    char zone = text.charAt(i);
    if (zone == 'Z' || zone == 'z') {
      if (i + 1 != n) {
        return null;
      }
      offsetSeconds = 0;
    } else if (zone == '+' || zone == '-') {
      if (i + 6 != n || text.charAt(i + 3) != ':') {
        return null;
      }
      int offsetHours = digits(text, i + 1, 2);
      int offsetMinutes = digits(text, i + 4, 2);
      if (offsetHours < 0 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = offsetHours * 3600 + offsetMinutes * 60;
      if (offsetSeconds > MAX_OFFSET_SECONDS) {
        return null;
      }
      if (zone == '-') {
        offsetSeconds = -offsetSeconds;
      }
    } else {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long epochSecond = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** The non-negative number in {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
