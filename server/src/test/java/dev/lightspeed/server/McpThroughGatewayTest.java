package dev.lightspeed.server;

import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.mcp.McpServerDeleteParams;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerListParams;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.mcp.McpServerReadParams;
import dev.lightspeed.api.mcp.McpServerStatus;
import dev.lightspeed.api.mcp.RemoteMcpTransport;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.server.tools.BuiltinToolCatalog;
import dev.lightspeed.store.mcp.MasterKey;
import dev.lightspeed.testkit.mcp.EverythingServer;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTurn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code mcp/servers/*} catalog over the gateway, and runs whose model calls tools of real MCP servers. */
class McpThroughGatewayTest {
  @TempDir static Path home;
  static TestServer s;
  static final AtomicReference<ScriptedModel> model = new AtomicReference<>();

  @BeforeAll
  static void start() {
    s = TestServer.withEffects(home, Map.of(MasterKey.VARIABLE, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="), new Effects(ProviderRegistry.of(),
        (blobs, live, mcpTokens) -> {
      model.set(new ScriptedModel(blobs));
      return model.get();
    }, BuiltinToolCatalog::create));
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static McpServerInput http(String id, String url, Map<String, String> headers, ObjectNode authPolicy) {
    return new McpServerInput(id, url, id, null, null, null, null, null, authPolicy, null, null, null, null, headers, null);
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) ApiJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String invalid(McpServerInput server) {
    RpcError error = s.rpc.error(Methods.MCP_SERVERS_PUT, new McpServerPutParams(server, null));
    assertThat(error.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    return error.message();
  }

  @Test
  void serversArePutReadListedAndDeletedAndHeaderValuesNeverComeBack() throws Exception {
    JsonNode put = s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(
        http("docs", "https://mcp.example.com/mcp", Map.of("Authorization", "Bearer s3cret"), json("{\"type\":\"requiredBearer\"}")), null))
        .get("server");
    assertThat(put.get("revision").asLong()).isEqualTo(1);
    assertThat(put.get("transport").asText()).isEqualTo("auto");
    assertThat(put.get("approvalDefault").asText()).isEqualTo("never");
    assertThat(put.get("status").asText()).isEqualTo("active");
    assertThat(put.get("execution").asText()).isEqualTo("harness");
    assertThat(put.get("headerNames").toString()).isEqualTo("[\"Authorization\"]");
    assertThat(put.toString()).doesNotContain("s3cret");
    assertThat(Files.readString(home.resolve("gateway/mcp-servers/default/docs.json"))).doesNotContain("s3cret").contains("headerNames");
    assertThat(Files.readString(home.resolve("gateway/mcp-credentials/default/docs.sealed"))).startsWith("v1.").doesNotContain("s3cret");

    JsonNode again = s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("docs", "https://mcp.example.com/v2",
        "docs", "Docs", null, RemoteMcpTransport.STREAMABLE_HTTP, List.of("search"), null, null, null, null, McpServerStatus.DISABLED,
        null, null, null), 1L)).get("server");
    assertThat(again.get("revision").asLong()).isEqualTo(2);
    assertThat(again.get("createdAtMs").asLong()).isEqualTo(put.get("createdAtMs").asLong());
    assertThat(home.resolve("gateway/mcp-credentials/default/docs.sealed")).as("a put without headers drops them").doesNotExist();
    RpcError stale = s.rpc.error(Methods.MCP_SERVERS_PUT, new McpServerPutParams(http("docs", "https://x.example/mcp", null, null), 1L));
    assertThat(stale.data().kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(stale.message()).isEqualTo("MCP server \"docs\" is at revision 2, not 1: someone else changed it; read it again and retry");

    assertThat(s.rpc.call(Methods.MCP_SERVERS_READ, new McpServerReadParams("docs")).at("/server/serverUrl").asText())
        .isEqualTo("https://mcp.example.com/v2");
    assertThat(s.rpc.call(Methods.MCP_SERVERS_LIST, new McpServerListParams(McpServerStatus.DISABLED)).get("servers").findValuesAsText("serverId"))
        .contains("docs");
    assertThat(s.rpc.call(Methods.MCP_SERVERS_LIST, new McpServerListParams(McpServerStatus.ACTIVE)).get("servers").findValuesAsText("serverId"))
        .doesNotContain("docs");

    assertThat(s.rpc.call(Methods.MCP_SERVERS_DELETE, new McpServerDeleteParams("docs")).at("/server/revision").asLong()).isEqualTo(2);
    RpcError gone = s.rpc.error(Methods.MCP_SERVERS_READ, new McpServerReadParams("docs"));
    assertThat(gone.code()).isEqualTo(ErrorCodes.NOT_FOUND);
    assertThat(gone.message()).isEqualTo("MCP server \"docs\" is not in the catalog; mcp/servers/list shows the registered servers");
  }

