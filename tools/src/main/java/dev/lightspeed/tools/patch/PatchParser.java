package dev.lightspeed.tools.patch;

import dev.lightspeed.tools.patch.Patch.Chunk;
import dev.lightspeed.tools.patch.Patch.Hunk;
import dev.lightspeed.tools.patch.Patch.Line;
import dev.lightspeed.tools.patch.Patch.LineKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Codex patch format:
 *
 * <pre>
 * *** Begin Patch
 * *** Add File: PATH        followed by lines starting with +
 * *** Delete File: PATH
 * *** Update File: PATH     optionally followed by *** Move to: PATH, then chunks:
 * &#64;&#64; [header line]          lines starting with ' ' (keep), - (remove), + (add); *** End of File anchors
 * *** End Patch
 * </pre>
 *
 * <p>Lenient in the ways models stray: a shell heredoc around the patch ({@code <<'EOF'} ... {@code EOF}, with
 * or without a leading {@code apply_patch}) is unwrapped; marker lines may carry surrounding whitespace; CRLF
 * line ends are accepted; the first chunk of an update may omit its {@code @@}; an empty line inside a chunk
 * is an empty kept line. Everything else that does not fit is a {@link PatchException} naming the line.
 */
public final class PatchParser {
  private static final String BEGIN = "*** Begin Patch";
  private static final String END = "*** End Patch";
  private static final String ADD = "*** Add File:";
  private static final String DELETE = "*** Delete File:";
  private static final String UPDATE = "*** Update File:";
  private static final String MOVE = "*** Move to:";
  private static final String END_OF_FILE = "*** End of File";
  private static final Pattern HEREDOC = Pattern.compile("(?:apply_patch\\s+)?<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");

  private final List<String> lines;
  private final int firstLineNumber;
  private int at;

  private PatchParser(List<String> lines, int firstLineNumber) {
    this.lines = lines;
    this.firstLineNumber = firstLineNumber;
  }

  /** {@return the patch {@code text} holds} @throws PatchException naming the line that does not fit */
  public static Patch parse(String text) throws PatchException {
    List<String> all = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    all.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
    int first = 0;
    int last = all.size() - 1;
    while (first <= last && all.get(first).isBlank()) first++;
    while (last >= first && all.get(last).isBlank()) last--;
    if (first > last) throw new PatchException("the patch is empty; it must start with '" + BEGIN + "'");
    Matcher heredoc = HEREDOC.matcher(all.get(first).strip());
    if (heredoc.matches()) {
      first++;
      if (last >= first && all.get(last).strip().equals(heredoc.group(2))) last--;
      while (first <= last && all.get(first).isBlank()) first++;
      while (last >= first && all.get(last).isBlank()) last--;
    }
    if (first > last || !all.get(first).strip().equals(BEGIN)) {
      throw new PatchException("the patch must start with '" + BEGIN + "' (line " + (first + 1) + ")");
    }
    if (last == first || !all.get(last).strip().equals(END)) {
      throw new PatchException("the patch must end with '" + END + "' (line " + (last + 1) + ")");
    }
    return new PatchParser(all.subList(first + 1, last), first + 2).hunks();
  }

  private Patch hunks() throws PatchException {
    List<Hunk> hunks = new ArrayList<>();
    while (at < lines.size()) {
      String line = lines.get(at);
      String marker = line.strip();
      if (line.isBlank()) {
        at++;
      } else if (marker.startsWith(ADD)) {
        hunks.add(addFile(path(marker, ADD)));
      } else if (marker.startsWith(DELETE)) {
        hunks.add(new Hunk.DeleteFile(path(marker, DELETE)));
        at++;
      } else if (marker.startsWith(UPDATE)) {
        hunks.add(updateFile(path(marker, UPDATE)));
      } else {
        throw error("'" + line + "' is not a valid hunk header; expected '" + ADD + " PATH', '" + DELETE + " PATH' or '"
            + UPDATE + " PATH'");
      }
    }
    if (hunks.isEmpty()) throw new PatchException("the patch contains no file operations");
    return new Patch(hunks);
  }

