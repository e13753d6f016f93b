/**
 * {@code lightspeed chat}: choosing and configuring the session, following a run through the session stream
 * ({@link dev.lightspeed.cli.chat.RunTracker}), and the one-shot mode that prints the answer and exits with the
 * run's outcome. The interactive mode lives in {@code dev.lightspeed.cli.tui}.
 */
package dev.lightspeed.cli.chat;
