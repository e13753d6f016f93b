/** Wire types of the {@code vfs/*} methods: immutable snapshots and the mutable workspaces over them. */
package dev.lightspeed.api.vfs;
