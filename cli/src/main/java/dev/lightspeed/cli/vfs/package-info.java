/** {@code lightspeed vfs}: snapshots of local directories, workspaces, and taking a workspace's files home. */
package dev.lightspeed.cli.vfs;
