package dev.lightspeed.runtime.temporal;

/** A session's workflow could not start or rehydrate it; the gateway reports {@code session_bootstrap_failed}. */
public final class SessionBootstrapException extends RuntimeException {
  private final String session;

  public SessionBootstrapException(String session, String message, Throwable cause) {
    super("session " + session + " could not be loaded: " + message, cause);
    this.session = session;
  }

  public String session() {
    return session;
  }
}
