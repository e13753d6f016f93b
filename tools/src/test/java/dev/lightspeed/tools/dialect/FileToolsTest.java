package dev.lightspeed.tools.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.tools.Tool;
import dev.lightspeed.tools.ToolDefinition;
import dev.lightspeed.tools.vfs.ToolSurface;
import dev.lightspeed.tools.vfs.VfsFeature;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileToolsTest {
  private static List<String> names(List<Tool> tools) {
    return tools.stream().map(t -> t.definition().name()).toList();
  }

  @Test
  void eachDialectHasItsNamesAndTheReadOnlySurfaceDropsTheWriters() {
    assertThat(names(FileTools.of(Dialect.CODEX, ToolSurface.EDIT)))
        .containsExactly("read_file", "glob", "grep", "list_dir", "write_file", "edit_file", "apply_patch");
    assertThat(names(FileTools.of(Dialect.CODEX, ToolSurface.READ_ONLY))).containsExactly("read_file", "glob", "grep", "list_dir");
    assertThat(names(FileTools.of(Dialect.CLAUDE, ToolSurface.EDIT))).containsExactly("Read", "Glob", "Grep", "LS", "Write", "Edit");
    assertThat(names(FileTools.of(Dialect.CLAUDE, ToolSurface.READ_ONLY))).containsExactly("Read", "Glob", "Grep", "LS");
  }

  @Test
  void readersRunInParallelAndWritersAlone() {
    for (Tool tool : FileTools.all().tools()) {
      ToolDefinition d = tool.definition();
      boolean writes = List.of("write_file", "edit_file", "apply_patch", "Write", "Edit").contains(d.name());
      assertThat(d.parallelism()).as(d.name()).isEqualTo(writes ? Parallelism.EXCLUSIVE : Parallelism.PARALLEL_SAFE);
      boolean unsafeToRetry = List.of("edit_file", "apply_patch", "Edit").contains(d.name());
      assertThat(d.retrySafety()).as(d.name()).isEqualTo(unsafeToRetry ? RetrySafety.NOT_RETRY_SAFE : RetrySafety.RETRY_SAFE);
    }
  }

  @Test
  void aSessionGetsTheToolsItsFeatureGrantsInItsModelsDialect() {
    VfsFeature edit = VfsFeature.parse(CanonicalJson.parse("{\"tools\":\"edit\"}"));
    VfsFeature none = VfsFeature.parse(CanonicalJson.parse("{}"));

    assertThat(names(FileTools.forSession(edit, "anthropic:messages"))).containsExactly("Read", "Glob", "Grep", "LS", "Write", "Edit");
    assertThat(names(FileTools.forSession(edit, "openai:responses"))).hasSize(7).contains("apply_patch");
    assertThat(FileTools.forSession(none, "openai:responses")).isEmpty();
  }

  @Test
  void theDialectFollowsTheApiKind() {
    assertThat(Dialect.forApiKind("anthropic:messages")).isEqualTo(Dialect.CLAUDE);
    assertThat(Dialect.forApiKind("openai:responses")).isEqualTo(Dialect.CODEX);
    assertThat(Dialect.forApiKind("openai:completions")).isEqualTo(Dialect.CODEX);
  }

  @Test
  void claudeArgumentShapesAreTheDocumentedOnes() {
    ToolSchemas schemas = ToolSchemas.load("claude-tools.json");

    assertThat(schemas.argumentNames("Grep"))
        .containsExactly("pattern", "path", "glob", "type", "output_mode", "-i", "-n", "-A", "-B", "-C", "head_limit");
    assertThat(schemas.argumentNames("LS")).containsExactly("path", "ignore");
    assertThat(schemas.argumentNames("Edit")).containsExactly("file_path", "old_string", "new_string", "replace_all");
  }
}
