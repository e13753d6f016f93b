package dev.lightspeed.server;

import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.blobs.BlobPutItem;
import dev.lightspeed.api.blobs.BlobPutParams;
import dev.lightspeed.api.blobs.BlobReadParams;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.api.skills.SkillActivateParams;
import dev.lightspeed.api.skills.SkillActivationScope;
import dev.lightspeed.api.skills.SkillActiveParams;
import dev.lightspeed.api.skills.SkillDeactivateParams;
import dev.lightspeed.api.skills.SkillListParams;
import dev.lightspeed.api.vfs.VfsSnapshotCommitParams;
import dev.lightspeed.api.vfs.VfsWorkspaceCreateParams;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.server.skills.SkillActivations;
import dev.lightspeed.server.skills.SkillCatalog;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skills found in a session's files: the catalog each run sees, and activation through the API. */
class SkillsThroughGatewayTest {
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

  /** {@return a committed snapshot of {@code files} (path → text)} */
  static String snapshot(Map<String, String> files) {
    ObjectNode root = dir();
    long bytes = 0;
    for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
      byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
      String ref = s.rpc.call(Methods.BLOBS_PUT, new BlobPutParams(List.of(new BlobPutItem(Base64.getEncoder().encodeToString(content)))))
          .at("/blobs/0/blobRef").asText();
      String[] parts = f.getKey().split("/");
      ObjectNode at = root;
      for (int i = 0; i < parts.length - 1; i++) {
        ObjectNode entries = (ObjectNode) at.get("entries");
        if (!entries.has(parts[i])) entries.set(parts[i], dir());
        at = (ObjectNode) entries.get(parts[i]);
      }
      ((ObjectNode) at.get("entries")).set(parts[parts.length - 1],
          JsonNodeFactory.instance.objectNode().put("type", "file").put("ref", ref).put("size", content.length));
      bytes += content.length;
    }
    ObjectNode manifest = JsonNodeFactory.instance.objectNode().put("schemaVersion", 1).put("files", files.size()).put("bytes", bytes);
    manifest.set("root", root);
    return s.rpc.call(Methods.VFS_SNAPSHOTS_COMMIT, new VfsSnapshotCommitParams(manifest)).get("snapshotRef").asText();
  }

  static ObjectNode dir() {
    ObjectNode d = JsonNodeFactory.instance.objectNode().put("type", "directory");
    d.set("entries", JsonNodeFactory.instance.objectNode());
    return d;
  }

  static String text(ContextEntry e) {
    return new String(Base64.getDecoder().decode(s.rpc.call(Methods.BLOBS_READ, new BlobReadParams(e.item().content().toString()))
        .get("bytesBase64").asText()), StandardCharsets.UTF_8);
  }

  static List<String> keys(LlmRequest request) {
    return request.context().stream().map(e -> e.item().key()).filter(k -> k != null).toList();
  }

  static String run(String session, String submission) {
    String run = s.rpc.call(Methods.RUN_START, new RunStartParams(session, RunStartSource.input(InputItem.text("go")), null, submission, null))
        .at("/run/id").asText();
    new EventFeed(s.rpc, session).readUntil(EventFeed.type("runCompleted", run));
    return run;
  }

  @Test
  void eachRunSeesTheCatalogAndAnActivatedSkillLastsForItsScope() throws Exception {
    String snapshot = snapshot(Map.of(
        "skills/pdf/SKILL.md", "---\nname: pdf\ndescription: Read and fill PDF forms.\n---\nUse pdftotext, then fill fields one by one.\n",
        "skills/broken/SKILL.md", "no front matter here\n",
        ".agents/skills/xlsx/SKILL.md", "---\nname: xlsx\ndescription: Edit spreadsheets.\n---\nKeep formulas.\n",
        "skills/notes.txt", "not a skill directory\n"));
    s.rpc.call(Methods.VFS_WORKSPACES_CREATE, new VfsWorkspaceCreateParams("ws-skills", null, snapshot));
    ObjectNode config = (ObjectNode) ApiJson.mapper().readTree("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"features\":{\"vfs\":{\"skills\":{},"
        + "\"tools\":\"readOnly\",\"workspaceLinks\":[{\"path\":\"/workspace\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"ws-skills\"},"
        + "\"access\":\"readWrite\"}]}}}");
    s.rpc.call(Methods.SESSION_START, new SessionStartParams("skills", null, config, null));

    JsonNode listed = s.rpc.call(Methods.SKILLS_LIST, new SkillListParams("skills"));
    assertThat(listed.get("skills").findValuesAsText("skillId")).containsExactly("pdf", "xlsx");
    assertThat(listed.get("skills").findValuesAsText("active")).containsOnly("false");

    int before = model.get().requests().size();
    model.get().reply("one").reply("two").reply("three").reply("four");
    run("skills", "k1");
    LlmRequest first = model.get().requests().get(before);
    ContextEntry catalog = first.context().stream().filter(e -> SkillCatalog.KEY.equals(e.item().key())).findFirst().orElseThrow();
    assertThat(text(catalog)).contains("- pdf: Read and fill PDF forms. (/workspace/skills/pdf/SKILL.md)",
        "- xlsx: Edit spreadsheets. (/workspace/.agents/skills/xlsx/SKILL.md)",
        "Skipped:\n- /workspace/skills/broken/SKILL.md: no front matter: the file must start with a --- line");

    JsonNode activated = s.rpc.call(Methods.SKILLS_ACTIVATE, new SkillActivateParams("skills", "pdf", null));
    assertThat(activated.at("/activation/scope").asText()).isEqualTo("run");
    assertThat(activated.at("/activation/source/type").asText()).isEqualTo("directContext");
    s.rpc.call(Methods.SKILLS_ACTIVATE, new SkillActivateParams("skills", "xlsx", SkillActivationScope.SESSION));
    assertThat(s.rpc.call(Methods.SKILLS_ACTIVE, new SkillActiveParams("skills")).get("activations").findValuesAsText("skillId"))
        .containsExactly("pdf", "xlsx");

    run("skills", "k2");
    LlmRequest second = model.get().requests().get(before + 1);
    assertThat(keys(second)).contains("skill_activation/run-2/pdf", "skill_activation/session/xlsx");
    ContextEntry pdf = second.context().stream().filter(e -> "skill_activation/run-2/pdf".equals(e.item().key())).findFirst().orElseThrow();
    assertThat(text(pdf)).contains("Use pdftotext, then fill fields one by one.").doesNotContain("description:");

    run("skills", "k3");
    LlmRequest third = model.get().requests().get(before + 2);
    assertThat(keys(third)).as("the run-scoped activation ended with its run").doesNotContain("skill_activation/run-2/pdf")
        .contains("skill_activation/session/xlsx");

    JsonNode deactivated = s.rpc.call(Methods.SKILLS_DEACTIVATE, new SkillDeactivateParams("skills", "xlsx"));
    assertThat(deactivated.get("active")).isEmpty();
    run("skills", "k4");
    assertThat(keys(model.get().requests().get(before + 3))).noneMatch(k -> k.startsWith(SkillActivations.PREFIX));
  }

  @Test
  void unknownAndInactiveSkillsAreClearErrors() throws Exception {
    ObjectNode config = (ObjectNode) ApiJson.mapper().readTree("{\"model\":" + TestServer.SCRIPTED_MODEL + "}");
    s.rpc.call(Methods.SESSION_START, new SessionStartParams("no-skills", null, config, null));
    assertThat(s.rpc.call(Methods.SKILLS_LIST, new SkillListParams("no-skills")).get("skills")).isEmpty();

    RpcError unknown = s.rpc.error(Methods.SKILLS_ACTIVATE, new SkillActivateParams("no-skills", "pdf", null));
    assertThat(unknown.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(unknown.message()).contains("no skill \"pdf\"", "session/skills/list");
    RpcError inactive = s.rpc.error(Methods.SKILLS_DEACTIVATE, new SkillDeactivateParams("no-skills", "pdf"));
    assertThat(inactive.data().kind()).isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void aSkillTheModelReadsIsActiveThroughThatToolResult() throws Exception {
    String snapshot = snapshot(Map.of("skills/pdf/SKILL.md", "---\nname: pdf\ndescription: PDF forms.\n---\nUse pdftotext.\n"));
    s.rpc.call(Methods.VFS_WORKSPACES_CREATE, new VfsWorkspaceCreateParams("ws-read-skill", null, snapshot));
    ObjectNode config = (ObjectNode) ApiJson.mapper().readTree("{\"model\":" + TestServer.SCRIPTED_MODEL + ",\"features\":{\"vfs\":{\"skills\":{},"
        + "\"tools\":\"readOnly\",\"workspaceLinks\":[{\"path\":\"/workspace\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"ws-read-skill\"},"
        + "\"access\":\"readWrite\"}]}}}");
    s.rpc.call(Methods.SESSION_START, new SessionStartParams("read-skill", null, config, null));
    model.get().callTools(call("read_file", "{\"path\":\"skills/pdf/SKILL.md\"}")).reply("done");
    run("read-skill", "r1");

    JsonNode active = s.rpc.call(Methods.SKILLS_ACTIVE, new SkillActiveParams("read-skill"));
    assertThat(active.get("activations").findValuesAsText("skillId")).containsExactly("pdf");
    assertThat(active.at("/activations/0/source/type").asText()).isEqualTo("toolResult");
    assertThat(active.at("/activations/0/source/callId").asText()).isNotEmpty();
    assertThat(s.rpc.call(Methods.SKILLS_LIST, new SkillListParams("read-skill")).at("/skills/0/active").asBoolean()).isTrue();
  }
}
