/** The file-system MCP server catalog and sealed credentials: one small record per server under the server's home. */
package dev.lightspeed.store.mcp.fs;
