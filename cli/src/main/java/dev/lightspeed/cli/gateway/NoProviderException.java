package dev.lightspeed.cli.gateway;

/**
 * The embedded runtime was asked for but no model provider is configured in the environment, so every run
 * would fail. The message names the variables that configure one.
 */
public final class NoProviderException extends ClientException {
  public static final String MESSAGE = "no model provider is configured. Set OPENAI_API_KEY (OpenAI) or ANTHROPIC_API_KEY "
      + "(Anthropic), or OPENAI_BASE_URL for a local OpenAI-compatible server (Ollama, vLLM, llama.cpp), then run the command again. "
      + "To use a running gateway instead, pass --api-url or set LIGHTSPEED_API_URL.";

  public NoProviderException() {
    super(MESSAGE, null);
  }
}
