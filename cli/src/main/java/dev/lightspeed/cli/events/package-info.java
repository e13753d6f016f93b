/** {@code lightspeed events ID [--follow]}: a session's event log, as it is and as it grows. */
package dev.lightspeed.cli.events;
