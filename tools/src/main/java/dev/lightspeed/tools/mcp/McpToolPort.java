package dev.lightspeed.tools.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolPort;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.ToolArgs;
import dev.lightspeed.tools.ToolArgumentException;
import dev.lightspeed.tools.ToolContext;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.VisibleOutput;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileSystem;
import dev.lightspeed.tools.fs.FsError;
import dev.lightspeed.tools.fs.FsException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the MCP tool calls of one session (whose config is {@code config}): finds the called tool among those
 * the config grants, forwards the call, and stores the visible output (capped at
 * {@value VisibleOutput#MAX_BYTES} bytes) as the result blob. Nothing escapes as an exception: a tool the
 * config does not grant, bad arguments, the tool's own errors and an unreachable server are all
 * {@link CallOutcome#FAILED} results saying what went wrong.
 */
public final class McpToolPort implements ToolPort {
  private static final int PREVIEW_CHARS = 200;

  /** What {@link ToolContext#files()} holds for MCP tools, which use no files. */
  private static final FileSystem NO_FILES = new FileSystem() {
    @Override
    public VfsPath workingDirectory() {
      return VfsPath.ROOT;
    }

    @Override
    public FileSession open() {
      throw new FsException(FsError.PERMISSION_DENIED, "MCP tools run on their server and see no session files");
    }
  };

  private final BlobStore blobs;
  private final McpToolSet tools;
  private final Json.Obj config;

  /** @param config the session's config document, whose {@code features.mcp} grants the tools */
  public McpToolPort(BlobStore blobs, McpToolSet tools, Json.Obj config) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.tools = Objects.requireNonNull(tools, "tools");
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public ToolCallResult invoke(ToolBatchRequest batch, ToolBatchRequest.Invocation call, EffectContext context) {
    UniverseId universe = UniverseId.of(context.universe());
    ToolResult result = run(universe, call, context);
    String text = VisibleOutput.cap(result.text(), "ask the tool for less");
    CallOutcome outcome = result.isError() ? CallOutcome.FAILED : CallOutcome.COMPLETED;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    BlobRef ref = blobs.put(universe, bytes);
    return new ToolCallResult(batch.batch(), call.call().callId(), outcome, ref, bytes.length, preview(text));
  }

  private ToolResult run(UniverseId universe, ToolBatchRequest.Invocation call, EffectContext context) {
    String name = call.call().name();
    Optional<McpTool> tool;
    try {
      tool = tools.find(universe, config, name);
    } catch (IllegalArgumentException e) {
      return ToolResult.error("the session's MCP settings are unusable: " + e.getMessage());
    }
    if (tool.isEmpty()) return ToolResult.error("unknown tool \"" + name + "\": no MCP server this session links offers it now");
    ObjectNode arguments;
    try {
      arguments = ToolArgs.parseObject(new String(blobs.read(universe, call.call().arguments()), StandardCharsets.UTF_8));
    } catch (ToolArgumentException e) {
      return ToolResult.error(e.getMessage());
    }
    try {
      return tool.get().invoke(arguments, new ToolContext(NO_FILES, context::aborted));
    } catch (RuntimeException e) {
      return ToolResult.error(name + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static String preview(String text) {
    return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS - 1) + "…";
  }
}
