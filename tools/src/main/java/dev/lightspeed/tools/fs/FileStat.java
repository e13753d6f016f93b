package dev.lightspeed.tools.fs;

import java.util.Objects;

/** What a path names and, for a file, its size in bytes (0 for a directory). */
public record FileStat(FileKind kind, long size) {
  public static final FileStat DIRECTORY = new FileStat(FileKind.DIRECTORY, 0);

  public FileStat {
    Objects.requireNonNull(kind, "kind");
    if (size < 0) throw new IllegalArgumentException("size < 0: " + size);
  }

  public static FileStat file(long size) {
    return new FileStat(FileKind.FILE, size);
  }

  public boolean isDirectory() {
    return kind == FileKind.DIRECTORY;
  }
}
