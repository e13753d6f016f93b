package dev.lightspeed.server.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.runtime.temporal.RunPreparer;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.InvalidManifestException;
import dev.lightspeed.store.vfs.Manifest;
import dev.lightspeed.store.vfs.SnapshotNotFoundException;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.VfsDirectory;
import dev.lightspeed.store.vfs.VfsNode;
import dev.lightspeed.store.vfs.Workspace;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.tools.vfs.LinkTarget;
import dev.lightspeed.tools.vfs.VfsFeature;
import dev.lightspeed.tools.vfs.WorkspaceLink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code vfsCatalog} context entry: which roots a session's files live under, which is the working
 * directory, and the top level of each root at its current head, so the model starts oriented without a
 * listing call. Rendered deterministically (sorted, no times): it changes only when a head or the links
 * change, which keeps the provider's prompt cache warm. Refreshed before every run of a session that links
 * files (the worker prepares each run before its first turn, a queued one included).
 */
public final class VfsCatalog implements RunPreparer {
  /** The key of the entry; keyed entries are never pruned by compaction. */
  public static final String KEY = "vfs.catalog";
  private static final int MAX_TOP_LEVEL = 60;

  private final BlobStore blobs;
  private final Snapshots snapshots;
  private final WorkspaceStore workspaces;

  public VfsCatalog(BlobStore blobs, Snapshots snapshots, WorkspaceStore workspaces) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
  }

  /**
   * {@return the command that brings the session's catalog entry up to date with {@code state}'s config and
   * the current heads, or empty when it already is} A session that links no files (any more) has no entry.
   */
  public Optional<Command> refresh(UniverseId universe, SessionState state) {
    Optional<ContextItem> wanted = entry(universe, state.config().document());
    Optional<ContextEntry> current = state.context().findByKey(KEY);
    if (wanted.isPresent()) {
      if (current.isPresent() && current.get().item().sameContentAs(wanted.get())) return Optional.empty();
      return Optional.of(new Command.UpsertContext(OptionalLong.empty(), List.of(wanted.get())));
    }
    return current.map(stale -> new Command.RemoveContext(OptionalLong.empty(), List.of(KEY), List.of()));
  }

  @Override
  public PreparationResult prepare(UniverseId universe, SessionState state, long run) {
    Optional<ContextItem> wanted = entry(universe, state.config().document());
    if (wanted.isPresent()) return new PreparationResult(run, List.of(wanted.get()), List.of());
    return new PreparationResult(run, List.of(), state.context().findByKey(KEY).isPresent() ? List.of(KEY) : List.of());
  }

  /** {@return the catalog entry for a session with {@code config}, or empty when it links no files} */
  public Optional<ContextItem> entry(UniverseId universe, Json.Obj config) {
    Optional<VfsFeature> feature;
    try {
      feature = VfsFeature.fromConfig(config);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // the config was validated when it was put; a bad one gets no catalog
    }
    if (feature.isEmpty() || feature.get().workspaceLinks().isEmpty()) return Optional.empty();
    String text = render(universe, feature.get());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    BlobRef ref = blobs.put(universe, bytes);
    return Optional.of(new ContextItem(KEY, EntryKind.VFS_CATALOG, EntryRole.SYSTEM, ref, "text/plain", null,
        "files under " + feature.get().workingDirectory(), bytes.length / 4, null, false));
  }

  String render(UniverseId universe, VfsFeature feature) {
    StringBuilder out = new StringBuilder();
    out.append("# Files\n");
    out.append("Your working directory is ").append(feature.workingDirectory())
        .append(". Relative paths given to the file tools resolve against it; absolute paths must lie under a linked root.\n");
    out.append("Linked roots:\n");
    feature.workspaceLinks().stream()
        .sorted((a, b) -> a.path().toString().compareTo(b.path().toString()))
        .forEach(link -> root(out, universe, link));
    return out.toString();
  }

  private void root(StringBuilder out, UniverseId universe, WorkspaceLink link) {
    out.append("- ").append(link.path()).append(link.writable() ? " (read-write" : " (read-only");
    Optional<BlobRef> head;
    switch (link.target()) {
      case LinkTarget.Workspace w -> {
        out.append(", workspace ").append(w.id());
        head = workspaces.find(universe, w.id()).map(Workspace::head).map(h -> h.ref());
      }
      case LinkTarget.Snapshot s -> {
        out.append(", snapshot");
        head = Optional.of(s.ref());
      }
    }
    out.append(")");
    Optional<Manifest> manifest = head.flatMap(ref -> manifest(universe, ref));
    if (manifest.isEmpty()) {
      out.append(": not available right now\n");
      return;
    }
    out.append(": ").append(manifest.get().files()).append(" files, ").append(manifest.get().bytes()).append(" bytes\n");
    topLevel(out, manifest.get().root());
  }

  private static void topLevel(StringBuilder out, VfsDirectory root) {
    if (root.entries().isEmpty()) {
      out.append("  (empty)\n");
      return;
    }
    int shown = 0;
    out.append(" ");
    for (Map.Entry<String, VfsNode> e : root.entries().entrySet()) {
      if (shown == MAX_TOP_LEVEL) {
        out.append(" … and ").append(root.entries().size() - shown).append(" more");
        break;
      }
      out.append(' ').append(e.getKey()).append(e.getValue() instanceof VfsDirectory ? "/" : "");
      shown++;
    }
    out.append('\n');
  }

  private Optional<Manifest> manifest(UniverseId universe, BlobRef ref) {
    try {
      return Optional.of(snapshots.read(universe, ref).manifest());
    } catch (SnapshotNotFoundException | InvalidManifestException e) {
      return Optional.empty();
    }
  }
}
