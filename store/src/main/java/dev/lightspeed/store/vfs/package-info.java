/**
 * The virtual file system's storage: snapshots (immutable manifest blobs describing a directory tree whose
 * files are blobs), workspaces (mutable heads moved by compare-and-swap), normalized paths and limits.
 */
package dev.lightspeed.store.vfs;
