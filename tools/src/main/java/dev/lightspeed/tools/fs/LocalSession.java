package dev.lightspeed.tools.fs;

import dev.lightspeed.store.vfs.VfsPath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link FileSession} of a {@link LocalFileSystem}: plain file I/O, confined to the root. */
final class LocalSession implements FileSession {
  private final Path root;
  private final Path realRoot;
  private final long maxFileBytes;
  /**
   * Directories this session found to lie really under the root. A child of one that is not a symbolic link
   * is under the root too, so a walk checks each entry with one attribute read instead of resolving its real
   * path (which costs a system call per path component). Lives as long as the session: one tool call.
   */
  private final Set<Path> verified = ConcurrentHashMap.newKeySet();
  /**
   * Regular files (not links) that a listing of a verified directory found. A walk reads each of them with no
   * further check: open, size, read. Anything else (a link, a file never listed) takes the careful path.
   */
  private final Set<Path> listedFiles = ConcurrentHashMap.newKeySet();

  LocalSession(Path root, Path realRoot, long maxFileBytes) {
    this.root = root;
    this.realRoot = realRoot;
    this.maxFileBytes = maxFileBytes;
  }

  @Override
  public VfsPath workingDirectory() {
    return VfsPath.ROOT;
  }

  @Override
  public Optional<FileStat> stat(VfsPath path) {
    Path local = local(path);
    try {
      if (!inside(local)) {
        if (Files.exists(local, LinkOption.NOFOLLOW_LINKS) || Files.exists(local)) throw outside(path);
        return Optional.empty();
      }
      BasicFileAttributes a = Files.readAttributes(local, BasicFileAttributes.class);
      return Optional.of(a.isDirectory() ? FileStat.DIRECTORY : FileStat.file(a.size()));
    } catch (NoSuchFileException | NotDirectoryException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw io("cannot read", path, e);
    }
  }

  @Override
  public byte[] read(VfsPath path) {
    Path local = local(path);
    if (listedFiles.contains(local)) {
      Optional<byte[]> plain = readPlainFile(local, path);
      if (plain.isPresent()) return plain.get();
    }
    FileStat stat = stat(path).orElseThrow(() -> FsException.notFound(path));
    if (stat.isDirectory()) throw new FsException(FsError.IS_A_DIRECTORY, path + " is a directory, not a file");
    if (stat.size() > maxFileBytes) {
      throw new FsException(FsError.LIMIT_EXCEEDED, "file " + path + " is " + stat.size() + " bytes, over the " + maxFileBytes + "-byte limit for reading");
    }
    try {
      return Files.readAllBytes(local(path));
    } catch (NoSuchFileException absent) {
      throw FsException.notFound(path);
    } catch (IOException e) {
      throw io("cannot read", path, e);
    }
  }

  /**
   * {@return the bytes of {@code local}, a regular file a listing found, read with one open (refusing a link
   * that replaced it since), one size query and the reads (what it held when opened); empty when it is no
   * longer a plain file, which the careful path then handles}
   */
  private Optional<byte[]> readPlainFile(Path local, VfsPath path) {
    try (SeekableByteChannel channel = Files.newByteChannel(local, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = channel.size();
      if (size > maxFileBytes) return Optional.empty();
      ByteBuffer buffer = ByteBuffer.allocate((int) size);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // until full, or the end of a file that shrank meanwhile
      }
      return Optional.of(buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array());
    } catch (NoSuchFileException absent) {
      throw FsException.notFound(path);
    } catch (IOException notPlain) {
      return Optional.empty();
    }
  }

