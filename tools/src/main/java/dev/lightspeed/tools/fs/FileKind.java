package dev.lightspeed.tools.fs;

/** What a path names. */
public enum FileKind {
  FILE,
  DIRECTORY
}
