package dev.lightspeed.cli.mount;

import java.nio.file.Path;
import java.util.Objects;

/** A regular file found by a scan: its {@code /}-separated path relative to the scanned root, where it is, its size and mode. */
public record LocalFile(String path, Path file, long size, boolean executable) {
  public LocalFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(file, "file");
  }
}
