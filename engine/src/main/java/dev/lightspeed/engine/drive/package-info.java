/** The drive: the one-action-at-a-time loop hosts run for a session. */
package dev.lightspeed.engine.drive;
