package dev.lightspeed.tools.file;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.VisibleOutput;
import dev.lightspeed.tools.fs.DirEntry;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileStat;
import dev.lightspeed.tools.search.GlobPattern;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists one directory. The first line is the directory's absolute path ending in {@code /}; then one entry per
 * line, indented by two spaces, in name order, directories ending in {@code /}. An empty directory shows
 * {@code   (empty)}. At most {@value #MAX_ENTRIES} entries are shown, then a note says how many were left out.
 * {@code ignore} globs drop entries by name.
 */
public final class ListDir {
  public static final int MAX_ENTRIES = 1000;

  private ListDir() {}

  /** What to list: the path as given (empty for the working directory) and name globs to leave out. */
  public record Request(Optional<String> path, List<String> ignore) {
    public Request {
      Objects.requireNonNull(path, "path");
      ignore = List.copyOf(ignore);
    }
  }

  public static ToolResult run(FileSession files, Request request, ToolNames names) {
    VfsPath dir = request.path().map(files::resolve).orElse(files.workingDirectory());
    Optional<FileStat> stat = files.stat(dir);
    if (stat.isEmpty()) return ToolResult.error("directory not found: " + dir);
    if (!stat.get().isDirectory()) return ToolResult.error(dir + " is a file, not a directory; use " + names.read() + " to read it");
    List<GlobPattern> ignore;
    try {
      ignore = request.ignore().stream().map(GlobPattern::compile).toList();
    } catch (IllegalArgumentException e) {
      return ToolResult.error("invalid ignore pattern: " + e.getMessage());
    }
    List<DirEntry> entries = files.list(dir).stream()
        .filter(e -> ignore.stream().noneMatch(g -> g.matches(e.name()))).toList();
    StringBuilder out = new StringBuilder(dir.isRoot() ? "/" : dir + "/");
    if (entries.isEmpty()) out.append("\n  (empty)");
    for (int i = 0; i < entries.size() && i < MAX_ENTRIES; i++) {
      DirEntry e = entries.get(i);
      out.append("\n  ").append(e.name()).append(e.isDirectory() ? "/" : "");
    }
    if (entries.size() > MAX_ENTRIES) {
      out.append("\n[").append(entries.size() - MAX_ENTRIES).append(" more entries not shown; list a subdirectory or search with a pattern]");
    }
    return ToolResult.ok(VisibleOutput.cap(out.toString(), "list a subdirectory instead"));
  }
}
