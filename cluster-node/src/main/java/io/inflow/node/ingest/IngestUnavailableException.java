package io.inflow.node.ingest;

/** Ingest cannot confirm durability right now (overload, journal failing, entity restarting); retry later. */
public final class IngestUnavailableException extends RuntimeException {
  private final String code;

  public IngestUnavailableException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
