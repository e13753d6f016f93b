package dev.lightspeed.tools.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.tools.Tool;
import dev.lightspeed.tools.ToolArgs;
import dev.lightspeed.tools.ToolArgumentException;
import dev.lightspeed.tools.ToolContext;
import dev.lightspeed.tools.ToolDefinition;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FsException;
import java.util.Set;

/**
 * A file tool of one dialect: its definition, read from the dialect's schemas, and a handler that maps the
 * dialect's arguments onto a file operation. Argument and file-system errors become error results here.
 */
final class FileTool implements Tool {
  /** Maps a call's arguments onto an operation, on a fresh session of the call's file system. */
  @FunctionalInterface
  interface Handler {
    ToolResult handle(ToolArgs args, FileSession files, ToolContext context);
  }

  private final ToolDefinition definition;
  private final Set<String> accepted;
  private final Handler handler;

  FileTool(ToolSchemas schemas, String name, Parallelism parallelism, RetrySafety retrySafety, Handler handler) {
    this.definition = new ToolDefinition(name, schemas.description(name), schemas.parameters(name), parallelism, retrySafety);
    this.accepted = schemas.argumentNames(name);
    this.handler = handler;
  }

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  @Override
  public ToolResult invoke(ObjectNode arguments, ToolContext context) {
    try {
      ToolArgs args = ToolArgs.of(definition.name(), arguments, accepted);
      return handler.handle(args, context.files().open(), context);
    } catch (ToolArgumentException | FsException e) {
      return ToolResult.error(e.getMessage());
    }
  }
}
