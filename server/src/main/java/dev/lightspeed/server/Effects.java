package dev.lightspeed.server;

import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.LlmServices;
import dev.lightspeed.llm.McpTokens;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.server.tools.BuiltinToolCatalog;
import dev.lightspeed.server.tools.ToolCatalog;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.WorkspaceStore;
import java.util.Map;
import java.util.Objects;

/**
 * Where a server's sessions reach the world: the model providers and the tools. Built from the process
 * environment in production; tests pass a scripted model or tools instead, and nothing else changes.
 *
 * @param providers the configured providers, for {@code models/list}
 * @param llm builds the worker's model port over the server's blob store, streaming deltas to a listener and
 *     sending provider-run MCP servers the tokens of the MCP catalog
 * @param tools builds the worker's tools over the server's blob store
 */
public record Effects(ProviderRegistry providers, LlmFactory llm, ToolFactory tools) {
  /** Builds the model port once the blob store, the live listener and the MCP catalog exist. */
  @FunctionalInterface
  public interface LlmFactory {
    LlmPort create(BlobStore blobs, LiveListener live, McpTokens mcpTokens);
  }

  /** Builds the tool catalog once the blob store and the workspace store exist. */
  @FunctionalInterface
  public interface ToolFactory {
    ToolCatalog create(BlobStore blobs, WorkspaceStore workspaces);
  }

  public Effects {
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(tools, "tools");
  }

  /**
   * {@return the real providers configured in {@code env} (see {@link ProviderRegistry#fromEnvironment}) and
   * the built-in tools (file tools over the virtual file system, web tools as {@code features.web} grants)}
   *
   * @throws dev.lightspeed.llm.config.ConfigurationException naming the variable when a value is malformed
   */
  public static Effects fromEnvironment(Map<String, String> env) {
    Map<String, String> copy = Map.copyOf(env);
    return new Effects(ProviderRegistry.fromEnvironment(copy), (blobs, live, mcpTokens) -> LlmServices.fromEnvironment(copy, blobs, live, mcpTokens),
        BuiltinToolCatalog::create);
  }

  /** {@return these effects with {@code tools} instead} */
  public Effects withTools(ToolFactory tools) {
    return new Effects(providers, llm, tools);
  }

  /** {@return these effects with {@code llm} instead} */
  public Effects withLlm(LlmFactory llm) {
    return new Effects(providers, llm, tools);
  }
}
