package dev.lightspeed.tools.file;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileStat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Replaces an exact string in a text file: once (the string must then occur exactly once) or everywhere with
 * {@code replaceAll}. When the file uses CRLF line breaks and the string, written with LF, is not found as is,
 * it is tried with CRLF. An empty {@code oldString} creates a file that does not exist yet (or fills an empty
 * one). The output is {@code edited /path: replaced N occurrence(s) (line L[, L...])}, the lines being where
 * the replacements start in the new text.
 */
public final class EditFile {
  private static final int MAX_LINES_LISTED = 10;

  private EditFile() {}

  /** What to replace: the path as given, the exact text to find, its replacement, and whether to replace all. */
  public record Request(String path, String oldString, String newString, boolean replaceAll) {
    public Request {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(oldString, "oldString");
      Objects.requireNonNull(newString, "newString");
    }
  }

  public static ToolResult run(FileSession files, Request request, ToolNames names) {
    VfsPath path = files.resolve(request.path());
    if (request.oldString().equals(request.newString())) {
      return ToolResult.error("old_string and new_string are identical; there is nothing to change");
    }
    Optional<FileStat> stat = files.stat(path);
    if (stat.isPresent() && stat.get().isDirectory()) return ToolResult.error("cannot edit " + path + ": it is a directory");
    if (stat.isEmpty() || stat.get().size() == 0) {
      if (!request.oldString().isEmpty()) {
        return ToolResult.error(stat.isEmpty() ? "file not found: " + path : "old_string was not found in " + path + ", which is empty");
      }
      files.write(path, request.newString().getBytes(StandardCharsets.UTF_8));
      files.commit();
      return ToolResult.ok((stat.isEmpty() ? "created " : "wrote ") + path + " (" + request.newString().getBytes(StandardCharsets.UTF_8).length + " bytes)");
    }
    if (request.oldString().isEmpty()) {
      return ToolResult.error("old_string is empty but " + path + " is not; pass the exact text to replace, or use "
          + names.write() + " to replace the whole file");
    }
    Optional<String> decoded = Text.decodeStrict(files.read(path));
    if (decoded.isEmpty()) return ToolResult.error("cannot edit " + path + ": it is not a UTF-8 text file");
    String text = decoded.get();
    String oldString = request.oldString();
    String newString = request.newString();
    List<Integer> at = occurrences(text, oldString);
    if (at.isEmpty() && text.contains("\r\n") && oldString.contains("\n") && !oldString.contains("\r\n")) {
      oldString = oldString.replace("\n", "\r\n");
      newString = newString.replace("\r\n", "\n").replace("\n", "\r\n");
      at = occurrences(text, oldString);
    }
    if (at.isEmpty()) {
      return ToolResult.error("old_string was not found in " + path + "; read the file again with " + names.read()
          + " and copy the text exactly, including whitespace and indentation");
    }
    if (at.size() > 1 && !request.replaceAll()) {
      return ToolResult.error("old_string matched " + at.size() + " times in " + path
          + "; pass replace_all to replace every occurrence, or add surrounding context to make it unique");
    }
    StringBuilder out = new StringBuilder(text.length() + Math.max(0, newString.length() - oldString.length()) * at.size());
    List<Integer> lines = new ArrayList<>();
    int previous = 0;
    int line = 1;
    for (int start : at) {
      line += newlines(text, previous, start);
      lines.add(line);
      out.append(text, previous, start).append(newString);
      line += newlines(newString, 0, newString.length());
      previous = start + oldString.length();
    }
    out.append(text, previous, text.length());
    files.write(path, out.toString().getBytes(StandardCharsets.UTF_8));
    files.commit();
    String listed = lines.stream().limit(MAX_LINES_LISTED).map(String::valueOf).collect(Collectors.joining(", "))
        + (lines.size() > MAX_LINES_LISTED ? ", …" : "");
    return ToolResult.ok("edited " + path + ": replaced " + at.size() + (at.size() == 1 ? " occurrence" : " occurrences")
        + " (" + (lines.size() == 1 ? "line " : "lines ") + listed + ")");
  }

  private static int newlines(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) if (s.charAt(i) == '\n') n++;
    return n;
  }

  /** {@return the start of each non-overlapping occurrence of {@code needle}, left to right} */
  static List<Integer> occurrences(String text, String needle) {
    List<Integer> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int found = text.indexOf(needle, from);
      if (found < 0) return out;
      out.add(found);
      from = found + needle.length();
    }
  }
}
