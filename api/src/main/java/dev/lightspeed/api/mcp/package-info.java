/**
 * Wire types of {@code mcp/servers/*}: the universe's catalog of MCP servers that sessions grant through
 * {@code features.mcp}. Beyond the contract, a server record carries {@code execution} (who connects to it),
 * {@code headers} (sent on every request; write-only, views show only their names) and {@code command} (a local
 * server started over stdio, for embedded mode).
 */
package dev.lightspeed.api.mcp;
