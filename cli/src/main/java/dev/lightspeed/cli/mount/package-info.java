/**
 * Local directories and the VFS: scanning a directory as git would see it ({@code .gitignore}, no
 * {@code .git}), uploading only the blobs the gateway lacks, committing the snapshot, and writing a
 * snapshot back into a directory.
 */
package dev.lightspeed.cli.mount;
