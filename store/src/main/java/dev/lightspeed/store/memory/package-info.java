/** Strict in-memory stores for tests and the in-process runner: same contract, same errors as the durable ones. */
package dev.lightspeed.store.memory;
