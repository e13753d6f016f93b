package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.Protocol;
import dev.lightspeed.api.blobs.BlobHasParams;
import dev.lightspeed.api.blobs.BlobPutItem;
import dev.lightspeed.api.blobs.BlobPutParams;
import dev.lightspeed.api.blobs.BlobReadParams;
import dev.lightspeed.api.context.ContextAppendEntry;
import dev.lightspeed.api.context.ContextAppendParams;
import dev.lightspeed.api.context.ContextCompactParams;
import dev.lightspeed.api.context.ContextRemoveParams;
import dev.lightspeed.api.events.SessionEventsReadParams;
import dev.lightspeed.api.initialize.InitializeParams;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.models.ModelListParams;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.session.SessionCloseParams;
import dev.lightspeed.api.session.SessionConfigPutParams;
import dev.lightspeed.api.session.SessionDeleteParams;
import dev.lightspeed.api.session.SessionListParams;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionRenameParams;
import dev.lightspeed.api.session.SessionStartParams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session, context, blob and discovery methods over real HTTP, every answer checked against the contract. */
class SessionMethodsTest {
  @TempDir static Path home;
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.scripted(home);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static ObjectNode config(String json) {
    try {
      return (ObjectNode) ApiJson.mapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String startSession(String id) {
    JsonNode started = s.rpc.call(Methods.SESSION_START,
        new SessionStartParams(id, "My session", config("{\"model\":" + TestServer.SCRIPTED_MODEL + "}"), null));
    return started.at("/session/id").asText();
  }

  /** {@return the event types of the session's whole log, each page checked against the contract} */
  static List<String> types(String id) {
    JsonNode events = s.rpc.call(Methods.EVENTS_READ, new SessionEventsReadParams(id, null, null, null)).get("events");
    return StreamSupport.stream(events.spliterator(), false).map(e -> e.at("/kind/type").asText()).toList();
  }

  @Test
  void initializeReportsTheProtocolAndCapabilities() {
    JsonNode result = s.rpc.call(Methods.INITIALIZE, new InitializeParams(null, null));
    assertThat(result.get("protocolVersion").asText()).isEqualTo(Protocol.VERSION);
    assertThat(result.at("/serverInfo/name").asText()).isEqualTo("lightspeed");
    assertThat(result.at("/capabilities/eventLog").asBoolean()).isTrue();
  }

  @Test
  void startCreatesAnOpenIdleSessionAndARetryReturnsItUnchanged() {
    JsonNode first = s.rpc.call(Methods.SESSION_START,
        new SessionStartParams("start-1", "First", config("{\"model\":" + TestServer.SCRIPTED_MODEL + "}"), null)).get("session");
    assertThat(first.get("id").asText()).isEqualTo("start-1");
    assertThat(first.get("status").asText()).isEqualTo("idle");
    assertThat(first.get("displayName").asText()).isEqualTo("First");
    assertThat(first.at("/config/model/providerId").asText()).isEqualTo("scripted");
    assertThat(first.get("configRevision").asLong()).isEqualTo(1);

    JsonNode again = s.rpc.call(Methods.SESSION_START, new SessionStartParams("start-1", "Other", config("{}"), null)).get("session");
    assertThat(again.get("config")).isEqualTo(first.get("config"));
    assertThat(again.get("displayName").asText()).isEqualTo("First");
  }

  @Test
  void startWithoutIdOrModelPicksAnIdAndTheDeploymentDefaultModel() {
    JsonNode session = s.rpc.call(Methods.SESSION_START, SessionStartParams.empty()).get("session");
    assertThat(session.get("id").asText()).isNotBlank();
    assertThat(session.at("/config/model/providerId").asText()).isEqualTo("openai");
    assertThat(session.at("/config/model/apiKind").asText()).isEqualTo("openai:responses");
  }

  @Test
  void readListRenameCloseAndDeleteFollowTheLifecycle() {
    String id = startSession("life-1");
    JsonNode read = s.rpc.call(Methods.SESSION_READ, new SessionReadParams(id)).get("session");
    assertThat(read.get("status").asText()).isEqualTo("idle");

    JsonNode renamed = s.rpc.call(Methods.SESSION_RENAME, new SessionRenameParams(id, "Renamed")).get("session");
    assertThat(renamed.get("displayName").asText()).isEqualTo("Renamed");
    assertThat(renamed.get("lifecycleStatus").asText()).isEqualTo("open");

    JsonNode listed = s.rpc.call(Methods.SESSION_LIST, new SessionListParams(null, 1000L));
    assertThat(listed.get("sessions").findValuesAsText("id")).contains(id);

    JsonNode closed = s.rpc.call(Methods.SESSION_CLOSE, new SessionCloseParams(id, false)).get("session");
    assertThat(closed.get("status").asText()).isEqualTo("closed");
    assertThat(types(id)).containsExactly("sessionOpened", "contextEntriesApplied", "sessionClosed"); // the built-in instructions

    JsonNode deleted = s.rpc.call(Methods.SESSION_DELETE, new SessionDeleteParams(id)).get("session");
    assertThat(deleted.get("id").asText()).isEqualTo(id);
    assertThat(deleted.get("lifecycleStatus").asText()).isEqualTo("closed");
    assertThat(s.rpc.error(Methods.SESSION_READ, new SessionReadParams(id)).data().kind().wire()).isEqualTo("not_found");
  }

  @Test
  void listPagesWithAnOpaqueCursor() {
    startSession("page-a");
    startSession("page-b");
    JsonNode first = s.rpc.call(Methods.SESSION_LIST, new SessionListParams(null, 1L));
    assertThat(first.get("sessions")).hasSize(1);
    JsonNode second = s.rpc.call(Methods.SESSION_LIST, new SessionListParams(first.get("nextCursor").asText(), 1L));
    assertThat(second.get("sessions")).hasSize(1);
    assertThat(second.at("/sessions/0/id")).isNotEqualTo(first.at("/sessions/0/id"));
  }

  @Test
  void configPutReplacesTheDocumentAndKeepsTheModel() {
    String id = startSession("config-1");
    JsonNode session = s.rpc.call(Methods.SESSION_CONFIG_PUT,
        new SessionConfigPutParams(id, config("{\"limits\":{\"maxTurns\":5}}"), 1L)).get("session");
    assertThat(session.get("configRevision").asLong()).isEqualTo(2);
    assertThat(session.at("/config/limits/maxTurns").asLong()).isEqualTo(5);
    assertThat(session.at("/config/model/providerId").asText()).isEqualTo("scripted");
    assertThat(types(id)).containsExactly("sessionOpened", "contextEntriesApplied", "sessionConfigChanged");
  }

  @Test
  void aClientSetsItsOwnInstructionLayerButNotTheRuntimesKeys() {
    String id = startSession("layers-1");
    JsonNode appended = s.rpc.call(Methods.CONTEXT_APPEND, new ContextAppendParams(id, List.of(
        new ContextAppendEntry("instructions.session", InputItem.text("Answer in French.")),
        new ContextAppendEntry("vfs.catalog", InputItem.text("fake")),
        new ContextAppendEntry("prompt_instructions/workspace/AGENTS.md", InputItem.text("fake")))));
    assertThat(appended.get("results").findValuesAsText("status")).containsExactly("applied", "failed", "failed");
    assertThat(appended.at("/results/1/failure/message").asText()).isEqualTo("key \"vfs.catalog\" is kept by the runtime; choose another key");

    JsonNode read = s.rpc.call(Methods.SESSION_READ, new SessionReadParams(id)).get("session");
    assertThat(read.at("/activeContext/entries/1/key").asText()).isEqualTo("instructions.session");
    assertThat(read.at("/activeContext/entries/1/kind/type").asText()).as("a layer, not a user message").isEqualTo("instructions");

    JsonNode removed = s.rpc.call(Methods.CONTEXT_REMOVE, new ContextRemoveParams(id, List.of("instructions.default", "instructions.session")));
    assertThat(removed.get("results").findValuesAsText("status")).containsExactly("failed", "removed");
  }

  @Test
  void contextAppendAndRemoveAnswerPerKeyAndCompactingNothingIsRejected() {
    String id = startSession("context-1");
    JsonNode appended = s.rpc.call(Methods.CONTEXT_APPEND, new ContextAppendParams(id, List.of(
        new ContextAppendEntry("notes", InputItem.text("remember the milk")),
        new ContextAppendEntry("run.secret", InputItem.text("no")))));
    assertThat(appended.get("results").findValuesAsText("status")).containsExactly("applied", "failed");
    assertThat(appended.at("/results/1/failure/kind").asText()).isEqualTo("admissionRejected");

    JsonNode again = s.rpc.call(Methods.CONTEXT_APPEND, new ContextAppendParams(id, List.of(
        new ContextAppendEntry("notes", InputItem.text("remember the milk")))));
    assertThat(again.at("/results/0/status").asText()).isEqualTo("unchanged");
    assertThat(again.get("contextRevision")).isEqualTo(appended.get("contextRevision"));

    JsonNode read = s.rpc.call(Methods.SESSION_READ, new SessionReadParams(id)).get("session");
    assertThat(read.at("/activeContext/entries/0/key").asText()).as("every session starts with the built-in layer").isEqualTo("instructions.default");
    assertThat(read.at("/activeContext/entries/0/kind/type").asText()).isEqualTo("instructions");
    assertThat(read.at("/activeContext/entries/1/key").asText()).isEqualTo("notes");
    assertThat(read.at("/activeContext/entries/1/preview").asText()).isEqualTo("remember the milk");

    JsonNode removed = s.rpc.call(Methods.CONTEXT_REMOVE, new ContextRemoveParams(id, List.of("notes", "missing")));
    assertThat(removed.get("results").findValuesAsText("status")).containsExactly("removed", "absent");
    assertThat(types(id)).containsExactly("sessionOpened", "contextEntriesApplied", "contextEntriesApplied", "contextKeysRemoved");

    RpcError nothingToCompact = s.rpc.error(Methods.CONTEXT_COMPACT, new ContextCompactParams(id));
    assertThat(nothingToCompact.code()).isEqualTo(ErrorCodes.REJECTED);
    assertThat(nothingToCompact.data().kind()).isEqualTo(ErrorKind.REJECTED);
    assertThat(nothingToCompact.message()).isEqualTo("there is nothing to compact yet");
  }

  @Test
  void blobsPutReadAndHas() {
    byte[] bytes = "hello blobs".getBytes(StandardCharsets.UTF_8);
    JsonNode put = s.rpc.call(Methods.BLOBS_PUT, new BlobPutParams(List.of(new BlobPutItem(Base64.getEncoder().encodeToString(bytes)))));
    String ref = put.at("/blobs/0/blobRef").asText();
    assertThat(put.at("/blobs/0/bytes").asLong()).isEqualTo(bytes.length);

    JsonNode read = s.rpc.call(Methods.BLOBS_READ, new BlobReadParams(ref));
    assertThat(Base64.getDecoder().decode(read.get("bytesBase64").asText())).isEqualTo(bytes);

    String absent = "sha256:" + "0".repeat(64);
    JsonNode has = s.rpc.call(Methods.BLOBS_HAS, new BlobHasParams(List.of(ref, absent)));
    assertThat(has.get("blobs").findValuesAsText("exists")).containsExactly("true", "false");
  }

  @Test
  void modelsListWithNoProvidersIsEmpty() {
    JsonNode models = s.rpc.call(Methods.MODELS_LIST, new ModelListParams(true));
    assertThat(models.get("models")).isEmpty();
    assertThat(models.get("providers")).isEmpty();
  }
}
