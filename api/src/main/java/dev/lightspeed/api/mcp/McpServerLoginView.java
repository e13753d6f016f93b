package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/**
 * The OAuth login of a catalog server as clients see it (Lightspeed's {@code McpServerView.login}): never a
 * token or client secret, only whether there is a login and what it is for.
 *
 * @param status {@code loggedIn}, {@code loggedOut}, or {@code unreadable} (the stored secrets cannot be opened
 *     with the configured master key; {@code problem} says why)
 * @param expiresAtMs when the current access token expires (it is refreshed before then when
 *     {@code refreshable})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpServerLoginView(String status, String authorizationServer, List<String> scopes, Long expiresAtMs, Boolean refreshable,
    String problem) {
  public McpServerLoginView {
    Fields.required(status, "status");
    scopes = Fields.optionalList(scopes, "scopes");
  }
}
