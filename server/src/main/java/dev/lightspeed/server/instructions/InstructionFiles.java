package dev.lightspeed.server.instructions;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.runtime.temporal.RunPreparer;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FsException;
import dev.lightspeed.tools.vfs.VfsFeature;
import dev.lightspeed.tools.vfs.VfsFileSystem;
import dev.lightspeed.tools.vfs.WorkspaceLink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The instruction files a session's files hold, as context entries refreshed before each run: in each root
 * that {@code features.vfs.prompts} names (by default every linked root and the working directory),
 * {@code AGENTS.md}, or {@code CLAUDE.md} where there is no {@code AGENTS.md}. One keyed entry per file
 * ({@value #KEY_PREFIX} and the file's path), so an unchanged file keeps its entry byte for byte and the
 * prompt cache stays warm, a changed one is replaced in place, and a deleted one goes. Each file is cut at
 * {@value #MAX_FILE_CHARS} characters and all of them at {@value #MAX_TOTAL_CHARS}, with a note saying so.
 */
public final class InstructionFiles implements RunPreparer {
  public static final String KEY_PREFIX = "prompt_instructions/";
  public static final int MAX_FILE_CHARS = 64 * 1024;
  public static final int MAX_TOTAL_CHARS = 256 * 1024;
  static final List<String> NAMES = List.of("AGENTS.md", "CLAUDE.md");

  private final BlobStore blobs;
  private final Snapshots snapshots;
  private final WorkspaceStore workspaces;

  public InstructionFiles(BlobStore blobs, Snapshots snapshots, WorkspaceStore workspaces) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
  }

  @Override
  public PreparationResult prepare(UniverseId universe, SessionState state, long run) {
    List<ContextItem> wanted = feature(state).filter(f -> f.prompts().isPresent()).map(f -> entries(universe, f)).orElse(List.of());
    Set<String> keys = new LinkedHashSet<>();
    for (ContextItem item : wanted) keys.add(item.key());
    List<String> gone = state.context().entries().stream().map(ContextEntry::key)
        .filter(k -> k != null && k.startsWith(KEY_PREFIX) && !keys.contains(k)).toList();
    return new PreparationResult(run, wanted, gone);
  }

  private static Optional<VfsFeature> feature(SessionState state) {
    try {
      return VfsFeature.fromConfig(state.config().document());
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // validated when the config was put; a bad one sources nothing
    }
  }

  /** {@return the entries for the instruction files {@code feature}'s roots hold, in root order} */
  List<ContextItem> entries(UniverseId universe, VfsFeature feature) {
    if (feature.workspaceLinks().isEmpty()) return List.of();
    FileSession files = new VfsFileSystem(universe, feature.workspaceLinks(), workspaces, snapshots).open();
    List<ContextItem> out = new ArrayList<>();
    int total = 0;
    for (VfsPath root : roots(feature)) {
      Optional<VfsPath> file = find(files, root);
      if (file.isEmpty()) continue;
      String text = new String(files.read(file.get()), StandardCharsets.UTF_8);
      if (text.indexOf('\0') >= 0) continue; // not text
      int room = Math.min(MAX_FILE_CHARS, MAX_TOTAL_CHARS - total);
      String note = "";
      if (room == 0) {
        note = String.format(Locale.ROOT, "[%s was left out: instruction files may hold %,d characters in all; read the file]",
            file.get(), MAX_TOTAL_CHARS);
        text = "";
      } else if (text.length() > room) {
        note = room == MAX_FILE_CHARS
            ? String.format(Locale.ROOT, "[%s was cut at %,d of its %,d characters; read the file for the rest]", file.get(), room, text.length())
            : String.format(Locale.ROOT, "[%s was cut at %,d of its %,d characters: instruction files may hold %,d characters in all; read the file for the rest]",
                file.get(), room, text.length(), MAX_TOTAL_CHARS);
        text = text.substring(0, cutPoint(text, room));
      }
      total += text.length();
      String body = "# Instructions from " + file.get() + "\n\n" + text + (note.isEmpty() ? "" : (text.isEmpty() ? "" : "\n\n") + note) + "\n";
      BlobRef ref = blobs.put(universe, body.getBytes(StandardCharsets.UTF_8));
      out.add(new ContextItem(KEY_PREFIX + file.get().toString().substring(1), EntryKind.INSTRUCTIONS, EntryRole.SYSTEM, ref,
          "text/markdown", null, "instructions from " + file.get(), Math.max(1, body.length() / 4), null, false));
    }
    return out;
  }

  /** {@return the roots named by the config, else each linked root and then the working directory} */
  private static List<VfsPath> roots(VfsFeature feature) {
    Optional<List<VfsPath>> named = feature.prompts().flatMap(VfsFeature.Sourcing::roots);
    if (named.isPresent()) return named.get();
    Set<VfsPath> roots = new LinkedHashSet<>();
    for (WorkspaceLink link : feature.workspaceLinks()) roots.add(link.path());
    roots.add(feature.workingDirectory());
    return List.copyOf(roots);
  }

  private static Optional<VfsPath> find(FileSession files, VfsPath dir) {
    for (String name : NAMES) {
      VfsPath path = dir.child(name);
      try {
        if (files.stat(path).filter(s -> !s.isDirectory()).isPresent()) return Optional.of(path);
      } catch (FsException outsideEveryRoot) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** {@return where to cut {@code text} at most {@code max} characters in, not inside a surrogate pair} */
  private static int cutPoint(String text, int max) {
    if (max <= 0) return 0;
    return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
  }
}
