/**
 * The MCP server catalog of each universe: records of the remote (or local) MCP servers sessions may be granted,
 * kept whole under a server id with a revision for compare-and-swap. What a record may contain is the gateway's
 * rule; the store keeps what it is given. The servers' secrets (header values, OAuth tokens) are kept apart, sealed
 * with AES-GCM under the master key ({@link dev.lightspeed.store.mcp.SecretBox}), in a
 * {@link dev.lightspeed.store.mcp.McpCredentialStore}.
 */
package dev.lightspeed.store.mcp;
