/** The file-system MCP server catalog: one small JSON record per server under the server's home. */
package dev.lightspeed.store.mcp.fs;
