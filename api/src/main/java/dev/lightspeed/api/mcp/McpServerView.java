package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;
import java.util.List;

/**
 * The contract's {@code McpServerView}: a catalog server with its defaults filled in and its revision, plus
 * Lightspeed's {@code execution}, {@code headerNames} (the names of the stored headers; their values are
 * secrets and never leave the server), {@code command} (see {@link McpServerInput}) and, for servers with an
 * OAuth {@code authPolicy}, {@code login} (see {@link McpServerLoginView}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpServerView(
    String serverId,
    String serverUrl,
    RemoteMcpTransport transport,
    String defaultServerLabel,
    String displayName,
    String description,
    List<String> allowedTools,
    RemoteMcpApprovalPolicy approvalDefault,
    ObjectNode authPolicy,
    ObjectNode credential,
    Boolean deferLoadingDefault,
    McpServerStatus status,
    long revision,
    long createdAtMs,
    long updatedAtMs,
    String execution,
    List<String> headerNames,
    List<String> command,
    McpServerLoginView login) {
  public McpServerView {
    Fields.required(serverId, "serverId");
    Fields.required(serverUrl, "serverUrl");
    Fields.required(transport, "transport");
    Fields.required(defaultServerLabel, "defaultServerLabel");
    Fields.required(approvalDefault, "approvalDefault");
    Fields.required(authPolicy, "authPolicy");
    Fields.required(status, "status");
    Fields.unsigned(revision, "revision");
    allowedTools = Fields.optionalList(allowedTools, "allowedTools");
    headerNames = Fields.optionalList(headerNames, "headerNames");
    command = Fields.optionalList(command, "command");
  }
}
