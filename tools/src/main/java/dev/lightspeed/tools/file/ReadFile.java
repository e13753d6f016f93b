package dev.lightspeed.tools.file;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.VisibleOutput;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileStat;
import dev.lightspeed.tools.fs.FsException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a text file as numbered lines: each line is its 1-based number right-aligned in six columns, a tab,
 * and the line's text (without its line break; lines over {@value #MAX_LINE_CHARS} characters are clipped).
 * {@code offset} is the first line to show and {@code limit} how many. When lines remain, a last line says
 * which were shown and which {@code offset} reads on. Output stays within the visible cap by stopping at a
 * whole line. Binary files and directories are errors; an empty file is reported as such.
 */
public final class ReadFile {
  public static final int DEFAULT_LIMIT = 2000;
  public static final int MAX_LINE_CHARS = 2000;
  private static final int NOTE_RESERVE = 200;

  private ReadFile() {}

  /** What to read: the path as given, the first line (1-based) and the most lines. */
  public record Request(String path, int offset, int limit) {
    public Request {
      Objects.requireNonNull(path, "path");
      if (offset < 1) throw new IllegalArgumentException("offset < 1: " + offset);
      if (limit < 1) throw new IllegalArgumentException("limit < 1: " + limit);
    }
  }

  public static ToolResult run(FileSession files, Request request, ToolNames names) {
    VfsPath path = files.resolve(request.path());
    Optional<FileStat> stat = files.stat(path);
    if (stat.isEmpty()) return ToolResult.error(FsException.notFound(path).getMessage());
    if (stat.get().isDirectory()) {
      return ToolResult.error(path + " is a directory, not a file; use " + names.listDir() + " to see what it holds");
    }
    byte[] bytes = files.read(path);
    if (bytes.length == 0) return ToolResult.ok("(" + path + " is empty)");
    if (Text.looksBinary(bytes)) {
      return ToolResult.error(path + " is a binary file (" + bytes.length + " bytes); it cannot be shown as text");
    }
    String text = Text.decodeLenient(bytes);
    int total = countLines(text);
    if (request.offset() > total) {
      return ToolResult.error("offset " + request.offset() + " is past the end of " + path + ", which has " + total
          + (total == 1 ? " line" : " lines"));
    }
    StringBuilder out = new StringBuilder();
    int budget = VisibleOutput.MAX_BYTES - NOTE_RESERVE;
    int used = 0;
    int line = 0;
    int shownTo = request.offset() - 1;
    int last = (int) Math.min((long) request.offset() + request.limit() - 1, total);
    boolean capped = false;
    int start = 0;
    while (start <= text.length() && line < last) {
      int end = text.indexOf('\n', start);
      if (end < 0) end = text.length();
      line++;
      if (line >= request.offset()) {
        String content = text.substring(start, end);
        if (content.endsWith("\r")) content = content.substring(0, content.length() - 1);
        String formatted = String.format("%6d\t%s", line, Text.clip(content, MAX_LINE_CHARS)) + "\n";
        int size = formatted.getBytes(StandardCharsets.UTF_8).length;
        if (used + size > budget && line > request.offset()) {
          capped = true;
          break;
        }
        out.append(formatted);
        used += size;
        shownTo = line;
      }
      start = end + 1;
    }
    if (shownTo < total) {
      String range = "lines " + request.offset() + "-" + shownTo + " of " + total;
      out.append(capped
          ? "[output capped at 64 KiB: showing " + range + "; pass offset=" + (shownTo + 1) + " (and a smaller limit) to read on]"
          : "[showing " + range + "; pass offset=" + (shownTo + 1) + " to read on]");
    } else if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
      out.setLength(out.length() - 1);
    }
    return ToolResult.ok(out.toString());
  }

  /** {@return the number of lines: line breaks, plus one for text after the last break} */
  static int countLines(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') count++;
    return text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? count : count + 1;
  }
}
