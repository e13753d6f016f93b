package dev.lightspeed.cli.mount;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.vfs.VfsSnapshotReadParams;
import dev.lightspeed.api.vfs.VfsSnapshotReadResponse;
import dev.lightspeed.api.vfs.VfsWorkspaceReadParams;
import dev.lightspeed.api.vfs.VfsWorkspaceReadResponse;
import dev.lightspeed.cli.gateway.GatewayClient;
import dev.lightspeed.cli.gateway.LocalFilesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a snapshot's files (or a workspace head's) into a local directory: creates and overwrites files, sets
 * or clears their executable bit, and lists the local files the snapshot does not have, deleting them only
 * when asked (files the destination's {@code .gitignore} ignores are never listed nor deleted). Every manifest path is checked before anything is written, so nothing lands outside the
 * destination (no {@code ..}, no separators in names, no writing through a symbolic link). A non-empty
 * destination that shares no file with the snapshot is refused unless forced, so a typo cannot scatter
 * files into an unrelated directory.
 */
public final class Materializer {
  /** What materializing did. {@code extra} are the local files the snapshot lacks (deleted when asked). */
  public record Result(String snapshotRef, int written, int unchanged, List<String> extra, boolean deleted) {}

  /** How to treat the destination. */
  public record Options(boolean delete, boolean force) {}

  private record Entry(String path, String ref, boolean executable) {}

  private static final MountLimits UNLIMITED = new MountLimits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

  private final GatewayClient gateway;

  public Materializer(GatewayClient gateway) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  /**
   * Writes {@code target} (a {@code sha256:} snapshot ref, or a workspace id for its head) into {@code dest}.
   *
   * @throws LocalFilesException when the manifest has a path that would leave {@code dest}, {@code dest} is an
   *     unrelated non-empty directory (without {@code force}), or a file cannot be written
   */
  public Result materialize(String target, Path dest, Options options) {
    String snapshotRef = target.startsWith("sha256:") ? target
        : gateway.call(new VfsWorkspaceReadParams(target), VfsWorkspaceReadResponse.class).workspace().headSnapshotRef();
    VfsSnapshotReadResponse snapshot = gateway.call(new VfsSnapshotReadParams(snapshotRef), VfsSnapshotReadResponse.class);
    List<Entry> entries = new ArrayList<>();
    collect(snapshot.manifest().path("root"), "", entries);
    Path root = dest.toAbsolutePath().normalize();
    for (Entry entry : entries) checkInside(root, entry.path());
    List<String> local = localFiles(root);
    Set<String> wanted = new HashSet<>();
    entries.forEach(e -> wanted.add(e.path()));
    if (!local.isEmpty() && !options.force() && local.stream().noneMatch(wanted::contains)) {
      throw new LocalFilesException(root + " is not empty and holds none of the snapshot's files; materialize into an empty or new "
          + "directory, or pass --force to write into it anyway");
    }
    int written = 0;
    int unchanged = 0;
    for (Entry entry : entries) {
      if (write(root, entry)) written++;
      else unchanged++;
    }
    List<String> extra = local.stream().filter(p -> !wanted.contains(p)).toList();
    if (options.delete()) {
      for (String path : extra) delete(root.resolve(path));
    }
    return new Result(snapshotRef, written, unchanged, extra, options.delete());
  }

  private static void collect(JsonNode directory, String prefix, List<Entry> into) {
    Iterator<Map.Entry<String, JsonNode>> children = directory.path("entries").fields();
    while (children.hasNext()) {
      Map.Entry<String, JsonNode> child = children.next();
      String name = child.getKey();
      if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\") || name.contains("\0")) {
        throw new LocalFilesException("the snapshot holds a file name that is not safe to write here: \"" + name + "\"; nothing was written");
      }
      String path = prefix.isEmpty() ? name : prefix + "/" + name;
      JsonNode node = child.getValue();
      switch (node.path("type").asText()) {
        case "directory" -> collect(node, path, into);
        case "file" -> into.add(new Entry(path, node.path("ref").asText(), node.path("executable").asBoolean(false)));
        default -> throw new LocalFilesException("the snapshot's entry " + path + " is neither a file nor a directory; nothing was written");
      }
    }
  }

  /** Refuses a path that would resolve outside {@code root} or through a symbolic link inside it. */
  private static void checkInside(Path root, String path) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new LocalFilesException("the snapshot's path " + path + " would be written outside " + root + "; nothing was written");
    }
    Path at = root;
    for (String name : path.split("/")) {
      at = at.resolve(name);
      if (Files.isSymbolicLink(at)) {
        throw new LocalFilesException(at + " is a symbolic link; refusing to write the snapshot's " + path + " through it");
      }
    }
  }

  /**
   * {@return the files under {@code root} as a mount would see them (sorted; {@code .git}, ignored files,
   * symbolic links and special files left out); none when it does not exist} Ignored files (build output,
   * dependencies, secrets) are never listed, so {@code --delete} never touches them.
   */
  private static List<String> localFiles(Path root) {
    if (!Files.exists(root)) return List.of();
    if (!Files.isDirectory(root)) throw new LocalFilesException(root + " exists and is not a directory");
    return new DirectoryScanner(UNLIMITED, warning -> {}).scan(root).stream().map(LocalFile::path).toList();
  }

  /** Writes one file; {@return false when it already had these bytes and mode} */
  private boolean write(Path root, Entry entry) {
    Path file = root.resolve(entry.path());
    try {
      byte[] content = gateway.readBytes(entry.ref());
      boolean same = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(Files.readAllBytes(file), content)
          && Files.isExecutable(file) == entry.executable();
      if (same) return false;
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      setExecutable(file, entry.executable());
      return true;
    } catch (IOException e) {
      throw new LocalFilesException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void setExecutable(Path file, boolean executable) throws IOException {
    try {
      Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
      if (executable) {
        permissions.add(PosixFilePermission.OWNER_EXECUTE);
        if (permissions.contains(PosixFilePermission.GROUP_READ)) permissions.add(PosixFilePermission.GROUP_EXECUTE);
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) permissions.add(PosixFilePermission.OTHERS_EXECUTE);
      } else {
        permissions.removeAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
      }
      Files.setPosixFilePermissions(file, permissions);
    } catch (UnsupportedOperationException notPosix) {
      if (!file.toFile().setExecutable(executable)) throw new IOException("cannot change the executable bit");
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new LocalFilesException("cannot delete " + file + ": " + e.getMessage(), e);
    }
  }
}
