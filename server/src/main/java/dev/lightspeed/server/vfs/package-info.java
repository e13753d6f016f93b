/** The {@code vfs/*} methods: snapshots committed from uploaded blobs, and workspaces moved by compare-and-swap. */
package dev.lightspeed.server.vfs;
