/**
 * The live side channel: text and reasoning deltas of turns generating in this process, and the
 * {@code GET /sessions/{id}/stream} server-sent events endpoint that merges them with new log events.
 * Nothing here is durable; the event log stays the record.
 */
package dev.lightspeed.server.live;
