package dev.lightspeed.tools.file;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileStat;
import dev.lightspeed.tools.fs.FsException;
import dev.lightspeed.tools.patch.Patch;
import dev.lightspeed.tools.patch.Patch.Hunk;
import dev.lightspeed.tools.patch.PatchException;
import dev.lightspeed.tools.patch.PatchParser;
import dev.lightspeed.tools.patch.PatchedText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a patch in the Codex format (see {@link PatchParser}). The whole patch is parsed before anything is
 * touched, so a malformed patch changes nothing. File operations then apply in order; if one fails, the ones
 * before it stay applied (and are saved) and the error lists them. On success the output is
 *
 * <pre>
 * Success. Updated the following files:
 * A /path/added
 * M /path/modified
 * M /path/new-name (moved from /path/old-name)
 * D /path/deleted
 * </pre>
 */
public final class ApplyPatch {
  private ApplyPatch() {}

  /** The patch text, exactly as the model wrote it. */
  public record Request(String input) {
    public Request {
      Objects.requireNonNull(input, "input");
    }
  }

  public static ToolResult run(FileSession files, Request request) {
    Patch patch;
    try {
      patch = PatchParser.parse(request.input());
    } catch (PatchException e) {
      return ToolResult.error(e.getMessage() + "; nothing was changed");
    }
    List<String> done = new ArrayList<>();
    for (int i = 0; i < patch.hunks().size(); i++) {
      Hunk hunk = patch.hunks().get(i);
      try {
        done.add(apply(files, hunk));
      } catch (PatchException | FsException e) {
        return failed(files, patch, i, e.getMessage(), done);
      }
    }
    files.commit();
    return ToolResult.ok("Success. Updated the following files:\n" + String.join("\n", done));
  }

  private static ToolResult failed(FileSession files, Patch patch, int index, String why, List<String> done) {
    Hunk hunk = patch.hunks().get(index);
    StringBuilder out = new StringBuilder("apply_patch failed at file operation ").append(index + 1).append(" of ")
        .append(patch.hunks().size()).append(" (").append(describe(hunk)).append("): ").append(why);
    if (done.isEmpty()) {
      out.append("\nNothing was changed.");
    } else {
      try {
        files.commit();
        out.append("\nThe operations before it were applied and kept:\n").append(String.join("\n", done));
      } catch (FsException e) {
        out.append("\nThe operations before it could not be saved either: ").append(e.getMessage());
      }
    }
    return ToolResult.error(out.toString());
  }

  private static String describe(Hunk hunk) {
    return switch (hunk) {
      case Hunk.AddFile a -> "Add File: " + a.path();
      case Hunk.DeleteFile d -> "Delete File: " + d.path();
      case Hunk.UpdateFile u -> "Update File: " + u.path();
    };
  }

  /** Applies one operation; {@return its line for the summary} */
  private static String apply(FileSession files, Hunk hunk) throws PatchException {
    VfsPath path = files.resolve(hunk.path());
    return switch (hunk) {
      case Hunk.AddFile add -> {
        files.write(path, add.content().getBytes(StandardCharsets.UTF_8));
        yield "A " + path;
      }
      case Hunk.DeleteFile delete -> {
        files.delete(path);
        yield "D " + path;
      }
      case Hunk.UpdateFile update -> {
        Optional<FileStat> stat = files.stat(path);
        if (stat.isEmpty()) throw FsException.notFound(path);
        if (stat.get().isDirectory()) throw new PatchException("cannot update " + path + ": it is a directory");
        String text = Text.decodeStrict(files.read(path))
            .orElseThrow(() -> new PatchException("cannot update " + path + ": it is not a UTF-8 text file"));
        byte[] patched = PatchedText.apply(text, update.chunks(), path.toString()).getBytes(StandardCharsets.UTF_8);
        if (update.moveTo().isEmpty()) {
          files.write(path, patched);
          yield "M " + path;
        }
        VfsPath target = files.resolve(update.moveTo().get());
        files.write(target, patched);
        if (!target.equals(path)) files.delete(path);
        yield "M " + target + " (moved from " + path + ")";
      }
    };
  }
}
