/**
 * {@code session/events/read}: the session's event log as contract event views, paged by cursor, with
 * long-polling woken by appends made in this process and by polling the store for appends made elsewhere.
 */
package dev.lightspeed.server.events;
