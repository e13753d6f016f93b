package dev.lightspeed.tools.fs;

import dev.lightspeed.store.vfs.VfsLimits;
import dev.lightspeed.store.vfs.VfsPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A real directory seen as a file system: {@code /} is the directory, the working directory is {@code /}, and
 * everything is writable. Writes go through at once (a file is replaced by writing a temporary file beside it
 * and renaming it over), so {@link FileSession#commit()} has nothing to do and a call that fails half way
 * leaves what it already wrote. Symbolic links are followed only while they stay inside the directory; reads
 * of files over the per-file limit are refused rather than loaded.
 */
public final class LocalFileSystem implements FileSystem {
  private final Path root;
  private final Path realRoot;
  private final long maxFileBytes;

  /** @throws UncheckedIOException when {@code root} is not an existing directory */
  public LocalFileSystem(Path root) {
    this(root, VfsLimits.DEFAULT.maxFileBytes());
  }

  /** A file system over {@code root} that refuses to read or write files over {@code maxFileBytes}. */
  public LocalFileSystem(Path root, long maxFileBytes) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    try {
      this.realRoot = this.root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open directory " + root, e);
    }
    if (!Files.isDirectory(realRoot)) throw new UncheckedIOException(new IOException("not a directory: " + root));
    this.maxFileBytes = maxFileBytes;
  }

  /** {@return the directory this file system shows as {@code /}} */
  public Path root() {
    return root;
  }

  @Override
  public VfsPath workingDirectory() {
    return VfsPath.ROOT;
  }

  @Override
  public FileSession open() {
    return new LocalSession(root, realRoot, maxFileBytes);
  }
}
