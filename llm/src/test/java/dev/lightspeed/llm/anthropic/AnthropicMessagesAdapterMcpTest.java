package dev.lightspeed.llm.anthropic;

import static dev.lightspeed.llm.anthropic.AnthropicTestBed.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.McpTokens;
import dev.lightspeed.llm.RecordingBlobs;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.json.RawJson;
import dev.lightspeed.testkit.provider.AnthropicErrors;
import dev.lightspeed.testkit.provider.AnthropicScript;
import dev.lightspeed.testkit.provider.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Provider-run MCP servers over Anthropic's MCP connector: the server goes in {@code mcp_servers} with its token
 * looked up at call time, the provider's {@code mcp_tool_use}/{@code mcp_tool_result} blocks come back as opaque
 * items that are sent back byte for byte, and the token is in no stored blob and no error message.
 */
class AnthropicMessagesAdapterMcpTest {
  static final String TOOLSET = "{\"configs\":{\"search\":{\"enabled\":true}},\"default_config\":{\"enabled\":false},"
      + "\"mcp_server_name\":\"docs\",\"type\":\"mcp_toolset\"}";
  static final String SERVER = "{\"name\":\"docs\",\"type\":\"url\",\"url\":\"https://mcp.example.com/mcp\"}";

  private final AnthropicTestBed bed = new AnthropicTestBed();
  private final RecordingBlobs stored = new RecordingBlobs(bed.blobs);

  @AfterEach
  void tearDown() {
    bed.close();
  }

  ToolSpec mcpServer(String bearerTokenOf) {
    String spec = "{\"apiKind\":\"anthropic:messages\",\"definition\":" + TOOLSET + ",\"mcpServer\":{"
        + (bearerTokenOf == null ? "" : "\"bearerTokenOf\":\"" + bearerTokenOf + "\",") + "\"definition\":" + SERVER + "},\"type\":\"native\"}";
    return new ToolSpec("mcp__docs", bed.put(spec), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
  }

  @Test
  void theServerGoesInMcpServersWithItsTokenOfNowAndItsCallsAreOpaqueItemsSentBackAsStored() throws Exception {
    AtomicReference<String> token = new AtomicReference<>("tok-first-41");
    McpTokens tokens = (universe, serverId) -> serverId.equals("docs-id") ? Optional.of(token.get()) : Optional.empty();
    List<ToolSpec> tools = List.of(mcpServer("docs-id"));
    ContextEntry question = bed.user(1, "what are foxes like?");
    bed.server.enqueue(AnthropicScript.create()
        .mcpToolUse("mcptoolu_1", "docs", "search", "{\"q\":\"foxes\"}")
        .mcpToolResult("mcptoolu_1", false, "Foxes are quick.")
        .text("They are quick.")
        .streaming());

    GenerationResult.Completed turn1 = (GenerationResult.Completed) bed.adapter.generate(
        request(1, "m", Json.Obj.EMPTY, CompactionPolicy.DISABLED, List.of(question), tools), bed.call(stored, tokens));

    RecordedRequest sent1 = bed.server.takeRequest();
    assertThat(sent1.header("anthropic-beta")).isEqualTo("mcp-client-2025-11-20");
    assertThat(sent1.bodyText()).isEqualTo("{\"model\":\"m\",\"max_tokens\":8192,\"messages\":[{\"role\":\"user\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"what are foxes like?\"}]}],\"tools\":[" + AnthropicJson.withCacheControl(TOOLSET) + "],"
        + "\"mcp_servers\":[{\"name\":\"docs\",\"type\":\"url\",\"url\":\"https://mcp.example.com/mcp\",\"authorization_token\":\"tok-first-41\"}],"
        + "\"stream\":true}");
    String use = "{\"type\":\"mcp_tool_use\",\"id\":\"mcptoolu_1\",\"name\":\"search\",\"server_name\":\"docs\",\"input\":{\"q\":\"foxes\"}}";
    String result = "{\"type\":\"mcp_tool_result\",\"tool_use_id\":\"mcptoolu_1\",\"is_error\":false,"
        + "\"content\":[{\"type\":\"text\",\"text\":\"Foxes are quick.\"}]}";
    assertThat(turn1.outputs()).extracting(ContextItem::kind)
        .containsExactly(EntryKind.PROVIDER_OPAQUE, EntryKind.PROVIDER_OPAQUE, EntryKind.MESSAGE);
    assertThat(turn1.outputs()).extracting(ContextItem::providerKind)
        .containsExactly("anthropic:messages:mcp_tool_use", "anthropic:messages:mcp_tool_result", "anthropic:messages:text");
    assertThat(turn1.outputs().stream().limit(2).map(i -> bed.read(i.content())).toList()).containsExactly(use, result);
    assertThat(turn1.toolCalls()).as("the provider ran the call; the harness has nothing to run").isEmpty();
    assertThat(turn1.finishReason()).isEqualTo("end_turn");

    token.set("tok-second-42");
    List<ContextEntry> context2 = new ArrayList<>(List.of(question));
    for (int i = 0; i < turn1.outputs().size(); i++) context2.add(bed.output(2 + i, 1, turn1.outputs().get(i)));
    context2.add(bed.user(5, "and owls?"));
    bed.server.enqueue(AnthropicScript.create().text("Wise.").streaming());

    bed.adapter.generate(request(2, "m", Json.Obj.EMPTY, CompactionPolicy.DISABLED, context2, tools), bed.call(stored, tokens));

    String sent2 = bed.server.takeRequest().bodyText();
    assertThat(RawJson.arrayMember(sent2, "messages").get(1)).isEqualTo("{\"role\":\"assistant\",\"content\":[" + use + "," + result + ","
        + AnthropicJson.withCacheControl("{\"type\":\"text\",\"text\":\"They are quick.\"}") + "]}");
    assertThat(RawJson.arrayMember(sent2, "mcp_servers")).as("the token is looked up at each call")
        .containsExactly("{\"name\":\"docs\",\"type\":\"url\",\"url\":\"https://mcp.example.com/mcp\",\"authorization_token\":\"tok-second-42\"}");
    assertThat(stored.puts()).isNotEmpty().noneMatch(blob -> blob.contains("tok-first-41") || blob.contains("tok-second-42"));
    assertThat(bed.read(turn1.response())).contains(use).doesNotContain("tok-first-41");
  }

  @Test
  void aServerWithoutAnAuthReferenceGetsNoTokenAndTheProviderBetasAreKept() throws Exception {
    bed.server.enqueue(AnthropicScript.create().text("ok").streaming());
    List<ToolSpec> tools = List.of(mcpServer(null));
    CompactionPolicy policy = new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_TRIGGERED, 150_000, 0);

    bed.adapter.generate(request(1, "m", Json.Obj.EMPTY, policy, List.of(bed.user(1, "hi")), tools),
        bed.call(stored, (universe, serverId) -> Optional.of("never-asked")));

    RecordedRequest sent = bed.server.takeRequest();
    assertThat(sent.header("anthropic-beta")).isEqualTo("compact-2026-01-12,mcp-client-2025-11-20");
    assertThat(RawJson.arrayMember(sent.bodyText(), "mcp_servers")).containsExactly(SERVER);
  }

