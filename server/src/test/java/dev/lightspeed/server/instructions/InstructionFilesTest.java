package dev.lightspeed.server.instructions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.core.Replay;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.event.LifecycleEvent;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.vfs.Manifest;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.VfsDirectory;
import dev.lightspeed.store.vfs.VfsFile;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.store.vfs.WorkspaceUpdate;
import dev.lightspeed.store.vfs.memory.InMemoryWorkspaceStore;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Which instruction files a session's roots hold, how they become entries, and how the entries follow the files. */
class InstructionFilesTest {
  static final UniverseId U = UniverseId.DEFAULT;
  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final Snapshots snapshots = new Snapshots(blobs);
  final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
  final InstructionFiles files = new InstructionFiles(blobs, snapshots, workspaces);

  void workspace(String id, Map<String, String> content) {
    Map<String, VfsFile> entries = new LinkedHashMap<>();
    content.forEach((name, text) -> {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      entries.put(name, VfsFile.of(blobs.put(U, bytes), bytes.length));
    });
    var snapshot = snapshots.commit(U, new Manifest(VfsDirectory.of(entries)));
    if (workspaces.find(U, WorkspaceId.of(id)).isPresent()) {
      var ws = workspaces.find(U, WorkspaceId.of(id)).get();
      workspaces.update(U, WorkspaceId.of(id), new WorkspaceUpdate(OptionalLong.of(ws.revision()), snapshot.summary(), Optional.empty()));
    } else {
      workspaces.create(U, WorkspaceId.of(id), snapshot.summary(), Optional.empty());
    }
  }

  static SessionState session(String vfs) {
    String config = "{\"features\":{\"vfs\":" + vfs + "}}";
    return Replay.applyDecoded(SessionState.INITIAL, 1, new LifecycleEvent.Opened(CanonicalJson.parseObject(config)));
  }

  static String link(String path, String ws, String access) {
    return "{\"path\":\"" + path + "\",\"target\":{\"type\":\"workspace\",\"workspaceId\":\"" + ws + "\"},\"access\":\"" + access + "\"}";
  }

  String body(ContextItem item) {
    return new String(blobs.read(U, item.content()), StandardCharsets.UTF_8);
  }

  @Test
  void agentsMdWinsOverClaudeMdInEachLinkedRootAndEachFileIsOneKeyedEntry() {
    workspace("app", Map.of("AGENTS.md", "Use records.", "CLAUDE.md", "ignored", "x.txt", "x"));
    workspace("lib", Map.of("CLAUDE.md", "Lib rules."));
    workspace("docs", Map.of("README.md", "no instructions here"));
    SessionState s = session("{\"prompts\":{},\"workspaceLinks\":[" + link("/workspace", "app", "readWrite") + ","
        + link("/lib", "lib", "readOnly") + "," + link("/docs", "docs", "readOnly") + "]}");

    PreparationResult result = files.prepare(U, s, 1);

    assertThat(result.applied()).extracting(ContextItem::key)
        .containsExactly("prompt_instructions/workspace/AGENTS.md", "prompt_instructions/lib/CLAUDE.md");
    assertThat(result.applied()).extracting(ContextItem::kind).containsOnly(EntryKind.INSTRUCTIONS);
    assertThat(body(result.applied().get(0))).isEqualTo("# Instructions from /workspace/AGENTS.md\n\nUse records.\n");
    assertThat(body(result.applied().get(1))).contains("Lib rules.");
    assertThat(result.removedKeys()).isEmpty();
  }

  @Test
  void explicitRootsAreSearchedInsteadOfTheConventionalOnes() {
    workspace("app", Map.of("AGENTS.md", "top"));
    SessionState s = session("{\"prompts\":{\"roots\":[\"/elsewhere\",\"/workspace\"]},\"workspaceLinks\":[" + link("/workspace", "app", "readWrite") + "]}");
    assertThat(files.prepare(U, s, 1).applied()).extracting(ContextItem::key).containsExactly("prompt_instructions/workspace/AGENTS.md");
  }

  @Test
  void withoutPromptSourcingNothingIsReadAndOldEntriesGo() {
    workspace("app", Map.of("AGENTS.md", "top"));
    SessionState sourcing = session("{\"prompts\":{},\"workspaceLinks\":[" + link("/workspace", "app", "readWrite") + "]}");
    List<ContextItem> applied = files.prepare(U, sourcing, 1).applied();
    SessionState withEntry = Replay.applyDecoded(Replay.applyDecoded(
        Replay.applyDecoded(sourcing, 2, new RunEvent.Accepted(1, "s", List.of(), Json.Obj.EMPTY, "d")),
        3, new RunEvent.Started(1)), 4, new RunEvent.Prepared(1, applied, List.of()));

    SessionState notSourcing = Replay.applyDecoded(withEntry, 5, new LifecycleEvent.ConfigChanged(2,
        CanonicalJson.parseObject("{\"features\":{\"vfs\":{\"workspaceLinks\":[" + link("/workspace", "app", "readWrite") + "]}}}")));
    PreparationResult result = files.prepare(U, notSourcing, 2);
    assertThat(result.applied()).isEmpty();
    assertThat(result.removedKeys()).containsExactly("prompt_instructions/workspace/AGENTS.md");
  }

  @Test
  void aLongFileIsCutWithANoteAndTheTotalIsCapped() {
    String big = "a".repeat(InstructionFiles.MAX_FILE_CHARS + 10);
    workspace("one", Map.of("AGENTS.md", big));
    SessionState s = session("{\"prompts\":{},\"workspaceLinks\":[" + link("/one", "one", "readWrite") + "]}");
    String body = body(files.prepare(U, s, 1).applied().get(0));
    assertThat(body).contains("a".repeat(InstructionFiles.MAX_FILE_CHARS) + "\n\n[/one/AGENTS.md was cut at 65,536 of its 65,546 characters; read the file for the rest]");

    StringBuilder links = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      workspace("w" + i, Map.of("AGENTS.md", "b".repeat(InstructionFiles.MAX_FILE_CHARS)));
      links.append(i == 0 ? "" : ",").append(link("/w" + i, "w" + i, "readOnly"));
    }
    List<ContextItem> all = files.prepare(U, session("{\"prompts\":{},\"workspaceLinks\":[" + links + "]}"), 1).applied();
    assertThat(all).hasSize(5); // 4 × 64K fill the 256K
    assertThat(body(all.get(3))).doesNotContain("was cut");
    assertThat(body(all.get(4))).isEqualTo("# Instructions from /w4/AGENTS.md\n\n"
        + "[/w4/AGENTS.md was left out: instruction files may hold 262,144 characters in all; read the file]\n");
  }
}
