package dev.lightspeed.tools.patch;

import dev.lightspeed.tools.patch.Patch.Chunk;
import dev.lightspeed.tools.patch.Patch.Line;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies an update's chunks to a file's text. Chunks are placed in order, each at or after the end of the one
 * before; a chunk with a header first finds the header line. Lines kept by a chunk keep the file's own text
 * (a fuzzy match never rewrites them); removed lines go and added lines come from the patch. A chunk that only
 * adds lines, with nothing to keep or remove, inserts them right after its header line, or appends them at the
 * end of the file when it has no header. The result always ends
 * with a line break, using the file's own convention ({@code \r\n} when every line of the file had one).
 */
public final class PatchedText {
  private PatchedText() {}

  /** A placed chunk: replace {@code length} lines at {@code start} with {@code replacement}. */
  private record Edit(int start, int length, List<String> replacement) {}

  /**
   * {@return {@code text} with {@code chunks} applied}
   *
   * @param path the file's path, for messages
   * @throws PatchException when a chunk's lines (or header) cannot be found
   */
  public static String apply(String text, List<Chunk> chunks, String path) throws PatchException {
    boolean crlf = text.contains("\r\n") && !text.replace("\r\n", "").contains("\n");
    String body = crlf ? text.replace("\r\n", "\n") : text;
    List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    List<Edit> edits = new ArrayList<>();
    int cursor = 0;
    for (Chunk chunk : chunks) {
      if (chunk.header().isPresent()) {
        int found = LineMatcher.find(lines, List.of(chunk.header().get()), cursor, false);
        if (found < 0) throw new PatchException("could not find the line '" + chunk.header().get() + "' (after @@) in " + path);
        cursor = found + 1;
      }
      List<String> old = chunk.oldLines();
      if (old.isEmpty()) {
        int at = chunk.header().isPresent() ? cursor : lines.size();
        edits.add(new Edit(at, 0, added(chunk.lines())));
        continue;
      }
      List<Line> chunkLines = chunk.lines();
      int start = LineMatcher.find(lines, old, cursor, chunk.endOfFile());
      if (start < 0 && old.get(old.size() - 1).isEmpty()) {
        old = old.subList(0, old.size() - 1);
        chunkLines = withoutTrailingEmptyKeep(chunkLines);
        start = old.isEmpty() ? -1 : LineMatcher.find(lines, old, cursor, chunk.endOfFile());
      }
      if (start < 0) {
        throw new PatchException("could not find the lines to change in " + path + "; read the file again and copy them exactly:\n" + String.join("\n", chunk.oldLines()));
      }
      edits.add(new Edit(start, old.size(), replacement(chunkLines, lines, start)));
      cursor = start + old.size();
    }
    edits.sort(Comparator.comparingInt(Edit::start));
    for (int i = edits.size() - 1; i >= 0; i--) {
      Edit e = edits.get(i);
      List<String> region = lines.subList(e.start(), e.start() + e.length());
      region.clear();
      region.addAll(e.replacement());
    }
    String eol = crlf ? "\r\n" : "\n";
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (String line : lines) out.append(line).append(eol);
    return out.toString();
  }

  private static List<String> added(List<Line> chunkLines) {
    return chunkLines.stream().filter(l -> l.kind() == Patch.LineKind.ADD).map(Line::text).toList();
  }

  private static List<Line> withoutTrailingEmptyKeep(List<Line> chunkLines) {
    for (int i = chunkLines.size() - 1; i >= 0; i--) {
      if (chunkLines.get(i).kind() != Patch.LineKind.ADD) {
        List<Line> copy = new ArrayList<>(chunkLines);
        copy.remove(i);
        return copy;
      }
    }
    return chunkLines;
  }

  /** {@return the lines replacing the matched region: the file's own kept lines, and the added ones} */
  private static List<String> replacement(List<Line> chunkLines, List<String> file, int start) {
    List<String> out = new ArrayList<>();
    int at = start;
    for (Line line : chunkLines) {
      switch (line.kind()) {
        case KEEP -> out.add(file.get(at++));
        case REMOVE -> at++;
        case ADD -> out.add(line.text());
      }
    }
    return out;
  }
}
