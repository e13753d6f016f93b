package dev.lightspeed.llm.config;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where a provider lives and how to authenticate: resolved from deployment configuration just before each
 * call, never stored in the session log. {@code baseUrl} follows each API's convention: OpenAI-style URLs
 * include {@code /v1} ({@code https://api.openai.com/v1}, {@code http://localhost:11434/v1}); Anthropic's
 * does not ({@code https://api.anthropic.com}).
 *
 * @param headers extra headers sent with every call (e.g. {@code anthropic-version})
 * @param reasoningSummary whether {@code openai:responses} requests with a reasoning effort ask for
 *     reasoning summaries; other API kinds ignore it
 */
public record ProviderConfig(String id, URI baseUrl, KeyRing keys, Map<String, String> headers, ReasoningSummary reasoningSummary) {
  public ProviderConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(keys, "keys");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(reasoningSummary, "reasoningSummary");
  }

  /** A provider that asks for no reasoning summaries. */
  public ProviderConfig(String id, URI baseUrl, KeyRing keys, Map<String, String> headers) {
    this(id, baseUrl, keys, headers, ReasoningSummary.NONE);
  }

  /** {@return {@code baseUrl} with {@code path} appended, without doubling slashes} */
  public URI resolve(String path) {
    String base = baseUrl.toString();
    if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
    return URI.create(base + (path.startsWith("/") ? path : "/" + path));
  }
}
