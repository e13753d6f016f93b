package dev.lightspeed.tools.file;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileStat;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a whole file, creating it and its parent directories when needed. The output is one line:
 * {@code created /path (N bytes)} or {@code overwrote /path (N bytes)}.
 */
public final class WriteFile {
  private WriteFile() {}

  /** What to write: the path as given and the complete new content. */
  public record Request(String path, String content) {
    public Request {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(content, "content");
    }
  }

  public static ToolResult run(FileSession files, Request request) {
    VfsPath path = files.resolve(request.path());
    Optional<FileStat> before = files.stat(path);
    if (before.isPresent() && before.get().isDirectory()) {
      return ToolResult.error("cannot write " + path + ": it is a directory");
    }
    byte[] bytes = request.content().getBytes(StandardCharsets.UTF_8);
    files.write(path, bytes);
    files.commit();
    return ToolResult.ok((before.isPresent() ? "overwrote " : "created ") + path + " (" + bytes.length + " bytes)");
  }
}
