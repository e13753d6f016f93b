/** The file-system workspace store: one small JSON record per workspace under the store root. */
package dev.lightspeed.store.vfs.fs;
