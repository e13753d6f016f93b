package dev.lightspeed.llm;

import java.util.Objects;

/** A provider call failed; {@link #error()} says how, and whether a retry can help. */
public final class ProviderException extends Exception {
  private final ProviderError error;

  public ProviderException(ProviderError error) {
    this(error, null);
  }

  public ProviderException(ProviderError error, Throwable cause) {
    super(Objects.requireNonNull(error, "error").describe(), cause);
    this.error = error;
  }

  public ProviderError error() {
    return error;
  }

  public boolean isTransient() {
    return error instanceof ProviderError.Transient;
  }
}
