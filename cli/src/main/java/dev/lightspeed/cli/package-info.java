/**
 * The {@code lightspeed} client commands: {@code chat} (one-shot and the terminal UI), {@code sessions} and
 * {@code events}. They reach sessions only through a gateway, over HTTP with the {@code api} wire types; when
 * no gateway is named they ask the application for an embedded one ({@link dev.lightspeed.cli.gateway.LocalServer}).
 */
package dev.lightspeed.cli;
