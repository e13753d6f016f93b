package dev.lightspeed.server;

import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.blobs.BlobPutItem;
import dev.lightspeed.api.blobs.BlobPutParams;
import dev.lightspeed.api.blobs.BlobReadParams;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.api.vfs.VfsSnapshotCommitParams;
import dev.lightspeed.api.vfs.VfsSnapshotReadParams;
import dev.lightspeed.api.vfs.VfsWorkspaceCreateParams;
import dev.lightspeed.api.vfs.VfsWorkspaceDeleteParams;
import dev.lightspeed.api.vfs.VfsWorkspaceListParams;
import dev.lightspeed.api.vfs.VfsWorkspaceReadParams;
import dev.lightspeed.api.vfs.VfsWorkspaceUpdateParams;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTurn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code vfs/*} methods over the gateway, and a run whose model edits a linked workspace with the file tools. */
class VfsThroughGatewayTest {
  @TempDir static Path home;
  static TestServer s;
  static final AtomicReference<ScriptedModel> model = new AtomicReference<>();

  @BeforeAll
  static void start() {
    s = TestServer.withFileTools(home, model);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static String put(String text) {
    String base64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    return s.rpc.call(Methods.BLOBS_PUT, new BlobPutParams(List.of(new BlobPutItem(base64)))).at("/blobs/0/blobRef").asText();
  }

  static ObjectNode manifest(String name, String ref, long size) throws Exception {
    return (ObjectNode) ApiJson.mapper().readTree("{\"schemaVersion\":1,\"files\":1,\"bytes\":" + size + ",\"root\":{\"type\":\"directory\","
        + "\"entries\":{\"" + name + "\":{\"type\":\"file\",\"ref\":\"" + ref + "\",\"size\":" + size + "}}}}");
  }

  static String commit(ObjectNode manifest) {
    return s.rpc.call(Methods.VFS_SNAPSHOTS_COMMIT, new VfsSnapshotCommitParams(manifest)).get("snapshotRef").asText();
  }

  @Test
  void snapshotsAndWorkspacesRoundTripAndAStaleUpdateIsAConflict() throws Exception {
    String ref = put("hello\n");
    String snapshot = commit(manifest("a.txt", ref, 6));
    JsonNode read = s.rpc.call(Methods.VFS_SNAPSHOTS_READ, new VfsSnapshotReadParams(snapshot));
    assertThat(read.get("files").asLong()).isEqualTo(1);
    assertThat(read.at("/manifest/root/entries/a.txt/ref").asText()).isEqualTo(ref);

    JsonNode created = s.rpc.call(Methods.VFS_WORKSPACES_CREATE, new VfsWorkspaceCreateParams("ws-round", "Round", snapshot)).get("workspace");
    assertThat(created.get("headSnapshotRef").asText()).isEqualTo(snapshot);
    assertThat(created.get("revision").asLong()).isEqualTo(1);
    assertThat(s.rpc.call(Methods.VFS_WORKSPACES_LIST, new VfsWorkspaceListParams()).get("workspaces").findValuesAsText("workspaceId"))
        .contains("ws-round");

    String other = commit(manifest("b.txt", put("bye\n"), 4));
    JsonNode moved = s.rpc.call(Methods.VFS_WORKSPACES_UPDATE, new VfsWorkspaceUpdateParams("ws-round", other, 1L, null)).get("workspace");
    assertThat(moved.get("revision").asLong()).isEqualTo(2);
    RpcError stale = s.rpc.error(Methods.VFS_WORKSPACES_UPDATE, new VfsWorkspaceUpdateParams("ws-round", snapshot, 1L, null));
    assertThat(stale.data().kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(stale.message()).contains("revision 2, not 1");

    assertThat(s.rpc.call(Methods.VFS_WORKSPACES_DELETE, new VfsWorkspaceDeleteParams("ws-round")).at("/workspace/workspaceId").asText())
        .isEqualTo("ws-round");
    assertThat(s.rpc.error(Methods.VFS_WORKSPACES_READ, new VfsWorkspaceReadParams("ws-round")).code()).isEqualTo(ErrorCodes.NOT_FOUND);
  }

  @Test
  void aManifestWithAMissingBlobOrBadTotalsIsRefusedWithWhatToDo() throws Exception {
    RpcError missing = s.rpc.error(Methods.VFS_SNAPSHOTS_COMMIT, new VfsSnapshotCommitParams(manifest("x", "sha256:" + "0".repeat(64), 3)));
    assertThat(missing.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(missing.message()).contains("blobs/put");

    ObjectNode wrongTotals = manifest("a.txt", put("hello\n"), 6).put("bytes", 7);
    RpcError invalid = s.rpc.error(Methods.VFS_SNAPSHOTS_COMMIT, new VfsSnapshotCommitParams(wrongTotals));
    assertThat(invalid.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
  }

  @Test
  void theModelReadsPatchesAndRereadsAFileAndTheWorkspaceHeadAdvances() throws Exception {
    String snapshot = commit(manifest("notes.txt", put("alpha\nbeta\n"), 11));
    s.rpc.call(Methods.VFS_WORKSPACES_CREATE, new VfsWorkspaceCreateParams("ws-run", null, snapshot));
    ObjectNode config = (ObjectNode) ApiJson.mapper().readTree("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"features\":{\"vfs\":{"
        + "\"tools\":\"edit\",\"workspaceLinks\":[{\"path\":\"/workspace\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"ws-run\"},"
        + "\"access\":\"readWrite\"}]}}}");
    JsonNode session = s.rpc.call(Methods.SESSION_START, new SessionStartParams("vfs-run", null, config, null)).get("session");
    assertThat(session.toString()).contains("apply_patch", "read_file");

    String patch = "*** Begin Patch\n*** Update File: notes.txt\n@@\n alpha\n-beta\n+gamma\n*** End Patch";
    model.get()
        .callTools(call("read_file", "{\"path\":\"notes.txt\"}"))
        .callTools(call("apply_patch", ApiJson.mapper().writeValueAsString(Map.of("input", patch))))
        .callTools(call("read_file", "{\"path\":\"/workspace/notes.txt\"}"))
        .reply("done");
    String run = s.rpc.call(Methods.RUN_START, new RunStartParams("vfs-run", RunStartSource.input(InputItem.text("edit it")), null, "r1", null))
        .at("/run/id").asText();
    new EventFeed(s.rpc, "vfs-run").readUntil(EventFeed.type("runCompleted", run));

    assertThat(catalogText(model.get().requests().get(0))).as("the first request carries the VFS catalog")
        .contains("working directory is /workspace", "/workspace (read-write, workspace ws-run): 1 files, 11 bytes",
        "notes.txt");

    List<String> results = model.get().requests().get(3).context().stream()
        .filter(e -> e.item().kind().name().equals("TOOL_RESULT")).map(e -> e.item().preview()).toList();
    assertThat(results).hasSize(3);
    assertThat(results.get(0)).contains("alpha").contains("beta");
    assertThat(results.get(2)).contains("gamma").doesNotContain("beta");

    JsonNode workspace = s.rpc.call(Methods.VFS_WORKSPACES_READ, new VfsWorkspaceReadParams("ws-run")).get("workspace");
    assertThat(workspace.get("revision").asLong()).isEqualTo(2);
    String head = workspace.get("headSnapshotRef").asText();
    assertThat(head).isNotEqualTo(snapshot);
    String fileRef = s.rpc.call(Methods.VFS_SNAPSHOTS_READ, new VfsSnapshotReadParams(head)).at("/manifest/root/entries/notes.txt/ref").asText();
    String content = new String(Base64.getDecoder().decode(
        s.rpc.call(Methods.BLOBS_READ, new BlobReadParams(fileRef)).get("bytesBase64").asText()), StandardCharsets.UTF_8);
    assertThat(content).isEqualTo("alpha\ngamma\n");
  }

  static String catalogText(LlmRequest request) {
    var catalog = request.context().stream().filter(e -> e.item().kind().name().equals("VFS_CATALOG")).findFirst().orElseThrow();
    return new String(Base64.getDecoder().decode(s.rpc.call(Methods.BLOBS_READ,
        new BlobReadParams(catalog.item().content().toString())).get("bytesBase64").asText()), StandardCharsets.UTF_8);
  }

  @Test
  void aQueuedRunSeesTheFilesAsTheyAreWhenItStartsNotWhenItWasQueued() throws Exception {
    String first = commit(manifest("before.txt", put("one\n"), 4));
    s.rpc.call(Methods.VFS_WORKSPACES_CREATE, new VfsWorkspaceCreateParams("ws-queue", null, first));
    ObjectNode config = (ObjectNode) ApiJson.mapper().readTree("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"features\":{\"vfs\":{"
        + "\"tools\":\"readOnly\",\"workspaceLinks\":[{\"path\":\"/workspace\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"ws-queue\"},"
        + "\"access\":\"readWrite\"}]}}}");
    s.rpc.call(Methods.SESSION_START, new SessionStartParams("vfs-queue", null, config, null));
    int before = model.get().requests().size();
    model.get().then(ScriptedTurn.reply("first done").after(Duration.ofSeconds(2))).reply("second done");

    s.rpc.call(Methods.RUN_START, new RunStartParams("vfs-queue", RunStartSource.input(InputItem.text("one")), null, "q1", null));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (model.get().requests().size() == before && System.nanoTime() < deadline) Thread.sleep(10);
    String second = s.rpc.call(Methods.RUN_START, new RunStartParams("vfs-queue", RunStartSource.input(InputItem.text("two")), null, "q2", null))
        .at("/run/id").asText();
    String moved = commit(manifest("after.txt", put("two\n"), 4));
    s.rpc.call(Methods.VFS_WORKSPACES_UPDATE, new VfsWorkspaceUpdateParams("ws-queue", moved, 1L, null));
    new EventFeed(s.rpc, "vfs-queue").readUntil(EventFeed.type("runCompleted", second));

    List<LlmRequest> requests = model.get().requests().subList(before, model.get().requests().size());
    assertThat(requests).hasSize(2);
    assertThat(catalogText(requests.get(0))).contains("before.txt").doesNotContain("after.txt");
    assertThat(catalogText(requests.get(1))).as("run 2 was prepared when it started, after the head moved")
        .contains("after.txt").doesNotContain("before.txt");
  }

  @Test
  void instructionFilesInTheLinkedRootReachTheModelAndAChangeShowsAtTheNextRun() throws Exception {
    s.rpc.call(Methods.VFS_WORKSPACES_CREATE, new VfsWorkspaceCreateParams("ws-rules", null, commit(manifest("AGENTS.md", put("Answer in haiku.\n"), 17))));
    ObjectNode config = (ObjectNode) ApiJson.mapper().readTree("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"features\":{\"vfs\":{"
        + "\"prompts\":{},\"workspaceLinks\":[{\"path\":\"/workspace\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"ws-rules\"},"
        + "\"access\":\"readWrite\"}]}}}");
    s.rpc.call(Methods.SESSION_START, new SessionStartParams("vfs-rules", null, config, null));
    int before = model.get().requests().size();
    model.get().reply("first").reply("second");

    String first = s.rpc.call(Methods.RUN_START, new RunStartParams("vfs-rules", RunStartSource.input(InputItem.text("a")), null, "i1", null))
        .at("/run/id").asText();
    new EventFeed(s.rpc, "vfs-rules").readUntil(EventFeed.type("runCompleted", first));
    s.rpc.call(Methods.VFS_WORKSPACES_UPDATE, new VfsWorkspaceUpdateParams("ws-rules", commit(manifest("AGENTS.md", put("Answer in prose.\n"), 17)), 1L, null));
    String second = s.rpc.call(Methods.RUN_START, new RunStartParams("vfs-rules", RunStartSource.input(InputItem.text("b")), null, "i2", null))
        .at("/run/id").asText();
    new EventFeed(s.rpc, "vfs-rules").readUntil(EventFeed.type("runCompleted", second));

    List<LlmRequest> requests = model.get().requests().subList(before, model.get().requests().size());
    assertThat(requests.get(0).context().get(0).item().key()).as("the built-in layer comes first").isEqualTo("instructions.default");
    assertThat(instructions(requests.get(0))).containsExactly("# Instructions from /workspace/AGENTS.md\n\nAnswer in haiku.\n\n");
    assertThat(instructions(requests.get(1))).as("the changed file replaced its entry").containsExactly(
        "# Instructions from /workspace/AGENTS.md\n\nAnswer in prose.\n\n");
  }

  static List<String> instructions(LlmRequest request) {
    return request.context().stream().filter(e -> e.item().key() != null && e.item().key().startsWith("prompt_instructions/"))
        .map(e -> new String(Base64.getDecoder().decode(s.rpc.call(Methods.BLOBS_READ, new BlobReadParams(e.item().content().toString()))
            .get("bytesBase64").asText()), StandardCharsets.UTF_8)).toList();
  }
}
