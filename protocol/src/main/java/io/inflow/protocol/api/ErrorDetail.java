package io.inflow.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: the NDJSON line (1-based, null outside NDJSON), the JSON field
 * path at fault (e.g. {@code accounts[3].followers}), a stable machine code and a sentence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorDetail(Integer line, String eventId, String field, String code, String message) {

  public static ErrorDetail field(String field, String code, String message) {
    return new ErrorDetail(null, null, field, code, message);
  }

  public ErrorDetail atLine(int lineNumber, String id) {
    return new ErrorDetail(lineNumber, id, field, code, message);
  }
}
