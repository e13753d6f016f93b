package dev.lightspeed.tools.file;

import java.util.Objects;

/**
 * How a dialect names the file tools and the arguments that messages refer to, so an error can say "use LS"
 * to a Claude-trained model and "use list_dir" to a Codex-trained one.
 */
public record ToolNames(String read, String write, String edit, String listDir, String grepLimit, String globLimit) {
  public ToolNames {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(write, "write");
    Objects.requireNonNull(edit, "edit");
    Objects.requireNonNull(listDir, "listDir");
    Objects.requireNonNull(grepLimit, "grepLimit");
    Objects.requireNonNull(globLimit, "globLimit");
  }
}
