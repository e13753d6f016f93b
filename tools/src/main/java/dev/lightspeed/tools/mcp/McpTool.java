package dev.lightspeed.tools.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.Approval;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.tools.Tool;
import dev.lightspeed.tools.ToolContext;
import dev.lightspeed.tools.ToolDefinition;
import dev.lightspeed.tools.ToolResult;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tool of an MCP server, offered to the model as {@code mcp__<server>__<tool>} with the server's input
 * schema. A call forwards the arguments; the tool's own failure ({@code isError}) and a server that cannot be
 * reached both come back as error results, so the run goes on. Read-only tools (by the server's
 * {@code readOnlyHint}) run in parallel and are safe to retry; others run alone, and are retry-safe only when
 * the server marks them idempotent.
 */
public final class McpTool implements Tool {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Json.Obj NO_PARAMETERS = Json.Obj.builder().put("type", "object").put("properties", Json.Obj.EMPTY).build();

  private final McpServerSettings server;
  private final String mcpName;
  private final ToolDefinition definition;
  private final McpClients clients;

  McpTool(McpServerSettings server, McpServerSettings.Approval approval, McpSchema.Tool tool, McpClients clients) {
    this.server = Objects.requireNonNull(server, "server");
    Objects.requireNonNull(approval, "approval");
    this.mcpName = tool.name();
    this.clients = Objects.requireNonNull(clients, "clients");
    McpSchema.ToolAnnotations hints = tool.annotations();
    boolean readOnly = hints != null && Boolean.TRUE.equals(hints.readOnlyHint());
    boolean idempotent = readOnly || hints != null && Boolean.TRUE.equals(hints.idempotentHint());
    String description = tool.description() != null ? tool.description() : tool.title() != null ? tool.title() : tool.name();
    this.definition = new ToolDefinition(McpToolNames.of(server.serverId(), tool.name()), description, parameters(tool),
        readOnly ? Parallelism.PARALLEL_SAFE : Parallelism.EXCLUSIVE, idempotent ? RetrySafety.RETRY_SAFE : RetrySafety.NOT_RETRY_SAFE,
        approval == McpServerSettings.Approval.ALWAYS ? Approval.ALWAYS : Approval.NEVER);
  }

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  /** {@return the tool's name on its server} */
  public String mcpName() {
    return mcpName;
  }

  public String serverId() {
    return server.serverId();
  }

  @Override
  public ToolResult invoke(ObjectNode arguments, ToolContext context) {
    McpSchema.CallToolResult result;
    try {
      result = clients.call(server.endpoint(), mcpName, JSON.convertValue(arguments, new TypeReference<Map<String, Object>>() {}));
    } catch (McpUnavailableException e) {
      return ToolResult.error("MCP server \"" + server.serverId() + "\" is unavailable; " + mcpName + " did not run: " + e.getMessage());
    }
    String text = text(result);
    return Boolean.TRUE.equals(result.isError()) ? ToolResult.error(text) : ToolResult.ok(text);
  }

  /** The result's content as the model reads it: text as it is, anything else as its JSON. */
  static String text(McpSchema.CallToolResult result) {
    List<String> parts = new ArrayList<>();
    if (result.content() != null) {
      for (McpSchema.Content content : result.content()) {
        parts.add(content instanceof McpSchema.TextContent t ? t.text() : json(content));
      }
    }
    if (parts.isEmpty() && result.structuredContent() != null) parts.add(json(result.structuredContent()));
    return String.join("\n", parts);
  }

  private static String json(Object value) {
    try {
      return McpJsonDefaults.getMapper().writeValueAsString(value);
    } catch (IOException e) {
      return String.valueOf(value);
    }
  }

  private static Json.Obj parameters(McpSchema.Tool tool) {
    Map<String, Object> schema = tool.inputSchema();
    if (schema == null || schema.isEmpty()) return NO_PARAMETERS;
    try {
      return CanonicalJson.parseObject(JSON.writeValueAsString(schema));
    } catch (IOException e) {
      throw new IllegalArgumentException("the input schema of MCP tool " + tool.name() + " is not JSON: " + e.getMessage(), e);
    }
  }
}