  @Test
  void recordsTheHarnessCannotUseAreRefusedNamingTheMember() {
    assertThat(invalid(http("a b", "https://x.example/mcp", null, null)))
        .isEqualTo("server.serverId \"a b\" must be 1 to 64 letters, digits, _ or -, starting with a letter or digit");
    assertThat(invalid(http("a", "ftp://x.example/mcp", null, null)))
        .isEqualTo("server.serverUrl \"ftp://x.example/mcp\" must be an absolute http or https URL (or stdio:<name> with server.command)");
    assertThat(invalid(http("a", "https://x.example/mcp", null, json("{\"type\":\"requiredBearer\"}"))))
        .isEqualTo("server.authPolicy requiredBearer needs the token as server.headers.Authorization (\"Bearer <token>\")");
    assertThat(invalid(http("a", "https://x.example/mcp", Map.of("Authorization", "Bearer x"), json("{\"type\":\"requiredOAuth\"}"))))
        .isEqualTo("server.headers.Authorization cannot be set with authPolicy requiredOAuth: the login supplies it");
    assertThat(invalid(http("a", "https://x.example/mcp", null, json("{\"type\":\"optionalOAuth\",\"authorization_server\":\"ftp://a\"}"))))
        .isEqualTo("server.authPolicy.authorization_server \"ftp://a\" must be an absolute http or https URL");
    assertThat(invalid(http("a", "https://x.example/mcp", Map.of("Host", "evil"), null)))
        .isEqualTo("server.headers: Host is set by the MCP client and cannot be configured");
    assertThat(invalid(new McpServerInput("a", "https://x.example/mcp", "a", null, null, RemoteMcpTransport.SSE, null, null, null, null, null,
        null, null, null, null))).isEqualTo("server.transport sse is not supported; use streamableHttp or auto");
    assertThat(invalid(new McpServerInput("a", "https://x.example/mcp", "a", null, null, null, null, null, null, null, null, null,
        "elsewhere", null, null))).isEqualTo("server.execution \"elsewhere\" is not harness or provider");
    assertThat(invalid(new McpServerInput("a", "https://x.example/mcp", "a", null, null, null, null, null, null, null, null, null, null,
        null, List.of("npx")))).isEqualTo("server.serverUrl of a local (stdio) server must be \"stdio:<name>\", not \"https://x.example/mcp\"");
  }

