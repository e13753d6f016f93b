/** A strict in-memory workspace store for tests and the in-process runner. */
package dev.lightspeed.store.vfs.memory;
