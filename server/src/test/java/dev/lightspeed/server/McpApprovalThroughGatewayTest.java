package dev.lightspeed.server;

import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.mcp.RemoteMcpApprovalPolicy;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.run.RunApproveParams;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.server.tools.BuiltinToolCatalog;
import dev.lightspeed.testkit.mcp.EverythingServer;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MCP server whose approval policy is {@code always}: the model's call parks the run until
 * {@code session/runs/approve} answers, and the call runs (or not) on the real server afterwards.
 */
class McpApprovalThroughGatewayTest {
  @TempDir static Path home;
  static TestServer s;
  static final AtomicReference<ScriptedModel> model = new AtomicReference<>();

  @BeforeAll
  static void start() {
    EverythingServer.assumeNpx();
    s = TestServer.withEffects(home, Map.of(), new Effects(ProviderRegistry.of(), (blobs, live, tokens) -> {
      model.set(new ScriptedModel(blobs));
      return model.get();
    }, BuiltinToolCatalog::create));
    s.rpc.call(Methods.MCP_SERVERS_PUT, new McpServerPutParams(new McpServerInput("gated", "stdio:everything", "gated", null, null, null,
        List.of("echo"), RemoteMcpApprovalPolicy.ALWAYS, null, null, null, null, null, null, EverythingServer.STDIO_COMMAND), null));
  }

  @AfterAll
  static void stop() {
    if (s != null) s.close();
  }

  private static String startSession(String id) {
    ObjectNode config = json("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"features\":{\"mcp\":{\"servers\":[{\"serverId\":\"gated\"}]}}}");
    s.rpc.call(Methods.SESSION_START, new SessionStartParams(id, null, config, null));
    return id;
  }

  private static String startRun(String session, String submission) {
    return s.rpc.call(Methods.RUN_START, new RunStartParams(session, RunStartSource.input(InputItem.text("go")), null, submission, null))
        .at("/run/id").asText();
  }

  @Test
  void aCallThatNeedsApprovalParksTheRunUntilItIsApprovedThenRunsOnTheServer() {
    String session = startSession("approve-yes");
    int asked = model.get().requests().size();
    model.get().callTools(call("mcp__gated__echo", "{\"message\":\"after approval\"}")).reply("echoed");
    String run = startRun(session, "a1");

    EventFeed feed = new EventFeed(s.rpc, session);
    feed.readUntil(EventFeed.type("toolBatchDeferred", run));

    JsonNode parked = activeBatch(session, run).at("/calls/0");
    assertThat(parked.get("toolName").asText()).isEqualTo("mcp__gated__echo");
    assertThat(parked.get("status").asText()).isEqualTo("requested");
    assertThat(parked.at("/effects/0/kind").asText()).isEqualTo("approval");
    assertThat(parked.at("/effects/0/data/state").asText()).isEqualTo("awaiting");
    String callId = parked.get("callId").asText();
    assertThat(model.get().requests()).as("nothing more is asked of the model while the run is parked").hasSize(asked + 1);

    JsonNode approved = s.rpc.call(Methods.RUN_APPROVE, new RunApproveParams(session, run, callId, "approve", null));
    assertThat(approved.at("/run/id").asText()).isEqualTo(run);
    feed.readUntil(EventFeed.type("runCompleted", run));

    assertThat(feed.types()).contains("toolBatchResumed", "toolCallStarted", "toolCallCompleted");
    assertThat(toolResults(model.get().requests().getLast())).containsExactly("Echo: after approval");
  }

  @Test
  void aDeniedCallNeverReachesTheServerAndTheModelHearsItWasDenied() {
    String session = startSession("approve-no");
    model.get().callTools(call("mcp__gated__echo", "{\"message\":\"never\"}")).reply("understood");
    String run = startRun(session, "d1");
    EventFeed feed = new EventFeed(s.rpc, session);
    feed.readUntil(EventFeed.type("toolBatchDeferred", run));
    String callId = activeBatch(session, run).at("/calls/0/callId").asText();

    s.rpc.call(Methods.RUN_APPROVE, new RunApproveParams(session, run, callId, "deny", "not now"));
    List<JsonNode> events = feed.readUntil(EventFeed.type("runCompleted", run));

    JsonNode completed = events.stream().map(e -> e.get("kind")).filter(k -> k.get("type").asText().equals("toolCallCompleted")).findFirst().orElseThrow();
    assertThat(completed.get("status").asText()).isEqualTo("cancelled");
    assertThat(completed.at("/effects/0/data/state").asText()).isEqualTo("denied");
    assertThat(feed.types()).contains("toolBatchResumed").doesNotContain("toolCallStarted");
    assertThat(toolResults(model.get().requests().getLast()).getFirst()).startsWith("The user denied this tool call");
    assertThat(model.get().requests().getLast().context().getLast().item().preview())
        .as("the note reaches the model as steering after the result").isEqualTo("not now");
  }

  @Test
  void decisionsThatDoNotFitAreErrorsTheCallerCanActOn() {
    String session = startSession("approve-bad");
    model.get().callTools(call("mcp__gated__echo", "{\"message\":\"x\"}")).reply("ok");
    String run = startRun(session, "b1");
    EventFeed feed = new EventFeed(s.rpc, session);
    feed.readUntil(EventFeed.type("toolBatchDeferred", run));
    String callId = activeBatch(session, run).at("/calls/0/callId").asText();

    RpcError unknownCall = s.rpc.error(Methods.RUN_APPROVE, new RunApproveParams(session, run, "call-404", "approve", null));
    assertThat(unknownCall.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(unknownCall.message()).contains("no tool call \"call-404\"");
    RpcError badDecision = s.rpc.error(Methods.RUN_APPROVE, Map.of("sessionId", session, "runId", run, "callId", callId, "decision", "maybe"));
    assertThat(badDecision.message()).contains("decision must be \"approve\" or \"deny\"");

    s.rpc.call(Methods.RUN_APPROVE, new RunApproveParams(session, run, callId, "approve", null));
    feed.readUntil(EventFeed.type("runCompleted", run));
    RpcError late = s.rpc.error(Methods.RUN_APPROVE, new RunApproveParams(session, run, callId, "deny", null));
    assertThat(late.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
  }

  private static JsonNode activeBatch(String session, String run) {
    JsonNode runs = s.rpc.call(Methods.SESSION_READ, new SessionReadParams(session)).at("/session/runs");
    for (JsonNode r : runs) {
      if (r.get("id").asText().equals(run) && r.has("toolBatches")) return r.at("/toolBatches/0");
    }
    throw new AssertionError("run " + run + " is not in session/read: " + runs);
  }

  private static List<String> toolResults(LlmRequest request) {
    return request.context().stream().filter(e -> e.item().kind().name().equals("TOOL_RESULT")).map(e -> e.item().preview()).toList();
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) ApiJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
