package dev.lightspeed.tools.fs;

import dev.lightspeed.store.vfs.VfsPath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The files at or under a start path, one at a time, in the order {@link FileSession#walk} visits them:
 * depth first, each directory's entries by name, directories named {@code .git} below the start skipped.
 * Directories are listed only when the walk reaches them, so a search that stops early lists no more than it
 * needed. Not thread-safe; callers that share one hand its files out under a lock.
 */
public final class FileWalker {
  /** A file the walk reached. */
  public record Entry(VfsPath path, FileStat stat) {}

  private final FileSession files;
  private final Predicate<VfsPath> enter;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private Entry single;

  private record Frame(VfsPath dir, Iterator<DirEntry> entries) {}

  private FileWalker(FileSession files, Predicate<VfsPath> enter) {
    this.files = files;
    this.enter = enter;
  }

  /**
   * {@return a walk from {@code start}} {@code enter} is asked before each directory is listed; false ends the
   * walk there (a time or size bound was hit).
   *
   * @throws FsException when {@code start} does not exist
   */
  public static FileWalker from(FileSession files, VfsPath start, Predicate<VfsPath> enter) {
    FileWalker walker = new FileWalker(files, enter);
    FileStat stat = files.stat(start).orElseThrow(() -> FsException.notFound(start));
    if (stat.isDirectory()) {
      walker.descend(start);
    } else {
      walker.single = new Entry(start, stat);
    }
    return walker;
  }

  /** {@return the next file, or empty when the walk is over or a directory was refused entry} */
  public Optional<Entry> next() {
    if (single != null) {
      Entry out = single;
      single = null;
      return Optional.of(out);
    }
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (!top.entries().hasNext()) {
        stack.pop();
        continue;
      }
      DirEntry e = top.entries().next();
      VfsPath child = top.dir().child(e.name());
      if (!e.isDirectory()) return Optional.of(new Entry(child, e.stat()));
      if (!e.name().equals(".git") && !descend(child)) return Optional.empty();
    }
    return Optional.empty();
  }

  private boolean descend(VfsPath dir) {
    if (!enter.test(dir)) {
      stack.clear();
      return false;
    }
    List<DirEntry> entries = files.list(dir);
    stack.push(new Frame(dir, entries.iterator()));
    return true;
  }
}
