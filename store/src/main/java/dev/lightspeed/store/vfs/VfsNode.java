package dev.lightspeed.store.vfs;

/** One entry of a snapshot's tree: a file that points at a blob, or a directory of named entries. */
public sealed interface VfsNode permits VfsFile, VfsDirectory {}
