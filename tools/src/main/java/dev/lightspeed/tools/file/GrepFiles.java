package dev.lightspeed.tools.file;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.VisibleOutput;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileWalker;
import dev.lightspeed.tools.search.Budget;
import dev.lightspeed.tools.search.ByteSize;
import dev.lightspeed.tools.search.GlobPattern;
import dev.lightspeed.tools.search.SearchBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Searches file contents with a Java regular expression, each line matched on its own (so {@code ^} and {@code $}
 * match at the line's ends and {@code ^$} finds empty lines; lines end at {@code \n}, a {@code \r} before it
 * dropped). Output by mode:
 * {@code CONTENT} gives {@code path:line:text} per matching line ({@code path:text} without line numbers,
 * text clipped to {@value #MAX_LINE_CHARS} characters); {@code FILES_WITH_MATCHES} one path per line;
 * {@code COUNT} {@code path:count} per file. Files are visited in path order; binary files (a NUL byte early
 * on) are skipped. {@code include} (a glob on the file name, or on the path relative to the search directory
 * when it contains {@code /}) and {@code type} narrow the files. The search stops at {@code limit} output
 * lines or at a {@link SearchBounds} bound, and a last note names which. No match is not an error. Files are
 * read and searched on several threads ({@link ParallelScan}) with the same output as one would give.
 */
public final class GrepFiles {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LINE_CHARS = 500;

  private GrepFiles() {}

  /** Which lines the output shows. */
  public enum Mode {
    CONTENT,
    FILES_WITH_MATCHES,
    COUNT
  }

  /**
   * What to search for, where, in which files, and how to show it; {@code before} and {@code after} are the
   * context lines shown around each match in {@code CONTENT} mode.
   */
  public record Request(
      String pattern, Optional<String> path, Optional<String> include, Optional<String> type,
      boolean ignoreCase, Mode mode, boolean lineNumbers, int limit, int before, int after) {
    public Request {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(include, "include");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(mode, "mode");
      if (limit < 1) throw new IllegalArgumentException("limit < 1: " + limit);
      if (before < 0 || after < 0) throw new IllegalArgumentException("context lines < 0: " + before + ", " + after);
    }

    /** A request without context lines. */
    public Request(String pattern, Optional<String> path, Optional<String> include, Optional<String> type,
        boolean ignoreCase, Mode mode, boolean lineNumbers, int limit) {
      this(pattern, path, include, type, ignoreCase, mode, lineNumbers, limit, 0, 0);
    }

    boolean showsContext() {
      return mode == Mode.CONTENT && (before > 0 || after > 0);
    }
  }

  public static ToolResult run(FileSession files, Request request, ToolNames names, SearchBounds bounds, BooleanSupplier aborted) {
    Pattern regex;
    try {
      regex = Pattern.compile(request.pattern(), request.ignoreCase() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    } catch (PatternSyntaxException e) {
      return ToolResult.error("invalid regex \"" + request.pattern() + "\": " + e.getDescription()
          + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + " (Java regex syntax; escape special characters with \\)");
    }
    VfsPath base = request.path().map(files::resolve).orElse(files.workingDirectory());
    if (files.stat(base).isEmpty()) return ToolResult.error("file not found: " + base);
    FileFilter filter;
    try {
      filter = FileFilter.of(request.include(), request.type());
    } catch (IllegalArgumentException e) {
      return ToolResult.error(e.getMessage());
    }
    Budget budget = new Budget(bounds, aborted);
    FileWalker walker = FileWalker.from(files, base, dir -> budget.alive());
    ParallelScan.Result found = ParallelScan.run(walker, budget,
        new Scanner(files, LineFinder.of(regex, request.ignoreCase()), request, base, filter, bounds), request.limit(),
        request.showsContext() ? ContextLines.SEPARATOR : null);
    if (!found.limited() && budget.stopped().orElse(null) == Budget.Stop.CANCELLED) return ToolResult.cancelled();
    StringBuilder out = new StringBuilder();
    for (String line : found.lines()) out.append(line).append('\n');
    if (found.lines().isEmpty()) out.append("No matches found\n");
    String narrow = "narrow the pattern, the path or the file filter";
    if (found.limited()) {
      out.append("[stopped at ").append(request.limit()).append(switch (request.mode()) {
        case CONTENT -> request.showsContext() ? " lines" : " matching lines";
        case FILES_WITH_MATCHES, COUNT -> " files";
      }).append(", the result limit; ").append(narrow).append(", or raise ").append(names.grepLimit()).append("]\n");
    } else {
      budget.note(narrow).ifPresent(n -> out.append(n).append('\n'));
    }
    if (found.tooLarge() > 0) {
      out.append("[skipped ").append(found.tooLarge()).append(found.tooLarge() == 1 ? " file" : " files")
          .append(" over ").append(ByteSize.format(bounds.maxFileBytes())).append("]\n");
    }
    out.setLength(out.length() - 1);
    return ToolResult.ok(VisibleOutput.cap(out.toString(), narrow + ", or lower " + names.grepLimit()));
  }

  /** Chooses the files to read and turns one file's matching lines into output lines. */
  private record Scanner(FileSession files, LineFinder finder, Request request, VfsPath base, FileFilter filter, SearchBounds bounds)
      implements ParallelScan.FileScanner {
    @Override
    public ParallelScan.Choice choose(FileWalker.Entry file) {
      if (!file.path().equals(base) && !filter.accepts(file.path(), base)) return ParallelScan.Choice.IGNORE;
      if (file.stat().size() > bounds.maxFileBytes()) return ParallelScan.Choice.TOO_LARGE;
      return ParallelScan.Choice.SCAN;
    }

    @Override
    public List<String> scan(FileWalker.Entry file, int cap) {
      byte[] bytes = files.read(file.path());
      if (Text.looksBinary(bytes)) return List.of();
      String text = Text.decodeLenient(bytes);
      VfsPath path = file.path();
      if (request.showsContext()) return ContextLines.scan(finder, text, path.toString(), request, cap);
      List<String> out = new ArrayList<>();
      int[] count = {0};
      finder.find(text, (number, start, end) -> {
        count[0]++;
        return switch (request.mode()) {
          case CONTENT -> {
            String shown = Text.clip(text.substring(start, end), MAX_LINE_CHARS);
            out.add(request.lineNumbers() ? path + ":" + number + ":" + shown : path + ":" + shown);
            yield out.size() < cap;
          }
          case FILES_WITH_MATCHES -> {
            out.add(path.toString());
            yield false;
          }
          case COUNT -> true;
        };
      });
      if (request.mode() == Mode.COUNT && count[0] > 0) out.add(path + ":" + count[0]);
      return out;
    }
  }

  /** Which files a search reads: by an include glob and by a file type's extensions. */
  private record FileFilter(Optional<GlobPattern> include, Optional<GlobPattern> type) {
    static FileFilter of(Optional<String> include, Optional<String> type) {
      Optional<GlobPattern> glob = include.filter(s -> !s.isBlank()).map(g -> {
        try {
          return GlobPattern.compile(g);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("invalid include glob: " + e.getMessage());
        }
      });
      return new FileFilter(glob, type.filter(s -> !s.isBlank()).map(FileTypes::glob));
    }

    boolean accepts(VfsPath path, VfsPath base) {
      String name = path.name().orElse("");
      if (type.isPresent() && !type.get().matches(name)) return false;
      if (include.isEmpty()) return true;
      GlobPattern g = include.get();
      return g.isNameOnly() ? g.matches(name) : g.matches(String.join("/", path.relativeTo(base)));
    }
  }
}
