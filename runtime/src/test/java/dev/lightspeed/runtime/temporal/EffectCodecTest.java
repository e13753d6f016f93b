package dev.lightspeed.runtime.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.tool.Approval;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Preparation results cross from the activity to the workflow and back unchanged, tool sets included. */
class EffectCodecTest {
  private static BlobRef ref(String text) {
    return BlobRef.sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static final ContextItem CATALOG = new ContextItem("vfs.catalog", EntryKind.VFS_CATALOG, EntryRole.NONE, ref("catalog"), "text/plain",
      "catalog", "catalog", 3, null, false);

  @Test
  void aPreparationWithoutToolsTravelsAsItsEventAndLeavesTheToolsAlone() {
    PreparationResult result = new PreparationResult(4, List.of(CATALOG), List.of("skills.catalog"));

    String text = EffectCodec.preparation(result);

    assertThat(text).startsWith("{\"kind\":\"lightspeed.core.run.prepared\"");
    assertThat(EffectCodec.preparation(text)).isEqualTo(result);
  }

  @Test
  void aPreparationWithAToolSetCarriesItWithEveryDetail() {
    List<ToolSpec> tools = List.of(
        new ToolSpec("mcp__docs__search", ref("search"), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE),
        new ToolSpec("mcp__docs__delete", ref("delete"), Parallelism.EXCLUSIVE, RetrySafety.NOT_RETRY_SAFE, Approval.ALWAYS));
    PreparationResult result = new PreparationResult(4, List.of(CATALOG), List.of()).withTools(tools);

    assertThat(EffectCodec.preparation(EffectCodec.preparation(result))).isEqualTo(result);
    assertThat(EffectCodec.preparation(EffectCodec.preparation(PreparationResult.unchanged(9).withTools(List.of()))).tools())
        .as("an empty tool set is a tool set").contains(List.of());
  }
}
