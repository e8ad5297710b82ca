package io.inflow.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: the ingest line (1-based physical NDJSON line; 1 for a
 * single-event JSON body; null where lines do not apply, e.g. a campaign body), the event's id when
 * it could be read, the JSON field path at fault (e.g. {@code accounts[3].followers}; null when the
 * whole line is at fault), a stable machine code (see {@code io.inflow.protocol.codec.ErrorCodes})
 * and a sentence.
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
