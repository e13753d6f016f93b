package dev.lightspeed.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class McpProviderToolsTest {
  private static final UniverseId U = UniverseId.DEFAULT;
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();

  private static McpServerSettings server(Map<String, String> headers, McpServerSettings.Approval approval) {
    return server("https://mcp.example.com/mcp", headers, Optional.of(List.of("search")), approval);
  }

  private static McpServerSettings server(String url, Map<String, String> headers, Optional<List<String>> allowed,
      McpServerSettings.Approval approval) {
    return new McpServerSettings("docs", "Docs", new McpEndpoint.Http(URI.create(url), headers), McpServerSettings.Execution.PROVIDER,
        allowed, approval);
  }

  private String stored(ToolSpec spec) {
    return new String(blobs.read(U, spec.spec()), StandardCharsets.UTF_8);
  }

  @Test
  void anOpenAiResponsesSessionGetsTheNativeMcpTool() {
    ToolSpec spec = McpProviderTools.spec(server(Map.of(), McpServerSettings.Approval.NEVER), "openai:responses", blobs, U);

    assertThat(spec.name()).isEqualTo("mcp__docs");
    assertThat(stored(spec)).isEqualTo("{\"apiKind\":\"openai:responses\","
        + "\"definition\":{\"allowed_tools\":[\"search\"],\"require_approval\":\"never\",\"server_label\":\"Docs\","
        + "\"server_url\":\"https://mcp.example.com/mcp\",\"type\":\"mcp\"},\"type\":\"native\"}");
  }

  @Test
  void anOpenAiServerWithABearerTokenNamesWhoseTokenToSendButNotTheToken() {
    ToolSpec spec = McpProviderTools.spec(server(Map.of("Authorization", "Bearer s3cret-token"), McpServerSettings.Approval.NEVER),
        "openai:responses", blobs, U);

    assertThat(stored(spec)).isEqualTo("{\"apiKind\":\"openai:responses\",\"bearerTokenOf\":\"docs\","
        + "\"definition\":{\"allowed_tools\":[\"search\"],\"require_approval\":\"never\",\"server_label\":\"Docs\","
        + "\"server_url\":\"https://mcp.example.com/mcp\",\"type\":\"mcp\"},\"type\":\"native\"}");
  }

  @Test
  void anAnthropicSessionGetsAnMcpToolsetAndTheServerNamingWhoseTokenToSendButNotTheToken() {
    ToolSpec spec = McpProviderTools.spec(server(Map.of("authorization", "Bearer s3cret-token"), McpServerSettings.Approval.NEVER),
        "anthropic:messages", blobs, U);

    assertThat(spec.name()).isEqualTo("mcp__docs");
    assertThat(stored(spec)).isEqualTo("{\"apiKind\":\"anthropic:messages\",\"definition\":{\"configs\":{\"search\":{\"enabled\":true}},"
        + "\"default_config\":{\"enabled\":false},\"mcp_server_name\":\"Docs\",\"type\":\"mcp_toolset\"},"
        + "\"mcpServer\":{\"bearerTokenOf\":\"docs\",\"definition\":{\"name\":\"Docs\",\"type\":\"url\",\"url\":\"https://mcp.example.com/mcp\"}},"
        + "\"type\":\"native\"}");
    ToolSpec open = McpProviderTools.spec(server("https://mcp.example.com/mcp", Map.of(), Optional.empty(), McpServerSettings.Approval.NEVER),
        "anthropic:messages", blobs, U);
    assertThat(stored(open)).isEqualTo("{\"apiKind\":\"anthropic:messages\",\"definition\":{\"mcp_server_name\":\"Docs\","
        + "\"type\":\"mcp_toolset\"},\"mcpServer\":{\"definition\":{\"name\":\"Docs\",\"type\":\"url\",\"url\":\"https://mcp.example.com/mcp\"}},"
        + "\"type\":\"native\"}");
  }

  @Test
  void theBearerTokenIsTheAuthorizationHeaderAfterItsSchemeAndOtherHeadersCannotBeSent() {
    assertThat(McpProviderTools.bearerToken(server(Map.of("Authorization", "Bearer abc.def"), McpServerSettings.Approval.NEVER)))
        .contains("abc.def");
    assertThat(McpProviderTools.bearerToken(server(Map.of("AUTHORIZATION", "bearer  xyz "), McpServerSettings.Approval.NEVER)))
        .contains("xyz");
    assertThat(McpProviderTools.bearerToken(server(Map.of(), McpServerSettings.Approval.NEVER))).isEmpty();
    assertThatThrownBy(() -> McpProviderTools.bearerToken(server(Map.of("Authorization", "Basic eDp5"), McpServerSettings.Approval.NEVER)))
        .hasMessage("MCP server \"docs\" authenticates with headers [Authorization], but the provider can send it only a bearer token"
            + " (Authorization: Bearer <token>); use execution harness");
    assertThatThrownBy(() -> McpProviderTools.bearerToken(server(Map.of("X-Api-Key", "k"), McpServerSettings.Approval.NEVER)))
        .hasMessageStartingWith("MCP server \"docs\" authenticates with headers [X-Api-Key], but");
  }

  @Test
  void aServerWithStoredCredentialsGetsItsTokenFromTheAuthAtEachAskAndOnlyABearerTokenWillDo() {
    java.util.concurrent.atomic.AtomicInteger asks = new java.util.concurrent.atomic.AtomicInteger();
    McpHttpAuth oauth = () -> Map.of("Authorization", "Bearer fresh-" + asks.incrementAndGet());
    McpServerSettings server = new McpServerSettings("docs", "Docs", new McpEndpoint.Http(URI.create("https://mcp.example.com/mcp"), oauth),
        McpServerSettings.Execution.PROVIDER, Optional.empty(), McpServerSettings.Approval.NEVER);

    ToolSpec spec = McpProviderTools.spec(server, "anthropic:messages", blobs, U);

    assertThat(stored(spec)).contains("\"mcpServer\":{\"bearerTokenOf\":\"docs\",").doesNotContain("fresh");
    assertThat(asks).as("the credentials are not opened to derive the spec").hasValue(0);
    assertThat(McpProviderTools.bearerToken(server)).contains("fresh-1");
    assertThat(McpProviderTools.bearerToken(server)).contains("fresh-2");
    McpHttpAuth keyed = () -> Map.of("Authorization", "Bearer t", "X-Api-Key", "k");
    assertThatThrownBy(() -> McpProviderTools.bearerToken(new McpServerSettings("docs", "Docs",
        new McpEndpoint.Http(URI.create("https://mcp.example.com/mcp"), keyed), McpServerSettings.Execution.PROVIDER, Optional.empty(),
        McpServerSettings.Approval.NEVER)))
        .hasMessage("MCP server \"docs\" authenticates with headers [Authorization, X-Api-Key], but the provider can send it only a"
            + " bearer token (Authorization: Bearer <token>); use execution harness");
  }

  @Test
  void whatTheProviderCannotRunIsRefusedSayingWhy() {
    assertThatThrownBy(() -> McpProviderTools.spec(server(Map.of(), McpServerSettings.Approval.NEVER), "openai:completions", blobs, U))
        .hasMessage("features.mcp: server \"docs\" (execution provider) can be run by the provider only in OpenAI Responses and"
            + " Anthropic Messages sessions, not openai:completions; register it with execution harness");
    assertThatThrownBy(() -> McpProviderTools.spec(server(Map.of("X-Api-Key", "k"), McpServerSettings.Approval.NEVER),
        "openai:responses", blobs, U))
        .hasMessage("features.mcp: server \"docs\" (execution provider) has headers other than Authorization: Bearer <token>, and"
            + " only a bearer token is handed to the provider (as the mcp tool's authorization); use execution harness");
    assertThatThrownBy(() -> McpProviderTools.spec(server(Map.of(), McpServerSettings.Approval.ALWAYS), "openai:responses", blobs, U))
        .hasMessage("features.mcp: server \"docs\" (execution provider) asks for approval always, and approvals are not supported yet");
    assertThatThrownBy(() -> McpProviderTools.spec(server(Map.of(), McpServerSettings.Approval.ALWAYS), "anthropic:messages", blobs, U))
        .hasMessage("features.mcp: server \"docs\" (execution provider) asks for approval always, and approvals are not supported yet");
  }

  @Test
  void anthropicRefusesHeadersOtherThanABearerTokenAndPlainHttp() {
    String headers = "features.mcp: server \"docs\" (execution provider) has headers other than Authorization: Bearer <token>, and"
        + " Anthropic's MCP connector sends only a bearer token; use execution harness";
    assertThatThrownBy(() -> McpProviderTools.spec(server(Map.of("X-Api-Key", "k"), McpServerSettings.Approval.NEVER),
        "anthropic:messages", blobs, U)).hasMessage(headers);
    assertThatThrownBy(() -> McpProviderTools.spec(server(Map.of("Authorization", "Bearer t", "X-Team", "a"), McpServerSettings.Approval.NEVER),
        "anthropic:messages", blobs, U)).hasMessage(headers);
    assertThatThrownBy(() -> McpProviderTools.spec(server(Map.of("Authorization", "Basic eDp5"), McpServerSettings.Approval.NEVER),
        "anthropic:messages", blobs, U)).hasMessage(headers);
    assertThatThrownBy(() -> McpProviderTools.spec(server("http://mcp.example.com/mcp", Map.of(), Optional.empty(),
        McpServerSettings.Approval.NEVER), "anthropic:messages", blobs, U))
        .hasMessage("features.mcp: server \"docs\" (execution provider) is at http://mcp.example.com/mcp, but Anthropic's MCP connector"
            + " reaches only https URLs; use execution harness");
  }
}
