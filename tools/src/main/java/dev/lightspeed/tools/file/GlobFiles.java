package dev.lightspeed.tools.file;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.VisibleOutput;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileStat;
import dev.lightspeed.tools.search.Budget;
import dev.lightspeed.tools.search.GlobPattern;
import dev.lightspeed.tools.search.SearchBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Finds files whose path, relative to the search directory, matches a glob ({@link GlobPattern}: {@code *}
 * stays within a component, {@code **} crosses them; {@code *.py} matches only in the directory itself,
 * {@code **}{@code /*.py} at any depth). A glob starting with {@code /} is matched against absolute paths. The
 * output is one absolute path per line, in path order; then, when the search stopped early, a note naming
 * the bound (the result limit, or a search bound). No match is not an error.
 */
public final class GlobFiles {
  public static final int DEFAULT_LIMIT = 1000;

  private GlobFiles() {}

  /** What to find: the glob, where to search (empty for the working directory), and the most paths to return. */
  public record Request(String pattern, Optional<String> path, int limit) {
    public Request {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(path, "path");
      if (limit < 1) throw new IllegalArgumentException("limit < 1: " + limit);
    }
  }

  public static ToolResult run(FileSession files, Request request, ToolNames names, SearchBounds bounds, BooleanSupplier aborted) {
    if (request.pattern().isBlank()) return ToolResult.error("pattern is empty");
    VfsPath base = request.path().map(files::resolve).orElse(files.workingDirectory());
    String pattern = request.pattern();
    if (pattern.startsWith("/")) {
      base = VfsPath.ROOT;
      pattern = pattern.substring(1);
    }
    Optional<FileStat> stat = files.stat(base);
    if (stat.isEmpty()) return ToolResult.error("directory not found: " + base);
    if (!stat.get().isDirectory()) return ToolResult.error(base + " is a file, not a directory");
    GlobPattern glob;
    try {
      glob = GlobPattern.compile(pattern);
    } catch (IllegalArgumentException e) {
      return ToolResult.error("invalid glob: " + e.getMessage());
    }
    VfsPath start = base;
    for (String part : GlobPattern.literalPrefix(pattern)) start = start.child(part);
    Budget budget = new Budget(bounds, aborted);
    Collector collector = new Collector(glob, base, request.limit(), budget);
    if (files.stat(start).map(FileStat::isDirectory).orElse(false)) files.walk(start, collector);
    List<VfsPath> found = collector.found;
    if (budget.stopped().orElse(null) == Budget.Stop.CANCELLED) return ToolResult.cancelled();
    StringBuilder out = new StringBuilder();
    for (VfsPath p : found) out.append(p).append('\n');
    if (found.isEmpty()) out.append("no files match ").append(request.pattern()).append(" under ").append(base).append('\n');
    if (collector.limited) {
      out.append("[stopped at ").append(request.limit()).append(" paths, the result limit; use a more specific pattern or path")
          .append(names.globLimit().isEmpty() ? "" : ", or raise " + names.globLimit()).append("]\n");
    }
    budget.note("use a more specific pattern or path").ifPresent(n -> out.append(n).append('\n'));
    out.setLength(out.length() - 1);
    return ToolResult.ok(VisibleOutput.cap(out.toString(), "use a more specific pattern or path"));
  }

  /** Collects the paths that match, up to the limit or a bound. */
  private static final class Collector implements FileSession.FileVisitor {
    final GlobPattern glob;
    final VfsPath base;
    final int limit;
    final Budget budget;
    final List<VfsPath> found = new ArrayList<>();
    boolean limited;

    Collector(GlobPattern glob, VfsPath base, int limit, Budget budget) {
      this.glob = glob;
      this.base = base;
      this.limit = limit;
      this.budget = budget;
    }

    @Override
    public boolean visit(VfsPath path, FileStat stat) {
      if (!budget.admit(0)) return false;
      if (!glob.matches(String.join("/", path.relativeTo(base)))) return true;
      if (found.size() == limit) {
        limited = true;
        return false;
      }
      found.add(path);
      return true;
    }

    @Override
    public boolean enterDirectory(VfsPath dir) {
      return budget.alive();
    }
  }
}
