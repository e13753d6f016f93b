package dev.lightspeed.cli.gateway;

import java.net.URI;
import java.util.Objects;

/**
 * No gateway answers at the URL the command was given (or the connection broke and could not be restored).
 * The line names the URL and what to do about it.
 */
public final class GatewayUnreachableException extends ClientException {
  private final URI url;

  public GatewayUnreachableException(URI url, String reason, Throwable cause) {
    super("cannot reach the Lightspeed gateway at " + Objects.requireNonNull(url, "url") + " (" + reason
        + "); start one with `lightspeed server`, or check --api-url and LIGHTSPEED_API_URL", cause);
    this.url = url;
  }

  /** {@return the gateway's base URL} */
  public URI url() {
    return url;
  }
}
