package io.inflow.protocol.codec;

import io.inflow.protocol.api.ErrorDetail;
import java.util.List;

/** Input that breaks the contract; {@link #details()} names each problem, its field and code. */
public final class ValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int DETAILS_IN_MESSAGE = 5;

  private final List<ErrorDetail> details;

  public ValidationException(List<ErrorDetail> details) {
    super(summary(details));
    if (details.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one detail");
    }
    this.details = List.copyOf(details);
  }

  public List<ErrorDetail> details() {
    return details;
  }

  private static String summary(List<ErrorDetail> details) {
    var text = new StringBuilder();
    text.append(details.size()).append(details.size() == 1 ? " problem: " : " problems: ");
    for (int i = 0; i < details.size() && i < DETAILS_IN_MESSAGE; i++) {
      ErrorDetail d = details.get(i);
      if (i > 0) {
        text.append("; ");
      }
      text.append(d.code()).append(": ").append(d.message());
    }
    if (details.size() > DETAILS_IN_MESSAGE) {
      text.append("; …");
    }
    return text.toString();
  }
}
