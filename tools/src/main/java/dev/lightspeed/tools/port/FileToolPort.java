package dev.lightspeed.tools.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolPort;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.tools.Tool;
import dev.lightspeed.tools.ToolArgs;
import dev.lightspeed.tools.ToolArgumentException;
import dev.lightspeed.tools.ToolContext;
import dev.lightspeed.tools.ToolRegistry;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.VisibleOutput;
import dev.lightspeed.tools.fs.FileSystem;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs tool calls for the engine: reads the call's arguments blob, finds the tool by name in a
 * {@link ToolRegistry}, runs it on the session's file system, and stores the visible output (capped at
 * {@value VisibleOutput#MAX_BYTES} bytes) as the result blob. Nothing a call does escapes as an exception:
 * unknown tools, arguments that are not a JSON object, an unusable file system and tool bugs all become
 * {@link CallOutcome#FAILED} results whose text says what went wrong. Safe for concurrent use.
 */
public final class FileToolPort implements ToolPort {
  private static final int PREVIEW_CHARS = 200;

  private final BlobStore blobs;
  private final ToolRegistry registry;
  private final FileSystemProvider fileSystems;

  public FileToolPort(BlobStore blobs, ToolRegistry registry, FileSystemProvider fileSystems) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.fileSystems = Objects.requireNonNull(fileSystems, "fileSystems");
  }

  @Override
  public ToolCallResult invoke(ToolBatchRequest batch, ToolBatchRequest.Invocation call, EffectContext context) {
    UniverseId universe = UniverseId.of(context.universe());
    ToolResult result = run(universe, call, context);
    if (result.status() == ToolResult.Status.CANCELLED) {
      WellKnownBlob cancelled = WellKnownBlob.TOOL_CANCELLED;
      return new ToolCallResult(batch.batch(), call.call().callId(), CallOutcome.CANCELLED, cancelled.ref(), cancelled.bytes().length, cancelled.text());
    }
    String text = VisibleOutput.cap(result.text(), "ask for less");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    BlobRef ref = blobs.put(universe, bytes);
    CallOutcome outcome = result.isError() ? CallOutcome.FAILED : CallOutcome.COMPLETED;
    return new ToolCallResult(batch.batch(), call.call().callId(), outcome, ref, bytes.length, preview(text));
  }

  private ToolResult run(UniverseId universe, ToolBatchRequest.Invocation call, EffectContext context) {
    String name = call.call().name();
    Optional<Tool> tool = registry.find(name);
    if (tool.isEmpty()) return ToolResult.error("unknown tool \"" + name + "\"");
    ObjectNode arguments;
    try {
      arguments = ToolArgs.parseObject(new String(blobs.read(universe, call.call().arguments()), StandardCharsets.UTF_8));
    } catch (ToolArgumentException e) {
      return ToolResult.error(e.getMessage());
    }
    FileSystem files;
    try {
      files = fileSystems.fileSystem(context);
    } catch (RuntimeException e) {
      return ToolResult.error("the session's files cannot be reached: " + e.getMessage());
    }
    try {
      return tool.get().invoke(arguments, new ToolContext(files, context::aborted));
    } catch (RuntimeException e) {
      return ToolResult.error(name + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static String preview(String text) {
    return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS - 1) + "…";
  }
}