  private Hunk addFile(String path) throws PatchException {
    at++;
    List<String> content = new ArrayList<>();
    int blanks = 0;
    while (at < lines.size() && !isHeader(lines.get(at))) {
      String line = lines.get(at);
      if (line.startsWith("+")) {
        for (; blanks > 0; blanks--) content.add("");
        content.add(line.substring(1));
      } else if (line.isEmpty()) {
        blanks++;
      } else {
        throw error("every line of an added file must start with '+' (adding " + path + "), got '" + line + "'");
      }
      at++;
    }
    return new Hunk.AddFile(path, content);
  }

  private Hunk updateFile(String path) throws PatchException {
    at++;
    Optional<String> moveTo = Optional.empty();
    if (at < lines.size() && lines.get(at).strip().startsWith(MOVE)) {
      moveTo = Optional.of(path(lines.get(at).strip(), MOVE));
      at++;
    }
    List<Chunk> chunks = new ArrayList<>();
    while (at < lines.size() && !isHeader(lines.get(at))) {
      if (lines.get(at).isBlank() && blanksBeforeMarker()) {
        at++;
        continue;
      }
      chunks.add(chunk(path, chunks.isEmpty()));
    }
    if (chunks.isEmpty()) throw error("the update of " + path + " has no changes; add a chunk starting with @@");
    return new Hunk.UpdateFile(path, moveTo, chunks);
  }

  private Chunk chunk(String path, boolean first) throws PatchException {
    Optional<String> header = Optional.empty();
    String opening = lines.get(at);
    if (opening.strip().startsWith("@@")) {
      String rest = opening.strip().substring(2).strip();
      if (!rest.isEmpty()) header = Optional.of(rest);
      at++;
    } else if (!first || !startsChunkLine(opening)) {
      throw error("expected a chunk starting with @@ in the update of " + path + ", got '" + opening + "'");
    }
    List<Line> body = new ArrayList<>();
    boolean endOfFile = false;
    while (at < lines.size()) {
      String line = lines.get(at);
      if (isHeader(line) || line.strip().startsWith("@@") && !body.isEmpty()) break;
      if (line.strip().equals(END_OF_FILE)) {
        endOfFile = true;
        at++;
        break;
      }
      if (line.strip().startsWith("@@")) {
        throw error("a chunk of the update of " + path + " has no lines before '" + line + "'");
      }
      body.add(switch (line.isEmpty() ? ' ' : line.charAt(0)) {
        case ' ' -> new Line(LineKind.KEEP, line.isEmpty() ? "" : line.substring(1));
        case '-' -> new Line(LineKind.REMOVE, line.substring(1));
        case '+' -> new Line(LineKind.ADD, line.substring(1));
        default -> throw error("unexpected line in the update of " + path + ": '" + line
            + "' (chunk lines start with ' ' to keep, '-' to remove or '+' to add)");
      });
      at++;
    }
    if (body.isEmpty()) throw error("a chunk of the update of " + path + " has no lines");
    return new Chunk(header, body, endOfFile);
  }

  /** {@return true when the lines from here to the next non-blank one are blank and it opens a chunk or hunk} */
  private boolean blanksBeforeMarker() {
    int i = at;
    while (i < lines.size() && lines.get(i).isBlank()) i++;
    return i == lines.size() || isHeader(lines.get(i)) || lines.get(i).strip().startsWith("@@");
  }

  private static boolean startsChunkLine(String line) {
    return line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '-' || line.charAt(0) == '+';
  }

  /** {@return true for a line that opens the next hunk, whitespace around it allowed} */
  private static boolean isHeader(String line) {
    String marker = line.strip();
    if (!marker.startsWith("*** ")) return false;
    if (marker.startsWith(ADD) || marker.startsWith(DELETE) || marker.startsWith(UPDATE)) return true;
    return line.startsWith("***") && !marker.equals(END_OF_FILE);
  }

  private String path(String marker, String prefix) throws PatchException {
    String path = marker.substring(prefix.length()).strip();
    if (path.isEmpty()) throw error("'" + prefix + "' needs a path");
    return path;
  }

  private PatchException error(String message) {
    return new PatchException("invalid patch, line " + (firstLineNumber + at) + ": " + message);
  }
}
