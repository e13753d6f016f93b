package dev.lightspeed.tools.mcp;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;

/**
 * MCP servers the model provider runs: each becomes one provider-native spec named {@code mcp__<server>}
 * (stored as {@code {"type":"native","apiKind":…,"definition":…}}, which the adapters send as is). Only OpenAI
 * Responses has such a tool here ({@code {"type":"mcp","server_label","server_url","allowed_tools",
 * "require_approval":"never"}}); its {@code mcp_list_tools} and {@code mcp_call} output items are kept as
 * opaque entries. Servers that need headers are refused, since a spec is stored with the session's tools and
 * secrets must not be; so is approval {@code always}, which needs approvals the harness cannot give yet.
 */
public final class McpProviderTools {
  private McpProviderTools() {}

  /**
   * {@return the spec of provider-run {@code server} for a session of {@code apiKind}, stored in {@code universe}}
   *
   * @throws IllegalArgumentException saying why when this API kind or this server cannot be run by the provider
   */
  public static ToolSpec spec(McpServerSettings server, String apiKind, BlobStore blobs, UniverseId universe) {
    String at = "features.mcp: server \"" + server.serverId() + "\" (execution provider)";
    if (!apiKind.equals("openai:responses")) {
      throw new IllegalArgumentException(at + " can be run by the provider only in OpenAI Responses sessions, not " + apiKind
          + "; register it with execution harness");
    }
    McpEndpoint.Http http = (McpEndpoint.Http) server.endpoint();
    if (!http.auth().none()) {
      throw new IllegalArgumentException(at + " has headers or an OAuth login, which the provider would need in the stored tool spec;"
          + " provider-run servers with credentials are not supported yet, use execution harness");
    }
    if (server.approval() == McpServerSettings.Approval.ALWAYS) {
      throw new IllegalArgumentException(at + " asks for approval always, and approvals are not supported yet");
    }
    Json.Obj.Builder definition = Json.Obj.builder()
        .put("type", "mcp")
        .put("server_label", server.label())
        .put("server_url", http.url().toString());
    server.allowedTools().ifPresent(tools -> definition.putArray("allowed_tools", tools.stream().<Json>map(Json::of).toList()));
    definition.put("require_approval", "never");
    Json.Obj spec = Json.Obj.builder().put("type", "native").put("apiKind", apiKind).put("definition", definition.build()).build();
    return new ToolSpec(McpToolNames.ofServer(server.serverId()), blobs.put(universe, CanonicalJson.writeUtf8(spec)), Parallelism.PARALLEL_SAFE,
        RetrySafety.RETRY_SAFE);
  }
}