  @Test
  void aServerWhoseTokenIsGoneFailsTheCallNamingItBeforeAnythingIsSent() {
    ToolSpec spec = mcpServer("docs-id");

    assertThatThrownBy(() -> bed.adapter.generate(request(1, "m", Json.Obj.EMPTY, CompactionPolicy.DISABLED, List.of(bed.user(1, "hi")),
        List.of(spec)), bed.call(stored, McpTokens.NONE)))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Terminal("anthropic",
            ProviderError.Terminal.Kind.INVALID_REQUEST, 0, "", "MCP server \"docs-id\" (tool mcp__docs) needs a bearer token, but none is"
            + " configured for it now; give it one again in the MCP catalog (mcp/servers/put) or grant it with execution harness")));
    assertThat(bed.server.requestCount()).isZero();
  }

  @Test
  void aTokenThatCannotBeHadNowFailsTheCallWithTheReasonBeforeAnythingIsSent() {
    McpTokens loginNeeded = (universe, serverId) -> {
      throw new IllegalStateException("MCP server \"docs-id\" needs a login first: run lightspeed mcp login docs-id");
    };

    assertThatThrownBy(() -> bed.adapter.generate(request(1, "m", Json.Obj.EMPTY, CompactionPolicy.DISABLED, List.of(bed.user(1, "hi")),
        List.of(mcpServer("docs-id"))), bed.call(stored, loginNeeded)))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error().message()).isEqualTo("the bearer token of MCP server"
            + " \"docs-id\" (tool mcp__docs) cannot be had now: MCP server \"docs-id\" needs a login first: run lightspeed mcp login docs-id"));
    assertThat(bed.server.requestCount()).isZero();
  }

  @Test
  void aTokenTheProviderQuotesBackIsRedactedFromTheError() {
    bed.server.enqueue(AnthropicErrors.invalidRequest("mcp_servers.0: server rejected authorization_token tok-quoted-7"));

    assertThatThrownBy(() -> bed.adapter.generate(request(1, "m", Json.Obj.EMPTY, CompactionPolicy.DISABLED, List.of(bed.user(1, "hi")),
        List.of(mcpServer("docs-id"))), bed.call(stored, (universe, serverId) -> Optional.of("tok-quoted-7"))))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.error().message()).isEqualTo("mcp_servers.0: server rejected authorization_token [redacted]");
          assertThat(e.getMessage()).doesNotContain("tok-quoted-7");
        });
  }

  @Test
  void aSummaryOverAHistoryWithMcpBlocksCarriesTheBeta() throws Exception {
    String use = "{\"type\":\"mcp_tool_use\",\"id\":\"mcptoolu_1\",\"name\":\"search\",\"server_name\":\"docs\",\"input\":{}}";
    ContextItem item = new ContextItem(null, EntryKind.PROVIDER_OPAQUE, dev.lightspeed.engine.context.EntryRole.ASSISTANT, bed.put(use),
        "application/json", "anthropic:messages:mcp_tool_use", "mcp_tool_use", 1, null, false);
    List<ContextEntry> context = List.of(bed.user(1, "look it up"), bed.output(2, 1, item));
    bed.server.enqueue(AnthropicScript.create().text("They looked it up.").streaming());

    bed.adapter.compact(new CompactionRequest(1, new ModelRef("anthropic", AnthropicMessagesAdapter.API_KIND, "m"),
        CompactionPolicy.DISABLED, context, context), bed.call());

    RecordedRequest sent = bed.server.takeRequest();
    assertThat(sent.header("anthropic-beta")).isEqualTo("mcp-client-2025-11-20");
    assertThat(sent.bodyText()).contains(AnthropicJson.withCacheControl(use));
  }
}