  @Test
  void aProviderRunServerBecomesOneNativeToolOfAnOpenAiResponsesSession() {
    s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("hosted", "https://mcp.example.com/mcp", "hosted", null,
        null, null, List.of("search"), null, null, null, null, null, "provider", null, null), null));
    ObjectNode config = json("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"features\":{\"mcp\":{\"servers\":[{\"serverId\":\"hosted\"}]}}}");

    JsonNode session = s.rpc.call(Methods.SESSION_START, new SessionStartParams("mcp-hosted", null, config, null)).get("session");

    assertThat(session.toString()).contains("\"mcp__hosted\"");
    ObjectNode chat = json("{\"model\":{\"providerId\":\"scripted\",\"apiKind\":\"openai:completions\",\"model\":\"m\"},"
        + "\"features\":{\"mcp\":{\"servers\":[{\"serverId\":\"hosted\"}]}}}");
    RpcError refused = s.rpc.error(Methods.SESSION_START, new SessionStartParams("mcp-hosted-chat", null, chat, null));
    assertThat(refused.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(refused.message()).isEqualTo("config: features.mcp: server \"hosted\" (execution provider) can be run by the provider only"
        + " in OpenAI Responses and Anthropic Messages sessions, not openai:completions; register it with execution harness");
  }

  @Test
  void theModelCallsToolsOfAStdioAndAnHttpServerAndARunGoesOnWhenOneIsDown() throws Exception {
    EverythingServer.assumeNpx();
    try (EverythingServer remote = EverythingServer.startHttp()) {
      s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("local", "stdio:everything", "local", null, null, null,
          List.of("echo"), null, null, null, null, null, null, null, EverythingServer.STDIO_COMMAND), null));
      s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(http("remote", remote.url().toString(), null, null), null));
      ObjectNode config = json("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"features\":{\"mcp\":{\"servers\":["
          + "{\"serverId\":\"local\"},{\"serverId\":\"remote\",\"allowedTools\":[\"get-sum\",\"echo\"]}]}}}");

      JsonNode session = s.rpc.call(Methods.SESSION_START, new SessionStartParams("mcp-run", null, config, null)).get("session");
      assertThat(session.toString()).contains("mcp__local__echo", "mcp__remote__get-sum", "mcp__remote__echo").doesNotContain("mcp__local__get-sum");

      model.get()
          .callTools(call("mcp__local__echo", "{\"message\":\"over stdio\"}"), call("mcp__remote__get-sum", "{\"a\":2,\"b\":40}"))
          .reply("first done");
      String first = s.rpc.call(Methods.RUN_START, new RunStartParams("mcp-run", RunStartSource.input(InputItem.text("go")), null, "m1", null))
          .at("/run/id").asText();
      new EventFeed(s.rpc, "mcp-run").readUntil(EventFeed.type("runCompleted", first));
      assertThat(toolResults(model.get().requests().getLast())).containsExactlyInAnyOrder("Echo: over stdio", "The sum of 2 and 40 is 42.");

      s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("local", "stdio:everything", "local", null, null, null,
          List.of("echo", "get-sum"), null, null, null, null, null, null, null, EverythingServer.STDIO_COMMAND), null));
      remote.close();
      model.get().callTools(call("mcp__remote__echo", "{\"message\":\"anyone?\"}")).reply("the remote server is down");
      String second = s.rpc.call(Methods.RUN_START, new RunStartParams("mcp-run", RunStartSource.input(InputItem.text("again")), null, "m2",
          null)).at("/run/id").asText();
      new EventFeed(s.rpc, "mcp-run").readUntil(EventFeed.type("runCompleted", second));

      assertThat(s.rpc.call(Methods.SESSION_READ, new SessionReadParams("mcp-run")).toString())
          .as("the tools were derived again before the run: the catalog now allows get-sum").contains("mcp__local__get-sum");
      assertThat(toolResults(model.get().requests().getLast()).getLast())
          .startsWith("MCP server \"remote\" is unavailable; echo did not run: cannot ");
    }
  }

  @Test
  void aRunQueuedBehindAnotherGetsTheToolsTheServerOffersWhenItStarts() {
    EverythingServer.assumeNpx();
    s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("shifting", "stdio:everything", "shifting", null, null,
        null, List.of("echo"), null, null, null, null, null, null, null, EverythingServer.STDIO_COMMAND), null));
    ObjectNode config = json("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"features\":{\"mcp\":{\"servers\":[{\"serverId\":\"shifting\"}]}}}");
    s.rpc.call(Methods.SESSION_START, new SessionStartParams("mcp-queued", null, config, null));

    model.get().then(ScriptedTurn.reply("first, slowly").after(Duration.ofSeconds(3))).reply("second");
    String first = s.rpc.call(Methods.RUN_START, new RunStartParams("mcp-queued", RunStartSource.input(InputItem.text("one")), null, "q1", null))
        .at("/run/id").asText();
    String second = s.rpc.call(Methods.RUN_START, new RunStartParams("mcp-queued", RunStartSource.input(InputItem.text("two")), null, "q2", null))
        .at("/run/id").asText();
    // the catalog changes while run 2 waits behind run 1
    s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("shifting", "stdio:everything", "shifting", null, null,
        null, List.of("echo", "get-sum"), null, null, null, null, null, null, null, EverythingServer.STDIO_COMMAND), null));
    new EventFeed(s.rpc, "mcp-queued").readUntil(EventFeed.type("runCompleted", second));

    List<dev.lightspeed.engine.llm.LlmRequest> requests = model.get().requests();
    dev.lightspeed.engine.llm.LlmRequest ofFirst = requests.stream().filter(r -> r.run() == Long.parseLong(first)).findFirst().orElseThrow();
    dev.lightspeed.engine.llm.LlmRequest ofSecond = requests.getLast();
    assertThat(ofFirst.tools()).extracting(t -> t.name()).contains("mcp__shifting__echo").doesNotContain("mcp__shifting__get-sum");
    assertThat(ofSecond.run()).isEqualTo(Long.parseLong(second));
    assertThat(ofSecond.tools()).extracting(t -> t.name()).contains("mcp__shifting__echo", "mcp__shifting__get-sum");
  }

  private static List<String> toolResults(dev.lightspeed.engine.llm.LlmRequest request) {
    return request.context().stream().filter(e -> e.item().kind().name().equals("TOOL_RESULT")).map(e -> e.item().preview()).toList();
  }
}
