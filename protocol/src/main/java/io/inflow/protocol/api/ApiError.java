package io.inflow.protocol.api;

import java.util.List;

/** The one error shape of the HTTP API: {@code {"error", "message", "details"}}. */
public record ApiError(String error, String message, List<ErrorDetail> details) {
  public static ApiError of(String error, String message) {
    return new ApiError(error, message, List.of());
  }
}
