package io.inflow.node.http;

import io.inflow.protocol.api.ErrorDetail;
import java.util.List;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/** Any request failure the API reports; mapped to the JSON error shape in one place ({@link ApiRoutes}). */
public final class ApiException extends RuntimeException {
  private final StatusCode status;
  private final String code;
  private final List<ErrorDetail> details;
  private final Integer retryAfterSeconds;

  public ApiException(StatusCode status, String code, String message, List<ErrorDetail> details,
      Integer retryAfterSeconds) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException badRequest(String code, String message, List<ErrorDetail> details) {
    return new ApiException(StatusCodes.BAD_REQUEST, code, message, details, null);
  }

  public static ApiException forbidden(String code, String message) {
    return new ApiException(StatusCodes.FORBIDDEN, code, message, List.of(), null);
  }

  public static ApiException forbidden(String code, String message, List<ErrorDetail> details) {
    return new ApiException(StatusCodes.FORBIDDEN, code, message, details, null);
  }

  public static ApiException tooManyRequests(String message, long retryAfterSeconds) {
    return new ApiException(StatusCodes.TOO_MANY_REQUESTS, "rate_limited", message, List.of(),
        (int) Math.min(Integer.MAX_VALUE, retryAfterSeconds));
  }

  public static ApiException notFound(String what, String id) {
    return new ApiException(StatusCodes.NOT_FOUND, "not_found", what + " '" + id + "' is unknown", List.of(), null);
  }

  public static ApiException unavailable(String code, String message, int retryAfterSeconds) {
    return new ApiException(StatusCodes.SERVICE_UNAVAILABLE, code, message, List.of(), retryAfterSeconds);
  }

  public StatusCode status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<ErrorDetail> details() {
    return details;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
