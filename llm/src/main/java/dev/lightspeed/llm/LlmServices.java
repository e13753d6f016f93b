package dev.lightspeed.llm;

import dev.lightspeed.llm.anthropic.AnthropicMessagesAdapter;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.llm.openai.completions.OpenAiCompletionsAdapter;
import dev.lightspeed.llm.openai.responses.OpenAiResponsesAdapter;
import dev.lightspeed.store.blob.BlobStore;
import java.util.List;
import java.util.Map;

/** Assembles an {@link LlmService} with every built-in adapter, the way a host wires the LLM port. */
public final class LlmServices {
  private LlmServices() {}

  /** {@return the three built-in adapters: openai:responses, openai:completions, anthropic:messages} */
  public static List<ProviderAdapter> builtInAdapters() {
    return List.of(new OpenAiResponsesAdapter(), new OpenAiCompletionsAdapter(), new AnthropicMessagesAdapter());
  }

  /**
   * A service over the providers configured in {@code env} (see {@link ProviderRegistry#fromEnvironment}).
   *
   * @throws dev.lightspeed.llm.config.ConfigurationException naming the variable when a value is malformed
   */
  public static LlmService fromEnvironment(Map<String, String> env, BlobStore blobs, LiveListener live) {
    return fromEnvironment(env, blobs, live, McpTokens.NONE);
  }

  /**
   * A service over the providers configured in {@code env}, sending provider-run MCP servers the tokens of {@code mcpTokens}.
   *
   * @throws dev.lightspeed.llm.config.ConfigurationException naming the variable when a value is malformed
   */
  public static LlmService fromEnvironment(Map<String, String> env, BlobStore blobs, LiveListener live, McpTokens mcpTokens) {
    return create(ProviderRegistry.fromEnvironment(env), blobs, RetryPolicy.DEFAULT, live, mcpTokens);
  }

  public static LlmService create(ProviderRegistry providers, BlobStore blobs, RetryPolicy retry, LiveListener live) {
    return create(providers, blobs, retry, live, McpTokens.NONE);
  }

  public static LlmService create(ProviderRegistry providers, BlobStore blobs, RetryPolicy retry, LiveListener live, McpTokens mcpTokens) {
    return new LlmService(providers, builtInAdapters(), blobs, ProviderHttp.createDefault(), retry, live, mcpTokens);
  }
}
