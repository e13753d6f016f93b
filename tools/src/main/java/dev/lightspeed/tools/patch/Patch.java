package dev.lightspeed.tools.patch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed patch in the Codex {@code apply_patch} format: file operations applied in order. Paths are as
 * written in the patch, resolved by whoever applies it.
 */
public record Patch(List<Hunk> hunks) {
  public Patch {
    hunks = List.copyOf(hunks);
  }

  /** One file operation. */
  public sealed interface Hunk {
    String path();

    /** {@code *** Add File:} creates (or replaces) a file with exactly these lines. */
    record AddFile(String path, List<String> lines) implements Hunk {
      public AddFile {
        Objects.requireNonNull(path, "path");
        lines = List.copyOf(lines);
      }

      /** {@return the new file's text: the lines, each ending with a newline} */
      public String content() {
        StringBuilder out = new StringBuilder();
        for (String line : lines) out.append(line).append('\n');
        return out.toString();
      }
    }

    /** {@code *** Delete File:} removes a file. */
    record DeleteFile(String path) implements Hunk {
      public DeleteFile {
        Objects.requireNonNull(path, "path");
      }
    }

    /** {@code *** Update File:} changes a file by chunks, optionally moving it ({@code *** Move to:}). */
    record UpdateFile(String path, Optional<String> moveTo, List<Chunk> chunks) implements Hunk {
      public UpdateFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(moveTo, "moveTo");
        chunks = List.copyOf(chunks);
      }
    }
  }

  /**
   * One {@code @@} section of an update: an optional header line to find first, then lines kept, removed and
   * added; {@code endOfFile} anchors it at the end of the file.
   */
  public record Chunk(Optional<String> header, List<Line> lines, boolean endOfFile) {
    public Chunk {
      Objects.requireNonNull(header, "header");
      lines = List.copyOf(lines);
    }

    /** {@return the lines the file must hold for the chunk to apply: kept and removed ones, in order} */
    public List<String> oldLines() {
      return lines.stream().filter(l -> l.kind() != LineKind.ADD).map(Line::text).toList();
    }
  }

  /** Whether a chunk line is kept ({@code ' '}), removed ({@code '-'}) or added ({@code '+'}). */
  public enum LineKind {
    KEEP,
    REMOVE,
    ADD
  }

  /** One line of a chunk, without its marker character. */
  public record Line(LineKind kind, String text) {
    public Line {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
    }
  }
}
