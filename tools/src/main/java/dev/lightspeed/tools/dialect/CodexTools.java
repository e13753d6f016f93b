package dev.lightspeed.tools.dialect;

import static dev.lightspeed.engine.tool.Parallelism.EXCLUSIVE;
import static dev.lightspeed.engine.tool.Parallelism.PARALLEL_SAFE;
import static dev.lightspeed.engine.tool.RetrySafety.NOT_RETRY_SAFE;
import static dev.lightspeed.engine.tool.RetrySafety.RETRY_SAFE;

import dev.lightspeed.tools.Tool;
import dev.lightspeed.tools.file.ApplyPatch;
import dev.lightspeed.tools.file.EditFile;
import dev.lightspeed.tools.file.GlobFiles;
import dev.lightspeed.tools.file.GrepFiles;
import dev.lightspeed.tools.file.ListDir;
import dev.lightspeed.tools.file.ReadFile;
import dev.lightspeed.tools.file.ToolNames;
import dev.lightspeed.tools.file.WriteFile;
import dev.lightspeed.tools.search.SearchBounds;
import java.util.List;
import java.util.Optional;

/**
 * The Codex-style file tools: {@code read_file {path, offset?, limit?}}, {@code write_file {path, content}},
 * {@code edit_file {path, old_string, new_string, replace_all?}}, {@code apply_patch {input}},
 * {@code glob {pattern, path?, limit?}}, {@code grep {pattern, path?, include?, case_sensitive?, limit?}} (lines
 * as {@code path:line:text}) and {@code list_dir {path?}}.
 */
final class CodexTools {
  static final ToolNames NAMES = new ToolNames("read_file", "write_file", "edit_file", "list_dir", "limit", "limit");

  private CodexTools() {}

  static List<Tool> readTools(SearchBounds bounds) {
    ToolSchemas schemas = ToolSchemas.load("codex-tools.json");
    return List.of(
        new FileTool(schemas, "read_file", PARALLEL_SAFE, RETRY_SAFE, (args, files, ctx) -> ReadFile.run(files,
            new ReadFile.Request(args.requiredString("path"), args.integer("offset", 1).orElse(1),
                args.integer("limit", 1).orElse(ReadFile.DEFAULT_LIMIT)), NAMES)),
        new FileTool(schemas, "glob", PARALLEL_SAFE, RETRY_SAFE, (args, files, ctx) -> GlobFiles.run(files,
            new GlobFiles.Request(args.requiredString("pattern"), args.string("path"),
                args.integer("limit", 1).orElse(GlobFiles.DEFAULT_LIMIT)), NAMES, bounds, ctx::aborted)),
        new FileTool(schemas, "grep", PARALLEL_SAFE, RETRY_SAFE, (args, files, ctx) -> GrepFiles.run(files,
            new GrepFiles.Request(args.requiredString("pattern"), args.string("path"), args.string("include"), Optional.empty(),
                !args.bool("case_sensitive").orElse(true), GrepFiles.Mode.CONTENT, true,
                args.integer("limit", 1).orElse(GrepFiles.DEFAULT_LIMIT)), NAMES, bounds, ctx::aborted)),
        new FileTool(schemas, "list_dir", PARALLEL_SAFE, RETRY_SAFE, (args, files, ctx) -> ListDir.run(files,
            new ListDir.Request(args.string("path"), List.of()), NAMES)));
  }

  static List<Tool> editTools() {
    ToolSchemas schemas = ToolSchemas.load("codex-tools.json");
    return List.of(
        new FileTool(schemas, "write_file", EXCLUSIVE, RETRY_SAFE, (args, files, ctx) -> WriteFile.run(files,
            new WriteFile.Request(args.requiredString("path"), args.requiredString("content")))),
        new FileTool(schemas, "edit_file", EXCLUSIVE, NOT_RETRY_SAFE, (args, files, ctx) -> EditFile.run(files,
            new EditFile.Request(args.requiredString("path"), args.requiredString("old_string"), args.requiredString("new_string"),
                args.bool("replace_all").orElse(false)), NAMES)),
        new FileTool(schemas, "apply_patch", EXCLUSIVE, NOT_RETRY_SAFE, (args, files, ctx) -> ApplyPatch.run(files,
            new ApplyPatch.Request(args.requiredString("input")))));
  }
}
