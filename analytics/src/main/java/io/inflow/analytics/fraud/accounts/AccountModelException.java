package io.inflow.analytics.fraud.accounts;

/** A model file that cannot serve as the account classifier; the message names the file and why. */
public final class AccountModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccountModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
