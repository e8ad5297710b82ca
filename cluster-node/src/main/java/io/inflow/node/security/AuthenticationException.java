package io.inflow.node.security;

/** A request without a valid token: answered 401 with {@code code} (e.g. {@code token_expired}) and the reason. */
public final class AuthenticationException extends RuntimeException {
  private final String code;

  public AuthenticationException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
