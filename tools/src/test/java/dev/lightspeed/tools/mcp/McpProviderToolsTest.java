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
    return new McpServerSettings("docs", "Docs", new McpEndpoint.Http(URI.create("https://mcp.example.com/mcp"), headers),
        McpServerSettings.Execution.PROVIDER, Optional.of(List.of("search")), approval);
  }

  @Test
  void anOpenAiResponsesSessionGetsTheNativeMcpTool() {
    ToolSpec spec = McpProviderTools.spec(server(Map.of(), McpServerSettings.Approval.NEVER), "openai:responses", blobs, U);

    assertThat(spec.name()).isEqualTo("mcp__docs");
    assertThat(new String(blobs.read(U, spec.spec()), StandardCharsets.UTF_8)).isEqualTo("{\"apiKind\":\"openai:responses\","
        + "\"definition\":{\"allowed_tools\":[\"search\"],\"require_approval\":\"never\",\"server_label\":\"Docs\","
        + "\"server_url\":\"https://mcp.example.com/mcp\",\"type\":\"mcp\"},\"type\":\"native\"}");
  }

  @Test
  void whatTheProviderCannotRunIsRefusedSayingWhy() {
    assertThatThrownBy(() -> McpProviderTools.spec(server(Map.of(), McpServerSettings.Approval.NEVER), "anthropic:messages", blobs, U))
        .hasMessage("features.mcp: server \"docs\" (execution provider) can be run by the provider only in OpenAI Responses sessions,"
            + " not anthropic:messages; register it with execution harness");
    assertThatThrownBy(() -> McpProviderTools.spec(server(Map.of("Authorization", "Bearer x"), McpServerSettings.Approval.NEVER),
        "openai:responses", blobs, U))
        .hasMessage("features.mcp: server \"docs\" (execution provider) has headers or an OAuth login, which the provider would"
            + " need in the stored tool spec; provider-run servers with credentials are not supported yet, use execution harness");
    assertThatThrownBy(() -> McpProviderTools.spec(server(Map.of(), McpServerSettings.Approval.ALWAYS), "openai:responses", blobs, U))
        .hasMessage("features.mcp: server \"docs\" (execution provider) asks for approval always, and approvals are not supported yet");
  }
}
