package dev.lightspeed.tools.run;

import dev.lightspeed.tools.Tool;
import dev.lightspeed.tools.ToolArgs;
import dev.lightspeed.tools.ToolArgumentException;
import dev.lightspeed.tools.ToolContext;
import dev.lightspeed.tools.ToolRegistry;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.VisibleOutput;
import dev.lightspeed.tools.dialect.FileTools;
import dev.lightspeed.tools.fs.LocalFileSystem;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one file tool, of either dialect, against a local directory and returns what the model would see. This
 * is what {@code lightspeed tool run} and the apply_patch conformance suite use.
 */
public final class LocalToolRun {
  private static final ToolRegistry TOOLS = FileTools.all();

  private LocalToolRun() {}

  /** The visible output and whether the tool reported an error. */
  public record Outcome(String output, boolean error) {
    public Outcome {
      Objects.requireNonNull(output, "output");
    }
  }

  /** {@return the names of the tools that can be run} */
  public static ToolRegistry tools() {
    return TOOLS;
  }

  /**
   * Runs {@code tool} with {@code argumentsJson} on the directory {@code root}.
   *
   * @throws IllegalArgumentException when there is no such tool or {@code root} is not a directory
   */
  public static Outcome run(String tool, Path root, String argumentsJson) {
    Optional<Tool> found = TOOLS.find(tool);
    if (found.isEmpty()) {
      throw new IllegalArgumentException("unknown tool \"" + tool + "\"; the tools are " + String.join(", ", TOOLS.names()));
    }
    LocalFileSystem files;
    try {
      files = new LocalFileSystem(root);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot use " + root + " as the root: " + e.getMessage(), e);
    }
    ToolResult result;
    try {
      result = found.get().invoke(ToolArgs.parseObject(argumentsJson), ToolContext.of(files));
    } catch (ToolArgumentException e) {
      result = ToolResult.error(e.getMessage());
    }
    return new Outcome(VisibleOutput.cap(result.text(), "ask for less"), result.isError());
  }
}
