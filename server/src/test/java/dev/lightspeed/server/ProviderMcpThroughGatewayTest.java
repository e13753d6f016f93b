package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.llm.json.RawJson;
import dev.lightspeed.store.mcp.MasterKey;
import dev.lightspeed.testkit.provider.AnthropicScript;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.RecordedRequest;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP servers the provider runs, through the gateway with the real adapters and the fake provider: an Anthropic
 * session's server reaches the Messages API as an {@code mcp_toolset} tool and an {@code mcp_servers} entry
 * carrying the catalog's bearer token (read at the call, stored nowhere else), an OpenAI Responses session's as
 * an {@code mcp} tool with the token as its {@code authorization}, the provider's MCP blocks are opaque items
 * sent back as they came, and a Chat Completions session cannot have such a server.
 */
class ProviderMcpThroughGatewayTest {
  static final String TOKEN = "tok-5f1c0a-never-stored";
  @TempDir static Path home;
  static FakeProviderServer provider;
  static TestServer s;

  @BeforeAll
  static void start() {
    provider = FakeProviderServer.start();
    Map<String, String> env = Map.of("OPENAI_BASE_URL", provider.url("/v1").toString(), "OPENAI_API_KEY", "sk-test",
        "ANTHROPIC_BASE_URL", provider.baseUrl().toString(), "ANTHROPIC_API_KEY", "sk-ant-test",
        MasterKey.VARIABLE, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    s = TestServer.withEffects(home, env, Effects.fromEnvironment(env));
    s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("kb", "https://mcp.example.com/mcp", "kb", null, null, null,
        List.of("search"), null, json("{\"type\":\"requiredBearer\"}"), null, null, null, "provider", Map.of("Authorization", "Bearer " + TOKEN),
        null), null));
  }

  @AfterAll
  static void stop() {
    s.close();
    provider.close();
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) ApiJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static ObjectNode config(String providerId, String apiKind) {
    return json("{\"model\":{\"providerId\":\"" + providerId + "\",\"apiKind\":\"" + apiKind + "\",\"model\":\"m\"},"
        + "\"features\":{\"mcp\":{\"servers\":[{\"serverId\":\"kb\"}]}}}");
  }

  static void run(String session, String runId, String text) {
    String run = s.rpc.call(Methods.RUN_START, new RunStartParams(session, RunStartSource.input(InputItem.text(text)), null, runId, null))
        .at("/run/id").asText();
    new EventFeed(s.rpc, session).readUntil(EventFeed.type("runCompleted", run));
  }

  @Test
  void anAnthropicSessionSendsTheServerWithItsTokenAndSendsTheProvidersMcpBlocksBackAsTheyCame() throws IOException {
    JsonNode session = s.rpc.call(Methods.SESSION_START, new SessionStartParams("mcp-claude", null, config("anthropic", "anthropic:messages"),
        null)).get("session");
    assertThat(session.at("/activeTools/tools").findValuesAsText("toolId")).containsExactly("mcp__kb");
    assertThat(session.at("/activeTools/tools/0/kind/type").asText()).isEqualTo("providerNative");
    assertThat(session.at("/activeTools/tools/0/kind/apiKind").asText()).isEqualTo("anthropic:messages");
    String use = "{\"type\":\"mcp_tool_use\",\"id\":\"mcptoolu_1\",\"name\":\"search\",\"server_name\":\"kb\",\"input\":{\"q\":\"foxes\"}}";
    String result = "{\"type\":\"mcp_tool_result\",\"tool_use_id\":\"mcptoolu_1\",\"is_error\":false,"
        + "\"content\":[{\"type\":\"text\",\"text\":\"Foxes are quick.\"}]}";
    provider.enqueue(AnthropicScript.create().mcpToolUse("mcptoolu_1", "kb", "search", "{\"q\":\"foxes\"}")
        .mcpToolResult("mcptoolu_1", false, "Foxes are quick.").text("They are quick.").streaming());
    provider.enqueue(AnthropicScript.create().text("Wise.").streaming());

    run("mcp-claude", "r1", "what are foxes like?");
    run("mcp-claude", "r2", "and owls?");

    RecordedRequest first = provider.takeRequest();
    assertThat(first.header("anthropic-beta")).isEqualTo("mcp-client-2025-11-20");
    assertThat(RawJson.arrayMember(first.bodyText(), "tools")).containsExactly("{\"configs\":{\"search\":{\"enabled\":true}},"
        + "\"default_config\":{\"enabled\":false},\"mcp_server_name\":\"kb\",\"type\":\"mcp_toolset\",\"cache_control\":{\"type\":\"ephemeral\"}}");
    assertThat(RawJson.arrayMember(first.bodyText(), "mcp_servers"))
        .containsExactly("{\"name\":\"kb\",\"type\":\"url\",\"url\":\"https://mcp.example.com/mcp\",\"authorization_token\":\"" + TOKEN + "\"}");
    String second = provider.takeRequest().bodyText();
    assertThat(RawJson.arrayMember(second, "messages").get(1)).as("the provider's MCP blocks, byte for byte, the harness ran nothing")
        .startsWith("{\"role\":\"assistant\",\"content\":[" + use + "," + result + ",");
    assertThat(RawJson.arrayMember(second, "messages")).hasSize(3);
    assertThat(second).contains("\"authorization_token\":\"" + TOKEN + "\"");

    assertThat(s.rpc.call(Methods.SESSION_READ, new SessionReadParams("mcp-claude")).toString()).doesNotContain(TOKEN);
    assertThat(filesHolding("Foxes are quick.")).as("the stored blocks are on disk, where the scan looks").isNotEmpty();
    assertThat(filesHolding(TOKEN)).as("files holding the token (the catalog's copy is sealed)").isEmpty();
  }

  @Test
  void anOpenAiResponsesSessionSendsTheServerWithItsTokenAsTheMcpToolsAuthorization() throws IOException {
    s.rpc.call(Methods.SESSION_START, new SessionStartParams("mcp-gpt", null, config("openai", "openai:responses"), null));
    provider.enqueue(ResponsesScript.create().text("Foxes are quick.").streaming());

    run("mcp-gpt", "g1", "what are foxes like?");

    RecordedRequest sent = provider.takeRequest();
    assertThat(sent.path()).isEqualTo("/v1/responses");
    assertThat(RawJson.arrayMember(sent.bodyText(), "tools")).containsExactly("{\"allowed_tools\":[\"search\"],\"require_approval\":\"never\","
        + "\"server_label\":\"kb\",\"server_url\":\"https://mcp.example.com/mcp\",\"type\":\"mcp\",\"authorization\":\"" + TOKEN + "\"}");
    assertThat(s.rpc.call(Methods.SESSION_READ, new SessionReadParams("mcp-gpt")).toString()).doesNotContain(TOKEN);
    assertThat(filesHolding(TOKEN)).as("files holding the token (the catalog's copy is sealed)").isEmpty();
  }

  @Test
  void aChatCompletionsSessionCannotHaveAProviderRunServer() {
    RpcError refused = s.rpc.error(Methods.SESSION_START, new SessionStartParams("mcp-chat", null, config("openai", "openai:completions"), null));

    assertThat(refused.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(refused.message()).isEqualTo("config: features.mcp: server \"kb\" (execution provider) can be run by the provider only in"
        + " OpenAI Responses and Anthropic Messages sessions, not openai:completions; register it with execution harness");
  }

  private static List<Path> filesHolding(String text) throws IOException {
    try (Stream<Path> files = Files.walk(home)) {
      return files.filter(Files::isRegularFile).filter(f -> contains(f, text)).toList();
    }
  }

  private static boolean contains(Path file, String text) {
    try {
      return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false; // a file that went away while walking
    }
  }
}
