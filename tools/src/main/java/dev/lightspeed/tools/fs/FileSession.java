package dev.lightspeed.tools.fs;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.VfsPathException;
import java.util.List;
import java.util.Optional;

/**
 * One tool call's access to a {@link FileSystem}. Reads see this session's own writes. Where writes become
 * visible to others depends on the file system: a local directory writes through at once; the virtual file
 * system keeps them until {@link #commit()}, which publishes each touched workspace with one compare-and-swap.
 * One session serves one call. Its reads ({@link #stat}, {@link #read}, {@link #list}) may run on several
 * threads at once while nothing is written (a search reads files in parallel); writes, deletes and the
 * commit may not overlap anything.
 *
 * <p>Every failure is an {@link FsException} whose message names the path and can be shown to the model.
 */
public interface FileSession {
  /** {@return the directory relative paths resolve against} */
  VfsPath workingDirectory();

  /**
   * {@return {@code text} as an absolute, normalized path, relative text resolving against the working directory}
   *
   * @throws FsException ({@link FsError#INVALID_PATH}) when {@code text} is not a valid path
   */
  default VfsPath resolve(String text) {
    try {
      return workingDirectory().resolve(text);
    } catch (VfsPathException e) {
      throw new FsException(FsError.INVALID_PATH, "invalid path: " + e.getMessage(), e);
    }
  }

  /**
   * {@return what {@code path} names, or empty when nothing does}
   *
   * @throws FsException ({@link FsError#INVALID_PATH}) when {@code path} lies outside every root
   */
  Optional<FileStat> stat(VfsPath path);

  /** {@return the bytes of the file at {@code path}} */
  byte[] read(VfsPath path);

  /** {@return the entries of the directory at {@code path}, sorted by name} */
  List<DirEntry> list(VfsPath path);

  /**
   * Writes a whole file, creating it and missing parent directories when needed. An existing file keeps its
   * executable bit.
   */
  void write(VfsPath path, byte[] content);

  /** Deletes a file (never a directory). */
  void delete(VfsPath path);

  /**
   * Publishes this session's writes. A no-op for file systems that write through.
   *
   * @return the workspaces that moved, in link order; empty when nothing changed
   * @throws FsException ({@link FsError#CONFLICT}) when a workspace moved since this session first read it
   */
  List<Commit> commit();

  /**
   * Visits the files at or under {@code start} depth first, each directory's entries in name order (so a
   * subdirectory's files come where its name sorts), skipping directories named {@code .git} below
   * {@code start}.
   *
   * @throws FsException when {@code start} does not exist
   */
  default void walk(VfsPath start, FileVisitor visitor) {
    FileWalker walker = FileWalker.from(this, start, visitor::enterDirectory);
    for (Optional<FileWalker.Entry> e = walker.next(); e.isPresent(); e = walker.next()) {
      if (!visitor.visit(e.get().path(), e.get().stat())) return;
    }
  }

  /** What {@link #walk} calls for each file. */
  interface FileVisitor {
    /** {@return false to stop the walk} */
    boolean visit(VfsPath path, FileStat stat);

    /** {@return false to stop the walk before listing {@code dir} (a time or size bound was hit)} */
    default boolean enterDirectory(VfsPath dir) {
      return true;
    }
  }
}
