package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.blobs.BlobPutItem;
import dev.lightspeed.api.blobs.BlobPutParams;
import dev.lightspeed.api.blobs.BlobReadParams;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.profile.AgentProfileInput;
import dev.lightspeed.api.profile.InlineAgentProfile;
import dev.lightspeed.api.profile.ProfileApplyParams;
import dev.lightspeed.api.profile.ProfileCreateParams;
import dev.lightspeed.api.profile.ProfileDeleteParams;
import dev.lightspeed.api.profile.ProfileInstructions;
import dev.lightspeed.api.profile.ProfileListParams;
import dev.lightspeed.api.profile.ProfilePutParams;
import dev.lightspeed.api.profile.ProfileReadParams;
import dev.lightspeed.api.profile.ProfileSource;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.run.RunCancelParams;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionCloseParams;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.testkit.scripted.ScriptedTurn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profiles/*} and applying profiles to sessions, over real HTTP, every answer checked against the contract. */
class ProfilesThroughGatewayTest {
  @TempDir static Path home;
  static TestServer s;

  static final String MODEL = "{\"model\":" + TestServer.SCRIPTED_MODEL + "}";

  @BeforeAll
  static void start() {
    s = TestServer.scripted(home);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) ApiJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static AgentProfileInput reviewer(String id, String instructions) {
    return new AgentProfileInput(id, "Reviewer", "Reviews diffs", json("{\"limits\":{\"maxTurns\":3}}"),
        instructions == null ? null : new ProfileInstructions.Text(instructions), null);
  }

  static JsonNode startSession(String id, ProfileSource profile) {
    return s.rpc.call(Methods.SESSION_START, new SessionStartParams(id, null, json(MODEL), profile)).get("session");
  }

  static JsonNode read(String session) {
    return s.rpc.call(Methods.SESSION_READ, new SessionReadParams(session)).get("session");
  }

  static List<String> keys(JsonNode session) {
    return session.at("/activeContext/entries").findValuesAsText("key");
  }

  /** {@return the text of the session's context entry under {@code key}} */
  static String entryText(JsonNode session, String key) {
    for (JsonNode entry : session.at("/activeContext/entries")) {
      if (key.equals(entry.path("key").asText())) return blobText(entry.at("/contentRef").asText());
    }
    throw new AssertionError("no entry " + key + " in " + session);
  }

  static String blobText(String ref) {
    JsonNode blob = s.rpc.call(Methods.BLOBS_READ, new BlobReadParams(ref));
    return new String(Base64.getDecoder().decode(blob.get("bytesBase64").asText()), StandardCharsets.UTF_8);
  }

