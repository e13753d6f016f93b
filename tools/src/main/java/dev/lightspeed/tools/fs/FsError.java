package dev.lightspeed.tools.fs;

/** Why a file operation failed; callers match on this, never on the message. */
public enum FsError {
  /** Nothing exists at the path. */
  NOT_FOUND,
  /** A file was expected and the path is a directory. */
  IS_A_DIRECTORY,
  /** A directory was expected (or a parent of the path) and it is a file. */
  NOT_A_DIRECTORY,
  /** The path is in a read-only link, a snapshot, or would leave the root through a symbolic link. */
  PERMISSION_DENIED,
  /** The path is malformed, or lies outside every linked root. */
  INVALID_PATH,
  /** The workspace moved on while the change was prepared; nothing was written to it. */
  CONFLICT,
  /** The change would exceed a file-system limit (files, bytes, depth). */
  LIMIT_EXCEEDED,
  /** The storage underneath failed. */
  IO
}
