/** The in-memory profile store, a strict fake for tests. */
package dev.lightspeed.store.profile.memory;
