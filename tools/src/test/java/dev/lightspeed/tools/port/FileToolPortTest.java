package dev.lightspeed.tools.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.tools.Backend;
import dev.lightspeed.tools.ToolHarness;
import dev.lightspeed.tools.ToolRegistry;
import dev.lightspeed.tools.dialect.Dialect;
import dev.lightspeed.tools.dialect.FileTools;
import dev.lightspeed.tools.vfs.ToolSurface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's view: argument blobs in, result blobs and outcomes out, failures as results. */
class FileToolPortTest {
  @TempDir Path dir;

  private ToolHarness h;
  private FileToolPort port;
  private final AtomicBoolean aborted = new AtomicBoolean();

  private ToolCallResult invoke(String tool, String arguments) {
    if (h == null) {
      h = ToolHarness.on(Backend.VFS, dir, Map.of("a.txt", "alpha\n"));
      port = new FileToolPort(h.blobs(), FileTools.all(), ctx -> h.files());
    }
    BlobRef args = h.blobs().put(ToolHarness.UNIVERSE, arguments.getBytes(StandardCharsets.UTF_8));
    ToolSpec spec = new ToolSpec(tool, args, Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
    ToolBatchRequest.Invocation call = new ToolBatchRequest.Invocation(new ToolCall("call-1", tool, args), spec);
    ToolBatchRequest batch = new ToolBatchRequest(1, 1, 7, List.of(call));
    return port.invoke(batch, call, new EffectContext("default", "s1", 1, aborted::get));
  }

  private String output(ToolCallResult result) {
    return new String(h.blobs().read(ToolHarness.UNIVERSE, result.output()), StandardCharsets.UTF_8);
  }

  @Test
  void aSuccessfulCallStoresItsVisibleOutputAsTheResultBlob() {
    ToolCallResult result = invoke("read_file", "{\"path\":\"a.txt\"}");

    assertThat(result.outcome()).isEqualTo(CallOutcome.COMPLETED);
    assertThat(result.batch()).isEqualTo(7);
    assertThat(result.callId()).isEqualTo("call-1");
    assertThat(output(result)).isEqualTo("     1\talpha");
    assertThat(result.size()).isEqualTo(12);
    assertThat(result.preview()).isEqualTo("     1\talpha");
  }

  @Test
  void aToolErrorIsAFailedResultWithTheMessage() {
    ToolCallResult result = invoke("read_file", "{\"path\":\"missing.txt\"}");

    assertThat(result.outcome()).isEqualTo(CallOutcome.FAILED);
    assertThat(output(result)).isEqualTo("file not found: /workspace/missing.txt");
  }

  @Test
  void badArgumentsAndUnknownToolsAreFailedResultsNotExceptions() {
    assertThat(output(invoke("read_file", "{\"path\":"))).startsWith("the arguments are not valid JSON: ");
    assertThat(output(invoke("read_file", "[1]"))).isEqualTo("the arguments must be a JSON object");
    assertThat(output(invoke("read_file", "{\"path\":\"a.txt\",\"mode\":\"x\"}")))
        .isEqualTo("read_file has no argument \"mode\"; it accepts limit, offset, path");
    ToolCallResult unknown = invoke("rm_rf", "{}");
    assertThat(unknown.outcome()).isEqualTo(CallOutcome.FAILED);
    assertThat(output(unknown)).isEqualTo("unknown tool \"rm_rf\"");
  }

  @Test
  void aFileSystemThatCannotBeReachedFailsTheCallWithItsReason() {
    h = ToolHarness.on(Backend.VFS, dir, Map.of());
    port = new FileToolPort(h.blobs(), FileTools.all(), ctx -> {
      throw new IllegalArgumentException("features.vfs.workspaceLinks[0].access: unknown access \"rw\"");
    });

    ToolCallResult result = invoke("list_dir", "{}");

    assertThat(result.outcome()).isEqualTo(CallOutcome.FAILED);
    assertThat(output(result)).isEqualTo("the session's files cannot be reached: features.vfs.workspaceLinks[0].access: unknown access \"rw\"");
  }

  @Test
  void anAbortedSearchIsCancelled() {
    invoke("list_dir", "{}");
    aborted.set(true);

    ToolCallResult result = invoke("grep", "{\"pattern\":\"a\"}");

    assertThat(result.outcome()).isEqualTo(CallOutcome.CANCELLED);
    assertThat(result.output()).isEqualTo(WellKnownBlob.TOOL_CANCELLED.ref());
  }

  @Test
  void argumentsMayBeEmptyText() {
    assertThat(invoke("list_dir", "").outcome()).isEqualTo(CallOutcome.COMPLETED);
  }

  @Test
  void specsAreCanonicalFunctionDefinitionsWithSchedulingFacts() {
    h = ToolHarness.on(Backend.VFS, dir, Map.of());
    ToolRegistry registry = ToolRegistry.of(FileTools.of(Dialect.CODEX, ToolSurface.EDIT));

    List<ToolSpec> specs = registry.specs(h.blobs(), ToolHarness.UNIVERSE);

    assertThat(specs).extracting(ToolSpec::name)
        .containsExactly("read_file", "glob", "grep", "list_dir", "write_file", "edit_file", "apply_patch");
    assertThat(specs).filteredOn(s -> s.parallelism() == Parallelism.EXCLUSIVE).extracting(ToolSpec::name)
        .containsExactly("write_file", "edit_file", "apply_patch");
    ToolSpec read = specs.get(0);
    String json = new String(h.blobs().read(ToolHarness.UNIVERSE, read.spec()), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo(CanonicalJson.write(CanonicalJson.parse(json)))
        .startsWith("{\"description\":\"Read a text file.")
        .contains("\"name\":\"read_file\"")
        .contains("\"parameters\":{\"additionalProperties\":false,\"properties\":{\"limit\":")
        .endsWith("\"type\":\"function\"}");
    assertThat(registry.specs(h.blobs(), ToolHarness.UNIVERSE)).isEqualTo(specs);
  }
}