  @Override
  public List<DirEntry> list(VfsPath path) {
    FileStat stat = stat(path).orElseThrow(() -> new FsException(FsError.NOT_FOUND, "directory not found: " + path));
    if (!stat.isDirectory()) throw new FsException(FsError.NOT_A_DIRECTORY, path + " is a file, not a directory");
    List<DirEntry> out = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(local(path))) {
      for (Path child : children) {
        entry(child).ifPresent(out::add);
      }
    } catch (IOException e) {
      throw io("cannot list", path, e);
    }
    out.sort(Comparator.comparing(DirEntry::name));
    return out;
  }

  /** {@return the entry for {@code child}, or empty for a link leading outside the root or nowhere} */
  private Optional<DirEntry> entry(Path child) throws IOException {
    String name = child.getFileName().toString();
    try {
      BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink()) {
        if (!inside(child)) return Optional.empty();
        a = Files.readAttributes(child, BasicFileAttributes.class);
      }
      if (a.isDirectory()) return Optional.of(new DirEntry(name, FileStat.DIRECTORY));
      if (a.isRegularFile()) {
        if (!a.isSymbolicLink()) listedFiles.add(child);
        return Optional.of(new DirEntry(name, FileStat.file(a.size())));
      }
      return Optional.empty();
    } catch (NoSuchFileException brokenLink) {
      return Optional.empty();
    }
  }

  @Override
  public void write(VfsPath path, byte[] content) {
    if (path.isRoot()) throw new FsException(FsError.IS_A_DIRECTORY, "/ is a directory, not a file");
    if (content.length > maxFileBytes) {
      throw new FsException(FsError.LIMIT_EXCEEDED, "cannot write " + path + ": " + content.length + " bytes is over the " + maxFileBytes + "-byte limit per file");
    }
    Path target = local(path);
    try {
      checkParents(path);
      Optional<FileStat> existing = stat(path);
      if (existing.isPresent() && existing.get().isDirectory()) {
        throw new FsException(FsError.IS_A_DIRECTORY, "cannot write " + path + ": it is a directory");
      }
      Files.createDirectories(target.getParent());
      if (!inside(target.getParent())) throw outside(path);
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
      try {
        Files.write(tmp, content);
        if (existing.isPresent()) copyPermissions(target, tmp);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (FileAlreadyExistsException | NotDirectoryException e) {
      throw new FsException(FsError.NOT_A_DIRECTORY, "cannot write " + path + ": a parent directory is a file");
    } catch (AccessDeniedException e) {
      throw new FsException(FsError.PERMISSION_DENIED, "permission denied: cannot write " + path);
    } catch (IOException e) {
      throw io("cannot write", path, e);
    }
  }

  private void checkParents(VfsPath path) {
    Optional<VfsPath> parent = path.parent();
    while (parent.isPresent() && !parent.get().isRoot()) {
      Optional<FileStat> stat = stat(parent.get());
      if (stat.isPresent()) {
        if (!stat.get().isDirectory()) {
          throw new FsException(FsError.NOT_A_DIRECTORY, "cannot write " + path + ": " + parent.get() + " is a file, not a directory");
        }
        return;
      }
      parent = parent.get().parent();
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(from);
      Files.setPosixFilePermissions(to, permissions);
    } catch (UnsupportedOperationException notPosix) {
      // the file system has no POSIX permissions to keep
    }
  }

  @Override
  public void delete(VfsPath path) {
    FileStat stat = stat(path).orElseThrow(() -> FsException.notFound(path));
    if (stat.isDirectory()) throw new FsException(FsError.IS_A_DIRECTORY, "cannot delete " + path + ": it is a directory");
    try {
      Files.delete(local(path));
    } catch (NoSuchFileException absent) {
      throw FsException.notFound(path);
    } catch (AccessDeniedException e) {
      throw new FsException(FsError.PERMISSION_DENIED, "permission denied: cannot delete " + path);
    } catch (IOException e) {
      throw io("cannot delete", path, e);
    }
  }

  @Override
  public List<Commit> commit() {
    return List.of();
  }

  private Path local(VfsPath path) {
    return path.isRoot() ? root : root.resolve(String.join("/", path.segments()));
  }

  /**
   * {@return true when the nearest existing ancestor-or-self of {@code local} really lies under the root}
   * A symbolic link may point anywhere; following one out of the root is refused.
   */
  private boolean inside(Path local) throws IOException {
    Path parent = local.getParent();
    if (local.equals(root) || (parent != null && verified.contains(parent))) {
      try {
        BasicFileAttributes a = Files.readAttributes(local, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isSymbolicLink()) {
          if (a.isDirectory()) verified.add(local);
          return true;
        }
      } catch (NoSuchFileException absent) {
        return true; // its nearest existing ancestor is the verified parent
      }
    }
    Path probe = local;
    while (probe != null && !Files.exists(probe, LinkOption.NOFOLLOW_LINKS)) probe = probe.getParent();
    if (probe == null) return false;
    try {
      boolean under = probe.toRealPath().startsWith(realRoot);
      if (under && probe.equals(local) && Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS)) verified.add(local);
      return under;
    } catch (NoSuchFileException brokenLink) {
      return false;
    }
  }

  private static FsException outside(VfsPath path) {
    return new FsException(FsError.PERMISSION_DENIED, "permission denied: " + path + " leads outside the root through a symbolic link");
  }

  private static FsException io(String what, VfsPath path, IOException e) {
    return new FsException(FsError.IO, what + " " + path + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
  }
}
