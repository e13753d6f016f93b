package dev.lightspeed.tools;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.vfs.Manifest;
import dev.lightspeed.store.vfs.Snapshot;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.VfsDirectory;
import dev.lightspeed.store.vfs.VfsFile;
import dev.lightspeed.store.vfs.VfsLimits;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.store.vfs.memory.InMemoryWorkspaceStore;
import dev.lightspeed.tools.dialect.FileTools;
import dev.lightspeed.tools.fs.FileSystem;
import dev.lightspeed.tools.fs.FsException;
import dev.lightspeed.tools.fs.LocalFileSystem;
import dev.lightspeed.tools.vfs.LinkAccess;
import dev.lightspeed.tools.vfs.LinkTarget;
import dev.lightspeed.tools.vfs.VfsFileSystem;
import dev.lightspeed.tools.vfs.WorkspaceLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs the file tools of both dialects on one backend seeded with files, and reads files back. On the VFS the
 * files live in workspace {@code ws} linked read-write at {@code /workspace} (the working directory); locally
 * in a temporary directory shown as {@code /}. {@link #abs} turns a working-directory-relative path into the
 * absolute path tools print, so one test reads the same on both.
 */
public final class ToolHarness {
  public static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  public static final WorkspaceId WS = WorkspaceId.of("ws");
  private static final ToolRegistry TOOLS = FileTools.all();

  private final Backend backend;
  private final FileSystem files;
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
  private final Snapshots snapshots;

  private ToolHarness(Backend backend, Path dir, Map<String, String> seed, VfsLimits limits) {
    this.backend = backend;
    this.snapshots = new Snapshots(blobs, limits);
    this.files = switch (backend) {
      case VFS -> {
        VfsDirectory tree = VfsDirectory.EMPTY;
        for (var e : new TreeMap<>(seed).entrySet()) {
          byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
          tree = tree.with(VfsPath.parse("/" + e.getKey()).segments(), VfsFile.of(blobs.put(UNIVERSE, bytes), bytes.length));
        }
        Snapshot snapshot = snapshots.commit(UNIVERSE, new Manifest(tree));
        workspaces.create(UNIVERSE, WS, snapshot.summary(), Optional.empty());
        yield new VfsFileSystem(UNIVERSE, List.of(new WorkspaceLink(VfsPath.parse("/workspace"), new LinkTarget.Workspace(WS),
            LinkAccess.READ_WRITE)), workspaces, snapshots);
      }
      case LOCAL -> {
        for (var e : seed.entrySet()) {
          Path file = dir.resolve(e.getKey());
          try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          }
        }
        yield new LocalFileSystem(dir, limits.maxFileBytes());
      }
    };
  }

  /** {@return a harness on {@code backend} holding {@code seed} (relative path to UTF-8 content)} */
  public static ToolHarness on(Backend backend, Path tempDir, Map<String, String> seed) {
    return new ToolHarness(backend, tempDir, seed, VfsLimits.DEFAULT);
  }

  /** {@return a harness whose VFS snapshots (and local files) are held to {@code limits}} */
  public static ToolHarness on(Backend backend, Path tempDir, Map<String, String> seed, VfsLimits limits) {
    return new ToolHarness(backend, tempDir, seed, limits);
  }

  /** {@return the result of calling {@code tool} with {@code json} arguments} */
  public ToolResult call(String tool, String json) {
    return TOOLS.find(tool).orElseThrow().invoke(ToolArgs.parseObject(json), ToolContext.of(files));
  }

  /** {@return the absolute path tools print for {@code relative}} */
  public String abs(String relative) {
    String base = backend == Backend.VFS ? "/workspace" : "";
    return relative.isEmpty() ? (base.isEmpty() ? "/" : base) : base + "/" + relative;
  }

  /** {@return the content of {@code relative}, or empty when there is no such file} */
  public Optional<String> file(String relative) {
    try {
      return Optional.of(new String(files.open().read(VfsPath.parse(abs(relative))), StandardCharsets.UTF_8));
    } catch (FsException e) {
      return Optional.empty();
    }
  }

  public FileSystem files() {
    return files;
  }

  public Backend backend() {
    return backend;
  }

  public InMemoryWorkspaceStore workspaces() {
    return workspaces;
  }

  public Snapshots snapshots() {
    return snapshots;
  }

  public InMemoryBlobStore blobs() {
    return blobs;
  }

  /** {@return {@code args} as a JSON object text, values escaped} Handy for arguments holding newlines. */
  public static String json(Object... nameValuePairs) {
    Json.Obj.Builder b = Json.Obj.builder();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      String name = (String) nameValuePairs[i];
      Object value = nameValuePairs[i + 1];
      switch (value) {
        case String s -> b.put(name, s);
        case Integer n -> b.put(name, n.longValue());
        case Boolean bool -> b.put(name, bool);
        case Json j -> b.put(name, j);
        default -> throw new IllegalArgumentException("unsupported argument value " + value);
      }
    }
    return CanonicalJson.write(b.build());
  }
}
