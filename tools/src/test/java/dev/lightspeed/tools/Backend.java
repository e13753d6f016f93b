package dev.lightspeed.tools;

/** The two file systems every file tool is tested on. */
public enum Backend {
  /** A workspace linked read-write at /workspace, in memory. */
  VFS,
  /** A temporary directory shown as /. */
  LOCAL
}
