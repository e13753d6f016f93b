/**
 * The interactive {@code lightspeed chat}: a JLine line editor that stays usable while a run streams above
 * it, terminal markdown, compact tool lines, a status bar, and slash commands that steer, stop, queue and
 * switch sessions.
 */
package dev.lightspeed.cli.tui;
