package dev.lightspeed.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.Approval;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.testkit.mcp.EverythingServer;
import dev.lightspeed.testkit.mcp.HeaderFront;
import dev.lightspeed.tools.Tool;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MCP tools against the reference server from npm, over stdio and Streamable HTTP: listing, calls, the
 * server's error results, a server that goes away, and a server that demands an auth header.
 */
class McpToolPortTest {
  private static final UniverseId U = UniverseId.DEFAULT;
  private static final String TOKEN = "Bearer s3cret";

  private static EverythingServer http;
  private static HeaderFront front;
  private static McpClients clients;

  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final Map<String, McpServerSettings> catalog = new HashMap<>();
  private final McpToolSet tools = new McpToolSet((universe, id) -> Optional.ofNullable(catalog.get(id)), new McpToolLists(clients));

  @BeforeAll
  static void startServers() {
    EverythingServer.assumeNpx();
    http = EverythingServer.startHttp();
    front = HeaderFront.start(http.url(), "Authorization", TOKEN);
    clients = new McpClients(new McpClients.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(120)));
  }

  @AfterAll
  static void stopServers() {
    if (clients != null) clients.close();
    if (front != null) front.close();
    if (http != null) http.close();
  }

  private void register(String id, McpEndpoint endpoint) {
    catalog.put(id, new McpServerSettings(id, endpoint, Optional.empty(), McpServerSettings.Approval.NEVER));
  }

  private static Json.Obj grant(String mcp) {
    return CanonicalJson.parseObject("{\"features\":{\"mcp\":" + mcp + "}}");
  }

  private String call(Json.Obj config, String tool, String arguments, CallOutcome expected) {
    BlobRef args = blobs.put(U, arguments.getBytes(StandardCharsets.UTF_8));
    ToolSpec spec = new ToolSpec(tool, args, Parallelism.EXCLUSIVE, RetrySafety.NOT_RETRY_SAFE);
    ToolBatchRequest.Invocation call = new ToolBatchRequest.Invocation(new ToolCall("call-1", tool, args), spec);
    ToolCallResult result = new McpToolPort(blobs, tools, config).invoke(new ToolBatchRequest(1, 1, 1, List.of(call)), call,
        new EffectContext(U.value(), "s1", 1, () -> false));
    String text = new String(blobs.read(U, result.output()), StandardCharsets.UTF_8);
    assertThat(result.outcome()).as(text).isEqualTo(expected);
    return text;
  }

  @Test
  void aStdioServersToolsAreListedAndCalled() {
    register("local", new McpEndpoint.Stdio(EverythingServer.STDIO_COMMAND));
    Json.Obj config = grant("{\"servers\":[{\"serverId\":\"local\"}]}");

    List<Tool> listed = tools.forConfig(U, config, McpToolSet.Freshness.REFRESHED);

    assertThat(listed).extracting(t -> t.definition().name()).contains("mcp__local__echo", "mcp__local__get-sum");
    Tool echo = listed.stream().filter(t -> t.definition().name().equals("mcp__local__echo")).findFirst().orElseThrow();
    assertThat(CanonicalJson.write(echo.definition().parameters())).contains("\"message\"");
    assertThat(call(config, "mcp__local__echo", "{\"message\":\"hi\"}", CallOutcome.COMPLETED)).isEqualTo("Echo: hi");
  }

  @Test
  void aStreamableHttpServersToolIsCalled() {
    register("remote", new McpEndpoint.Http(http.url(), Map.of()));
    Json.Obj config = grant("{\"servers\":[{\"serverId\":\"remote\"}]}");

    assertThat(call(config, "mcp__remote__get-sum", "{\"a\":2,\"b\":40}", CallOutcome.COMPLETED)).isEqualTo("The sum of 2 and 40 is 42.");
  }

  @Test
  void allowedToolsFilterWhatTheSessionGets() {
    register("remote", new McpEndpoint.Http(http.url(), Map.of()));
    Json.Obj config = grant("{\"servers\":[{\"serverId\":\"remote\",\"allowedTools\":[\"echo\"]}]}");

    assertThat(tools.forConfig(U, config, McpToolSet.Freshness.REFRESHED)).extracting(t -> t.definition().name())
        .containsExactly("mcp__remote__echo");
    assertThat(call(config, "mcp__remote__get-sum", "{\"a\":1,\"b\":1}", CallOutcome.FAILED))
        .isEqualTo("unknown tool \"mcp__remote__get-sum\": no MCP server this session links offers it now");
  }

  @Test
  void aToolsOwnErrorIsAFailedResultWithItsText() {
    register("remote", new McpEndpoint.Http(http.url(), Map.of()));
    Json.Obj config = grant("{\"servers\":[{\"serverId\":\"remote\"}]}");

    String text = call(config, "mcp__remote__get-resource-reference", "{\"resourceType\":\"nope\",\"resourceId\":1}", CallOutcome.FAILED);

    assertThat(text).isEqualTo("MCP error -32602: Input validation error: Invalid arguments for tool get-resource-reference:"
        + " Invalid option: expected one of \"Text\"|\"Blob\" at resourceType");
    assertThat(call(config, "mcp__remote__echo", "{\"message\":\"still here\"}", CallOutcome.COMPLETED)).isEqualTo("Echo: still here");
  }

  @Test
  void aServerThatDemandsAHeaderGetsItFromTheRegistration() {
    register("guarded", new McpEndpoint.Http(front.url(), Map.of("Authorization", TOKEN)));
    register("anonymous", new McpEndpoint.Http(front.url(), Map.of()));

    assertThat(call(grant("{\"servers\":[{\"serverId\":\"guarded\"}]}"), "mcp__guarded__echo", "{\"message\":\"ok\"}", CallOutcome.COMPLETED))
        .isEqualTo("Echo: ok");
    int refusedBefore = front.refused();
    Json.Obj anonymous = grant("{\"servers\":[{\"serverId\":\"anonymous\"}]}");
    assertThat(tools.forConfig(U, anonymous, McpToolSet.Freshness.REFRESHED)).isEmpty();
    assertThat(front.refused()).isGreaterThan(refusedBefore);
  }

  @Test
  void aServerThatGoesDownFailsTheCallAsAResultAndIsUsedAgainWhenBack() {
    try (EverythingServer own = EverythingServer.startHttp()) {
      register("flaky", new McpEndpoint.Http(own.url(), Map.of()));
      Json.Obj config = grant("{\"servers\":[{\"serverId\":\"flaky\"}]}");
      assertThat(call(config, "mcp__flaky__echo", "{\"message\":\"1\"}", CallOutcome.COMPLETED)).isEqualTo("Echo: 1");

      own.close();

      assertThat(call(config, "mcp__flaky__echo", "{\"message\":\"2\"}", CallOutcome.FAILED))
          .startsWith("MCP server \"flaky\" is unavailable; echo did not run: cannot call echo on " + own.url());
      assertThat(tools.forConfig(U, config, McpToolSet.Freshness.REFRESHED)).extracting(t -> t.definition().name())
          .as("the cached list stands in while the server is down").contains("mcp__flaky__echo");
    }
  }

  @Test
  void approvalAlwaysMarksTheToolsSoTheEngineParksTheirCallsAndALinkCanOverrideIt() {
    catalog.put("strict", new McpServerSettings("strict", new McpEndpoint.Http(http.url(), Map.of()), Optional.empty(),
        McpServerSettings.Approval.ALWAYS));

    assertThat(tools.forConfig(U, grant("{\"servers\":[{\"serverId\":\"strict\"}]}"), McpToolSet.Freshness.REFRESHED))
        .extracting(t -> t.definition().approval()).isNotEmpty().containsOnly(Approval.ALWAYS);
    assertThat(tools.forConfig(U, grant("{\"servers\":[{\"serverId\":\"strict\",\"approval\":\"never\"}]}"), McpToolSet.Freshness.REFRESHED))
        .extracting(t -> t.definition().approval()).isNotEmpty().containsOnly(Approval.NEVER);
    assertThat(call(grant("{\"servers\":[{\"serverId\":\"strict\",\"approval\":\"never\"}]}"), "mcp__strict__echo", "{\"message\":\"x\"}",
        CallOutcome.COMPLETED)).isEqualTo("Echo: x");
  }

  @Test
  void aLinkToAServerTheCatalogLacksIsRefusedNamingIt() {
    Json.Obj config = grant("{\"servers\":[{\"serverId\":\"ghost\"}]}");

    assertThatThrownBy(() -> tools.forConfig(U, config, McpToolSet.Freshness.CACHED))
        .hasMessage("features.mcp.servers[0].serverId \"ghost\" is not an active server in the MCP catalog"
            + " (register it with mcp/servers/put)");
  }
}
