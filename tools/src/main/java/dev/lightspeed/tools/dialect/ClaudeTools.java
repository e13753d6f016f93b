package dev.lightspeed.tools.dialect;

import static dev.lightspeed.engine.tool.Parallelism.EXCLUSIVE;
import static dev.lightspeed.engine.tool.Parallelism.PARALLEL_SAFE;
import static dev.lightspeed.engine.tool.RetrySafety.NOT_RETRY_SAFE;
import static dev.lightspeed.engine.tool.RetrySafety.RETRY_SAFE;

import dev.lightspeed.tools.Tool;
import dev.lightspeed.tools.ToolArgumentException;
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
 * The Claude Code-style file tools: {@code Read {file_path, offset?, limit?}}, {@code Write {file_path, content}},
 * {@code Edit {file_path, old_string, new_string, replace_all?}}, {@code Glob {pattern, path?}},
 * {@code Grep {pattern, path?, glob?, type?, output_mode?, -i?, -n?, -A?, -B?, -C?, head_limit?}} (files with
 * matches by default; context lines in content mode) and {@code LS {path, ignore?}}. Paths may be absolute or relative to the working directory.
 */
final class ClaudeTools {
  static final ToolNames NAMES = new ToolNames("Read", "Write", "Edit", "LS", "head_limit", "");

  private ClaudeTools() {}

  static List<Tool> readTools(SearchBounds bounds) {
    ToolSchemas schemas = ToolSchemas.load("claude-tools.json");
    return List.of(
        new FileTool(schemas, "Read", PARALLEL_SAFE, RETRY_SAFE, (args, files, ctx) -> ReadFile.run(files,
            new ReadFile.Request(args.requiredString("file_path"), args.integer("offset", 1).orElse(1),
                args.integer("limit", 1).orElse(ReadFile.DEFAULT_LIMIT)), NAMES)),
        new FileTool(schemas, "Glob", PARALLEL_SAFE, RETRY_SAFE, (args, files, ctx) -> GlobFiles.run(files,
            new GlobFiles.Request(args.requiredString("pattern"), args.string("path"), GlobFiles.DEFAULT_LIMIT),
            NAMES, bounds, ctx::aborted)),
        new FileTool(schemas, "Grep", PARALLEL_SAFE, RETRY_SAFE, (args, files, ctx) -> {
          int around = args.integer("-C", 0).orElse(0);
          return GrepFiles.run(files,
              new GrepFiles.Request(args.requiredString("pattern"), args.string("path"), args.string("glob"), args.string("type"),
                  args.bool("-i").orElse(false), mode(args.string("output_mode")), args.bool("-n").orElse(true),
                  args.integer("head_limit", 1).orElse(GrepFiles.DEFAULT_LIMIT),
                  args.integer("-B", 0).orElse(around), args.integer("-A", 0).orElse(around)), NAMES, bounds, ctx::aborted);
        }),
        new FileTool(schemas, "LS", PARALLEL_SAFE, RETRY_SAFE, (args, files, ctx) -> ListDir.run(files,
            new ListDir.Request(Optional.of(args.requiredString("path")), args.strings("ignore").orElse(List.of())), NAMES)));
  }

  static List<Tool> editTools() {
    ToolSchemas schemas = ToolSchemas.load("claude-tools.json");
    return List.of(
        new FileTool(schemas, "Write", EXCLUSIVE, RETRY_SAFE, (args, files, ctx) -> WriteFile.run(files,
            new WriteFile.Request(args.requiredString("file_path"), args.requiredString("content")))),
        new FileTool(schemas, "Edit", EXCLUSIVE, NOT_RETRY_SAFE, (args, files, ctx) -> EditFile.run(files,
            new EditFile.Request(args.requiredString("file_path"), args.requiredString("old_string"), args.requiredString("new_string"),
                args.bool("replace_all").orElse(false)), NAMES)));
  }

  private static GrepFiles.Mode mode(Optional<String> outputMode) {
    return switch (outputMode.orElse("files_with_matches")) {
      case "content" -> GrepFiles.Mode.CONTENT;
      case "files_with_matches" -> GrepFiles.Mode.FILES_WITH_MATCHES;
      case "count" -> GrepFiles.Mode.COUNT;
      default -> throw new ToolArgumentException("argument \"output_mode\" of Grep must be content, files_with_matches or count, not \""
          + outputMode.get() + "\"");
    };
  }
}
