/**
 * The universe's MCP server catalog ({@code mcp/servers/*}, kept in a {@link dev.lightspeed.store.mcp.McpServerStore},
 * its secrets sealed in a {@link dev.lightspeed.store.mcp.McpCredentialStore}), the OAuth login of its servers
 * ({@code mcp/servers/login/*}), and how sessions reach the servers it holds: granted through
 * {@code features.mcp}, their tools are added to the session's tool set and their calls run by the harness.
 */
package dev.lightspeed.server.mcp;
