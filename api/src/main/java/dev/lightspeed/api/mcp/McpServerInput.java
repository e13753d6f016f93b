package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;
import java.util.List;
import java.util.Map;

/**
 * The contract's {@code McpServerInput}, the full server record a client submits, plus three Lightspeed
 * members: {@code execution} ({@code "harness"}, the default: the worker connects; {@code "provider"}: the
 * model provider does), {@code headers} (sent with every request, e.g. {@code Authorization}; never shown
 * again) and {@code command} (the argv of a local server spoken to over stdio, with a {@code stdio:} server
 * URL; embedded mode only). Absent members take the contract's defaults on the server.
 *
 * @param authPolicy the contract's {@code McpServerAuthPolicy}, kept as JSON and checked by the server
 * @param credential the contract's {@code McpServerCredential}, kept as JSON and checked by the server
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpServerInput(
    String serverId,
    String serverUrl,
    String defaultServerLabel,
    String displayName,
    String description,
    RemoteMcpTransport transport,
    List<String> allowedTools,
    RemoteMcpApprovalPolicy approvalDefault,
    ObjectNode authPolicy,
    ObjectNode credential,
    Boolean deferLoadingDefault,
    McpServerStatus status,
    String execution,
    Map<String, String> headers,
    List<String> command) {
  public McpServerInput {
    Fields.required(serverId, "server.serverId");
    Fields.required(serverUrl, "server.serverUrl");
    Fields.required(defaultServerLabel, "server.defaultServerLabel");
    allowedTools = Fields.optionalList(allowedTools, "server.allowedTools");
    command = Fields.optionalList(command, "server.command");
    headers = headers == null ? null : Map.copyOf(headers);
  }
}
