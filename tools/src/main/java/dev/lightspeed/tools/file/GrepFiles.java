package dev.lightspeed.tools.file;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.VisibleOutput;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileStat;
import dev.lightspeed.tools.search.Budget;
import dev.lightspeed.tools.search.ByteSize;
import dev.lightspeed.tools.search.GlobPattern;
import dev.lightspeed.tools.search.SearchBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Searches file contents, line by line, with a Java regular expression. Output by mode:
 * {@code CONTENT} gives {@code path:line:text} per matching line ({@code path:text} without line numbers,
 * text clipped to {@value #MAX_LINE_CHARS} characters); {@code FILES_WITH_MATCHES} one path per line;
 * {@code COUNT} {@code path:count} per file. Files are visited in path order; binary files (a NUL byte early
 * on) are skipped. {@code include} (a glob on the file name, or on the path relative to the search directory
 * when it contains {@code /}) and {@code type} narrow the files. The search stops at {@code limit} output
 * lines or at a {@link SearchBounds} bound, and a last note names which. No match is not an error.
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

  /** What to search for, where, in which files, and how to show it. */
  public record Request(
      String pattern, Optional<String> path, Optional<String> include, Optional<String> type,
      boolean ignoreCase, Mode mode, boolean lineNumbers, int limit) {
    public Request {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(include, "include");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(mode, "mode");
      if (limit < 1) throw new IllegalArgumentException("limit < 1: " + limit);
    }
  }

  public static ToolResult run(FileSession files, Request request, ToolNames names, SearchBounds bounds, BooleanSupplier aborted) {
    Pattern regex;
    try {
      regex = Pattern.compile(request.pattern(),
          Pattern.MULTILINE | (request.ignoreCase() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
    } catch (PatternSyntaxException e) {
      return ToolResult.error("invalid regex \"" + request.pattern() + "\": " + e.getDescription()
          + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + " (Java regex syntax; escape special characters with \\)");
    }
    VfsPath base = request.path().map(files::resolve).orElse(files.workingDirectory());
    Optional<FileStat> stat = files.stat(base);
    if (stat.isEmpty()) return ToolResult.error("file not found: " + base);
    FileFilter filter;
    try {
      filter = FileFilter.of(request.include(), request.type());
    } catch (IllegalArgumentException e) {
      return ToolResult.error(e.getMessage());
    }
    Budget budget = new Budget(bounds, aborted);
    Search search = new Search(files, regex, request, base, filter, budget);
    files.walk(base, search);
    if (budget.stopped().orElse(null) == Budget.Stop.CANCELLED) return ToolResult.cancelled();
    StringBuilder out = new StringBuilder();
    for (String line : search.output) out.append(line).append('\n');
    if (search.output.isEmpty()) out.append("No matches found\n");
    String narrow = "narrow the pattern, the path or the file filter";
    if (search.limited) {
      out.append("[stopped at ").append(request.limit()).append(switch (request.mode()) {
        case CONTENT -> " matching lines";
        case FILES_WITH_MATCHES, COUNT -> " files";
      }).append(", the result limit; ").append(narrow).append(", or raise ").append(names.grepLimit()).append("]\n");
    }
    budget.note(narrow).ifPresent(n -> out.append(n).append('\n'));
    if (search.skippedLarge > 0) {
      out.append("[skipped ").append(search.skippedLarge).append(search.skippedLarge == 1 ? " file" : " files")
          .append(" over ").append(ByteSize.format(bounds.maxFileBytes())).append("]\n");
    }
    out.setLength(out.length() - 1);
    return ToolResult.ok(VisibleOutput.cap(out.toString(), narrow + ", or lower " + names.grepLimit()));
  }

  /** Walks the files, collecting output lines until the limit or a bound. */
  private static final class Search implements FileSession.FileVisitor {
    final FileSession files;
    final Matcher matcher;
    final Request request;
    final VfsPath base;
    final FileFilter filter;
    final Budget budget;
    final List<String> output = new ArrayList<>();
    boolean limited;
    int skippedLarge;

    Search(FileSession files, Pattern regex, Request request, VfsPath base, FileFilter filter, Budget budget) {
      this.files = files;
      this.matcher = regex.matcher("");
      this.request = request;
      this.base = base;
      this.filter = filter;
      this.budget = budget;
    }

    @Override
    public boolean enterDirectory(VfsPath dir) {
      return budget.alive();
    }

    @Override
    public boolean visit(VfsPath path, FileStat stat) {
      if (!path.equals(base) && !filter.accepts(path, base)) return true;
      if (stat.size() > budget.bounds().maxFileBytes()) {
        skippedLarge++;
        return true;
      }
      if (!budget.admit(stat.size())) return false;
      byte[] bytes = files.read(path);
      if (Text.looksBinary(bytes)) return true;
      return scan(path, Text.decodeLenient(bytes));
    }

    /**
     * Finds the matching lines of one file; {@return false once the limit is reached}. The regex first runs
     * over the whole text (in multi-line mode) to jump to the next line that may match, then that line is
     * checked on its own, so a file without matches costs one regex scan.
     */
    private boolean scan(VfsPath path, String text) {
      if (text.isEmpty()) return true;
      matcher.reset(text);
      int count = 0;
      int lineNumber = 1;
      int counted = 0;
      int from = 0;
      while (from <= text.length() && matcher.find(from)) {
        int lineStart = text.lastIndexOf('\n', matcher.start() - 1) + 1;
        if (lineStart < from) lineStart = from;
        int lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = text.length();
        if (lineStart == text.length() && lineStart > 0) break;
        int contentEnd = lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
        for (int i = counted; i < lineStart; i++) if (text.charAt(i) == '\n') lineNumber++;
        counted = lineStart;
        if (matcher.region(lineStart, contentEnd).find()) {
          count++;
          switch (request.mode()) {
            case CONTENT -> {
              if (!record(request.lineNumbers()
                  ? path + ":" + lineNumber + ":" + Text.clip(text.substring(lineStart, contentEnd), MAX_LINE_CHARS)
                  : path + ":" + Text.clip(text.substring(lineStart, contentEnd), MAX_LINE_CHARS))) {
                return false;
              }
            }
            case FILES_WITH_MATCHES -> {
              return record(path.toString());
            }
            case COUNT -> { }
          }
        }
        from = lineEnd + 1;
      }
      if (request.mode() == Mode.COUNT && count > 0) return record(path + ":" + count);
      return true;
    }

    private boolean record(String line) {
      if (output.size() == request.limit()) {
        limited = true;
        return false;
      }
      output.add(line);
      return true;
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
