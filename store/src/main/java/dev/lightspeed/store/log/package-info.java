/** The session event log SPI: append with optimistic concurrency, page through, and a lifecycle projection. */
package dev.lightspeed.store.log;
