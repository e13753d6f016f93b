package dev.lightspeed.tools.fs;

import dev.lightspeed.store.vfs.VfsPath;

/**
 * The files a session's tools see: a tree of absolute POSIX paths with a working directory that relative paths
 * resolve against. Implementations are the virtual file system (linked workspaces and snapshots) and a local
 * directory. Each tool call works through its own {@link FileSession}, which gives it a consistent view and
 * publishes its writes at once with {@link FileSession#commit()}.
 *
 * <p>Safe for concurrent use: sessions opened at the same time do not see each other's uncommitted writes.
 * Left out: symbolic links, permissions other than read-only/read-write, timestamps, watching.
 */
public interface FileSystem {
  /** {@return the directory relative paths resolve against} */
  VfsPath workingDirectory();

  /** {@return a new session for one tool call} @throws FsException when the file system cannot be reached */
  FileSession open();
}
