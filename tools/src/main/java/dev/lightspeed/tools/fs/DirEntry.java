package dev.lightspeed.tools.fs;

import java.util.Objects;

/** One entry of a directory listing: its name and what it is. */
public record DirEntry(String name, FileStat stat) {
  public DirEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stat, "stat");
  }

  public boolean isDirectory() {
    return stat.isDirectory();
  }
}