  @Test
  void createReadListPutAndDeleteRoundTrip() {
    JsonNode created = s.rpc.call(Methods.PROFILES_CREATE, new ProfileCreateParams(reviewer("crud", "Review carefully."))).get("profile");
    assertThat(created.get("profileId").asText()).isEqualTo("crud");
    assertThat(created.get("revision").asLong()).isEqualTo(1);
    assertThat(created.get("config")).isEqualTo(json("{\"limits\":{\"maxTurns\":3}}"));
    assertThat(created.get("instructions")).isEqualTo(json("{\"type\":\"text\",\"text\":\"Review carefully.\"}"));
    assertThat(created.get("createdAtMs")).isEqualTo(created.get("updatedAtMs"));

    assertThat(s.rpc.call(Methods.PROFILES_READ, new ProfileReadParams("crud")).get("profile")).isEqualTo(created);

    JsonNode replaced = s.rpc.call(Methods.PROFILES_PUT,
        new ProfilePutParams(new AgentProfileInput("crud", "Strict reviewer", null, null, null, null), 1L)).get("profile");
    assertThat(replaced.get("revision").asLong()).isEqualTo(2);
    assertThat(replaced.get("displayName").asText()).isEqualTo("Strict reviewer");
    assertThat(replaced.has("config")).as("put stores the whole document").isFalse();
    assertThat(replaced.get("createdAtMs")).isEqualTo(created.get("createdAtMs"));

    JsonNode listed = s.rpc.call(Methods.PROFILES_LIST, new ProfileListParams()).get("profiles");
    JsonNode line = null;
    for (JsonNode summary : listed) if (summary.get("profileId").asText().equals("crud")) line = summary;
    assertThat(line).isEqualTo(json("{\"profileId\":\"crud\",\"displayName\":\"Strict reviewer\",\"revision\":2,\"updatedAtMs\":"
        + replaced.get("updatedAtMs") + "}"));

    assertThat(s.rpc.call(Methods.PROFILES_DELETE, new ProfileDeleteParams("crud")).get("profile")).isEqualTo(replaced);
    RpcError gone = s.rpc.error(Methods.PROFILES_READ, new ProfileReadParams("crud"));
    assertThat(gone.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(gone.message()).isEqualTo("profile \"crud\" does not exist; create it with profiles/create, or list profiles with profiles/list");
    assertThat(s.rpc.error(Methods.PROFILES_DELETE, new ProfileDeleteParams("crud")).data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void listIsOrderedById() {
    s.rpc.call(Methods.PROFILES_CREATE, new ProfileCreateParams(AgentProfileInput.of("order-b")));
    s.rpc.call(Methods.PROFILES_CREATE, new ProfileCreateParams(AgentProfileInput.of("order-a")));
    List<String> ids = s.rpc.call(Methods.PROFILES_LIST, new ProfileListParams()).get("profiles").findValuesAsText("profileId");
    assertThat(ids).isSorted().contains("order-a", "order-b");
  }

  @Test
  void createOfATakenIdAndAStalePutAreConflicts() {
    s.rpc.call(Methods.PROFILES_CREATE, new ProfileCreateParams(AgentProfileInput.of("taken")));
    RpcError exists = s.rpc.error(Methods.PROFILES_CREATE, new ProfileCreateParams(AgentProfileInput.of("taken")));
    assertThat(exists.data().kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(exists.message()).isEqualTo("profile \"taken\" already exists; replace it with profiles/put, or create one with another id");

    s.rpc.call(Methods.PROFILES_PUT, new ProfilePutParams(AgentProfileInput.of("taken"), null));
    RpcError stale = s.rpc.error(Methods.PROFILES_PUT, new ProfilePutParams(AgentProfileInput.of("taken"), 1L));
    assertThat(stale.data().kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(stale.message()).isEqualTo("profile \"taken\" is at revision 2, not 1: someone else changed it; "
        + "read it with profiles/read and apply your change on top");

    assertThat(s.rpc.call(Methods.PROFILES_PUT, new ProfilePutParams(AgentProfileInput.of("put-new"), 5L)).at("/profile/revision").asLong())
        .as("expectedRevision is checked only against a profile that exists").isEqualTo(1);
  }

  @Test
  void badProfilesAreRefusedWithInvalidParams() {
    RpcError badId = s.rpc.error(Methods.PROFILES_CREATE, new ProfileCreateParams(AgentProfileInput.of("../etc")));
    assertThat(badId.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(badId.message()).isEqualTo("invalid profileId \"../etc\": expected 1-128 of [A-Za-z0-9._-], starting with a letter or digit");

    RpcError environment = s.rpc.error(Methods.PROFILES_CREATE, new ProfileCreateParams(new AgentProfileInput("env", null, null, null, null,
        json("{\"type\":\"existing\",\"environmentId\":\"env_1\"}"))));
    assertThat(environment.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(environment.message()).isEqualTo("profile.environment is not supported by this server: it has no environments to "
        + "activate or provision; remove the environment section");

    RpcError config = s.rpc.error(Methods.PROFILES_CREATE, new ProfileCreateParams(new AgentProfileInput("bad-config", null, null,
        json("{\"limits\":{\"maxTurns\":\"many\"}}"), null, null)));
    assertThat(config.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(config.message()).startsWith("profile.config: ");

    RpcError blob = s.rpc.error(Methods.PROFILES_CREATE, new ProfileCreateParams(new AgentProfileInput("bad-blob", null, null, null,
        new ProfileInstructions.TextRef("sha256:" + "0".repeat(64)), null)));
    assertThat(blob.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(blob.message()).isEqualTo("the profile's instructions blob sha256:" + "0".repeat(64)
        + " is not stored; upload it with blobs/put first");

    assertThat(s.rpc.call(Methods.PROFILES_LIST, new ProfileListParams()).get("profiles").findValuesAsText("profileId"))
        .doesNotContain("env", "bad-config", "bad-blob");
  }

  @Test
  void startWithANamedProfileAppliesItsConfigAndInstructions() {
    s.rpc.call(Methods.PROFILES_CREATE, new ProfileCreateParams(reviewer("start-named", "Review carefully.")));

    JsonNode session = startSession("profiled-1", new ProfileSource.Named("start-named"));
    assertThat(session.at("/config/limits/maxTurns").asInt()).isEqualTo(3);
    assertThat(session.at("/config/model/providerId").asText()).as("the request's model").isEqualTo("scripted");
    assertThat(session.get("configRevision").asLong()).isEqualTo(1);

    JsonNode read = read("profiled-1");
    assertThat(keys(read)).containsExactly("instructions.default", "instructions.profile");
    assertThat(read.at("/activeContext/entries/1/kind/type").asText()).isEqualTo("instructions");
    assertThat(entryText(read, "instructions.profile")).isEqualTo("Review carefully.");
  }

  @Test
  void theRequestsConfigSectionsWinOverTheProfilesAtStart() {
    s.rpc.call(Methods.PROFILES_CREATE, new ProfileCreateParams(reviewer("start-override", null)));
    JsonNode session = s.rpc.call(Methods.SESSION_START, new SessionStartParams("profiled-override", null,
        json("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"limits\":{\"maxTurns\":9}}"), new ProfileSource.Named("start-override")))
        .get("session");
    assertThat(session.at("/config/limits/maxTurns").asInt()).isEqualTo(9);
    assertThat(keys(read("profiled-override"))).containsExactly("instructions.default");
  }

  @Test
  void startWithAMissingProfileCreatesNothing() {
    RpcError missing = s.rpc.error(Methods.SESSION_START, new SessionStartParams("profiled-missing", null, null,
        new ProfileSource.Named("no-such-profile")));
    assertThat(missing.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(missing.message()).contains("profile \"no-such-profile\" does not exist");
    assertThat(s.rpc.error(Methods.SESSION_READ, new SessionReadParams("profiled-missing")).data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void startWithAnInlineProfile() {
    JsonNode session = startSession("profiled-inline", new ProfileSource.Inline(new InlineAgentProfile(null, null,
        json("{\"limits\":{\"maxTurns\":5}}"), new ProfileInstructions.Text("Be terse."), null)));
    assertThat(session.at("/config/limits/maxTurns").asInt()).isEqualTo(5);
    assertThat(entryText(read("profiled-inline"), "instructions.profile")).isEqualTo("Be terse.");

    RpcError environment = s.rpc.error(Methods.SESSION_START, new SessionStartParams("profiled-env", null, null,
        new ProfileSource.Inline(new InlineAgentProfile(null, null, null, null, json("{\"type\":\"existing\",\"environmentId\":\"e\"}")))));
    assertThat(environment.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
    assertThat(environment.message()).startsWith("profile.environment is not supported by this server");
  }

  @Test
  void applyChangesConfigAndInstructionsAndReportsWhatChanged() {
    String ref = s.rpc.call(Methods.BLOBS_PUT, new BlobPutParams(List.of(new BlobPutItem(
        Base64.getEncoder().encodeToString("Cite the line you review.".getBytes(StandardCharsets.UTF_8)))))).at("/blobs/0/blobRef").asText();
    s.rpc.call(Methods.PROFILES_CREATE, new ProfileCreateParams(new AgentProfileInput("apply-ref", null, null,
        json("{\"limits\":{\"maxTurns\":4}}"), new ProfileInstructions.TextRef(ref), null)));
    startSession("apply-1", null);

    JsonNode applied = s.rpc.call(Methods.PROFILES_APPLY,
        new ProfileApplyParams("apply-1", new ProfileSource.Named("apply-ref"), 1L, null));
    assertThat(applied.get("applied")).isEqualTo(json("{\"configChanged\":true,\"instructionsChanged\":true,"
        + "\"activeEnvironmentChanged\":false,\"environmentProvisioned\":false}"));
    JsonNode session = applied.get("session");
    assertThat(session.get("configRevision").asLong()).isEqualTo(2);
    assertThat(session.at("/config/limits/maxTurns").asInt()).isEqualTo(4);
    assertThat(session.at("/config/model/providerId").asText()).as("the profile names no model: the session keeps its own")
        .isEqualTo("scripted");
    assertThat(keys(session)).containsExactly("instructions.default", "instructions.profile");
    assertThat(entryText(session, "instructions.profile")).isEqualTo("Cite the line you review.");

    JsonNode again = s.rpc.call(Methods.PROFILES_APPLY, ProfileApplyParams.of("apply-1", new ProfileSource.Named("apply-ref")));
    assertThat(again.at("/applied/configChanged").asBoolean()).isFalse();
    assertThat(again.at("/applied/instructionsChanged").asBoolean()).isFalse();
    assertThat(again.at("/session/configRevision").asLong()).isEqualTo(2);

    RpcError stale = s.rpc.error(Methods.PROFILES_APPLY, new ProfileApplyParams("apply-1", new ProfileSource.Named("apply-ref"), 1L, null));
    assertThat(stale.data().kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(stale.message()).isEqualTo("the config of session \"apply-1\" is at revision 2, not 1; read the session again and retry");

    JsonNode plain = s.rpc.call(Methods.PROFILES_APPLY, new ProfileApplyParams("apply-1",
        new ProfileSource.Inline(new InlineAgentProfile("plain", null, null, null, null)), 2L, null));
    assertThat(plain.at("/applied/configChanged").asBoolean()).isFalse();
    assertThat(plain.at("/applied/instructionsChanged").asBoolean()).as("a profile without instructions removes the layer").isTrue();
    assertThat(keys(plain.get("session"))).containsExactly("instructions.default");
  }

  @Test
  void theProfilesInstructionsReachTheModelAfterTheBuiltInLayer() {
    startSession("apply-run", null);
    s.rpc.call(Methods.PROFILES_APPLY, ProfileApplyParams.of("apply-run",
        new ProfileSource.Inline(new InlineAgentProfile(null, null, null, new ProfileInstructions.Text("Answer in French."), null))));
    int before = s.model.requests().size();
    s.model.reply("bien");
    String run = s.rpc.call(Methods.RUN_START, new RunStartParams("apply-run", RunStartSource.input(InputItem.text("hi")), null, "r1", null))
        .at("/run/id").asText();
    new EventFeed(s.rpc, "apply-run").readUntil(EventFeed.type("runCompleted", run));

    LlmRequest request = s.model.requests().get(before);
    assertThat(request.context().subList(0, 2)).extracting(e -> e.item().key()).containsExactly("instructions.default", "instructions.profile");
    assertThat(blobText(request.context().get(1).item().content().toString())).isEqualTo("Answer in French.");
  }

  @Test
  void applyToASessionWithARunInFlightIsRejectedAndChangesNothing() {
    startSession("apply-busy", null);
    s.model.then(ScriptedTurn.reply("slow").after(Duration.ofSeconds(20)));
    String run = s.rpc.call(Methods.RUN_START, new RunStartParams("apply-busy", RunStartSource.input(InputItem.text("think")), null, "b1",
        null)).at("/run/id").asText();
    EventFeed feed = new EventFeed(s.rpc, "apply-busy");
    feed.readUntil(EventFeed.type("turnGenerationRequested", run));

    RpcError busy = s.rpc.error(Methods.PROFILES_APPLY, ProfileApplyParams.of("apply-busy",
        new ProfileSource.Inline(new InlineAgentProfile(null, null, json("{\"limits\":{\"maxTurns\":2}}"), null, null))));
    assertThat(busy.data().kind()).isEqualTo(ErrorKind.REJECTED);
    assertThat(busy.message()).isEqualTo("session \"apply-busy\" has an active or queued run; a profile can change the session only "
        + "while it is idle: wait for the run to finish, or cancel it with session/runs/cancel");
    assertThat(read("apply-busy").get("configRevision").asLong()).isEqualTo(1);

    s.rpc.call(Methods.RUN_CANCEL, new RunCancelParams("apply-busy", run));
    feed.readUntil(EventFeed.type("runCancelled", run));
  }

  @Test
  void aStaleToolsRevisionIsAConflict() {
    JsonNode session = startSession("apply-tools", null);
    long tools = session.at("/activeTools/revision").asLong();
    RpcError stale = s.rpc.error(Methods.PROFILES_APPLY, new ProfileApplyParams("apply-tools",
        new ProfileSource.Inline(new InlineAgentProfile(null, null, null, null, null)), null, tools + 1));
    assertThat(stale.data().kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(stale.message()).isEqualTo("the tool set of session \"apply-tools\" is at revision " + tools + ", not " + (tools + 1)
        + "; read the session again and retry");
  }

  @Test
  void applyNeedsAnOpenSession() {
    startSession("apply-closed", null);
    s.rpc.call(Methods.SESSION_CLOSE, new SessionCloseParams("apply-closed", false));
    RpcError closed = s.rpc.error(Methods.PROFILES_APPLY, ProfileApplyParams.of("apply-closed",
        new ProfileSource.Inline(new InlineAgentProfile(null, null, null, new ProfileInstructions.Text("x"), null))));
    assertThat(closed.data().kind()).isEqualTo(ErrorKind.REJECTED);
    assertThat(closed.message()).isEqualTo("session \"apply-closed\" is closed; a profile can change only an open session");

    RpcError missing = s.rpc.error(Methods.PROFILES_APPLY, ProfileApplyParams.of("apply-nowhere", new ProfileSource.Named("x")));
    assertThat(missing.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void deletingAProfileLeavesSessionsMadeFromItAsTheyWere() {
    s.rpc.call(Methods.PROFILES_CREATE, new ProfileCreateParams(reviewer("short-lived", "Keep me.")));
    startSession("outlives", new ProfileSource.Named("short-lived"));
    JsonNode before = read("outlives");

    s.rpc.call(Methods.PROFILES_DELETE, new ProfileDeleteParams("short-lived"));

    JsonNode after = read("outlives");
    assertThat(after.get("config")).isEqualTo(before.get("config"));
    assertThat(after.get("activeContext")).isEqualTo(before.get("activeContext"));
    assertThat(entryText(after, "instructions.profile")).isEqualTo("Keep me.");
    assertThat(s.rpc.error(Methods.PROFILES_APPLY, ProfileApplyParams.of("outlives", new ProfileSource.Named("short-lived"))).data().kind())
        .isEqualTo(ErrorKind.NOT_FOUND);
  }
}
