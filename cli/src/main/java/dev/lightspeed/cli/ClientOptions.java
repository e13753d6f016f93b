package dev.lightspeed.cli;

import picocli.CommandLine.Option;

/** Options every client command shares: which gateway, and whether to show stack traces. */
public final class ClientOptions {
  @Option(names = "--api-url", paramLabel = "URL",
      description = "the gateway to use (default: $LIGHTSPEED_API_URL; unset: the embedded runtime in this process)")
  String apiUrl;

  @Option(names = "--verbose", description = "show stack traces of unexpected errors")
  boolean verbose;

  /** {@return the {@code --api-url} value, or null} */
  public String apiUrl() {
    return apiUrl;
  }

  public boolean verbose() {
    return verbose;
  }
}
