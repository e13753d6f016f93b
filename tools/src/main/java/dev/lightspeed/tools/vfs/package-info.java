/**
 * The virtual file system as tools see it: workspaces and snapshots linked into one namespace
 * ({@link dev.lightspeed.tools.vfs.VfsFileSystem}) and the session config that declares the links
 * ({@link dev.lightspeed.tools.vfs.VfsFeature}).
 */
package dev.lightspeed.tools.vfs;
