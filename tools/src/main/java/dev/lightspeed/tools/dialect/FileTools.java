package dev.lightspeed.tools.dialect;

import dev.lightspeed.tools.Tool;
import dev.lightspeed.tools.ToolRegistry;
import dev.lightspeed.tools.search.SearchBounds;
import dev.lightspeed.tools.vfs.ToolSurface;
import dev.lightspeed.tools.vfs.VfsFeature;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in file tools by dialect and surface: what a session gets for its API kind and its
 * {@code features.vfs.tools}. Reading tools (read, glob, grep, list) are parallel-safe and safe to retry;
 * writing tools are exclusive, and the ones whose second run could differ from the first (edit, apply_patch)
 * are marked not retry-safe.
 */
public final class FileTools {
  private FileTools() {}

  /** {@return the tools of {@code dialect} for {@code surface}, reading tools first} */
  public static List<Tool> of(Dialect dialect, ToolSurface surface) {
    return of(dialect, surface, SearchBounds.DEFAULT);
  }

  /** {@return the tools of {@code dialect} for {@code surface}, searches bounded by {@code bounds}} */
  public static List<Tool> of(Dialect dialect, ToolSurface surface, SearchBounds bounds) {
    List<Tool> tools = new ArrayList<>(switch (dialect) {
      case CODEX -> CodexTools.readTools(bounds);
      case CLAUDE -> ClaudeTools.readTools(bounds);
    });
    if (surface == ToolSurface.EDIT) {
      tools.addAll(switch (dialect) {
        case CODEX -> CodexTools.editTools();
        case CLAUDE -> ClaudeTools.editTools();
      });
    }
    return List.copyOf(tools);
  }

  /**
   * {@return the file tools of a session whose config has {@code feature}, in the dialect of its model's
   * {@code apiKind}; none when the feature grants no tools}
   */
  public static List<Tool> forSession(VfsFeature feature, String apiKind) {
    return feature.tools().map(surface -> of(Dialect.forApiKind(apiKind), surface)).orElse(List.of());
  }

  /** {@return every file tool of both dialects: what a host serves, whichever tools each session was given} */
  public static ToolRegistry all() {
    List<Tool> tools = new ArrayList<>();
    for (Dialect d : Dialect.values()) tools.addAll(of(d, ToolSurface.EDIT));
    return ToolRegistry.of(tools);
  }
}
