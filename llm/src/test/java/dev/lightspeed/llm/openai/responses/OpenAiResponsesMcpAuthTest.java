package dev.lightspeed.llm.openai.responses;

import static dev.lightspeed.llm.openai.responses.ResponsesHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.McpTokens;
import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.RecordingBlobs;
import dev.lightspeed.llm.json.RawJson;
import dev.lightspeed.testkit.provider.OpenAiErrors;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A provider-run MCP server with auth in an OpenAI Responses session: the stored spec names whose token to
 * send, the adapter puts the token of the moment in the {@code mcp} tool's {@code authorization}, and the token
 * stays out of every blob and error.
 */
class OpenAiResponsesMcpAuthTest {
  private static final String DEFINITION = "{\"allowed_tools\":[\"search\"],\"require_approval\":\"never\",\"server_label\":\"Docs\","
      + "\"server_url\":\"https://mcp.example.com/mcp\",\"type\":\"mcp\"}";
  private final ResponsesHarness h = new ResponsesHarness();
  private final RecordingBlobs stored = new RecordingBlobs(h.blobs);

  @AfterEach
  void tearDown() {
    h.close();
  }

  private List<ToolSpec> docs() {
    return List.of(h.functionTool("mcp__docs", "{\"apiKind\":\"openai:responses\",\"bearerTokenOf\":\"docs-id\",\"definition\":"
        + DEFINITION + ",\"type\":\"native\"}"));
  }

  private ProviderCall call(McpTokens tokens) {
    ProviderCall plain = h.call();
    return new ProviderCall(plain.provider(), plain.apiKey(), plain.http(), stored, plain.universe(), plain.session(), plain.live(),
        plain.aborted(), tokens);
  }

  @Test
  void theTokenOfTheMomentGoesInTheToolsAuthorizationAndNowhereElse() throws Exception {
    AtomicReference<String> token = new AtomicReference<>("tok-first-41");
    McpTokens tokens = (universe, serverId) -> serverId.equals("docs-id") ? Optional.of(token.get()) : Optional.empty();
    h.server.enqueue(ResponsesScript.create().text("Foxes are quick.").streaming());
    h.server.enqueue(ResponsesScript.create().text("Owls are wise.").streaming());

    h.adapter.generate(request("gpt-5", List.of(h.user("foxes?")), docs(), Json.Obj.EMPTY, CompactionPolicy.DISABLED), call(tokens));
    token.set("tok-second-42");
    h.adapter.generate(request("gpt-5", List.of(h.user("owls?")), docs(), Json.Obj.EMPTY, CompactionPolicy.DISABLED), call(tokens));

    String first = h.server.takeRequest().bodyText();
    assertThat(RawJson.arrayMember(first, "tools")).containsExactly(DEFINITION.substring(0, DEFINITION.length() - 1)
        + ",\"authorization\":\"tok-first-41\"}");
    assertThat(RawJson.arrayMember(h.server.takeRequest().bodyText(), "tools").getFirst()).as("looked up at each call")
        .contains("\"authorization\":\"tok-second-42\"");
    assertThat(stored.puts()).isNotEmpty().noneMatch(blob -> blob.contains("tok-first-41") || blob.contains("tok-second-42"));
  }

  @Test
  void aServerWithoutATokenNowFailsTheCallBeforeAnythingIsSent() {
    assertThatThrownBy(() -> h.adapter.generate(request("gpt-5", List.of(h.user("hi")), docs(), Json.Obj.EMPTY, CompactionPolicy.DISABLED),
        call(McpTokens.NONE)))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.error()).isInstanceOf(ProviderError.Terminal.class);
          assertThat(e.error().message()).startsWith("MCP server \"docs-id\" (tool mcp__docs) needs a bearer token");
        });
    McpTokens loginNeeded = (universe, serverId) -> {
      throw new IllegalStateException("log in again with: lightspeed mcp login docs-id");
    };
    assertThatThrownBy(() -> h.adapter.generate(request("gpt-5", List.of(h.user("hi")), docs(), Json.Obj.EMPTY, CompactionPolicy.DISABLED),
        call(loginNeeded)))
        .hasMessageContaining("cannot be had now: log in again with: lightspeed mcp login docs-id");
    assertThat(h.server.requestCount()).isZero();
  }

  @Test
  void aTokenTheProviderQuotesBackIsRedactedFromTheError() {
    h.server.enqueue(OpenAiErrors.error(400, "invalid_request_error", null, "tools[0].authorization tok-quoted-7 was refused by the server"));

    assertThatThrownBy(() -> h.adapter.generate(request("gpt-5", List.of(h.user("hi")), docs(), Json.Obj.EMPTY, CompactionPolicy.DISABLED),
        call((universe, serverId) -> Optional.of("tok-quoted-7"))))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.error().message()).isEqualTo("tools[0].authorization [redacted] was refused by the server");
          assertThat(e.getMessage()).doesNotContain("tok-quoted-7");
        });
  }
}
