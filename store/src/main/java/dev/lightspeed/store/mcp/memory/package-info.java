/** The in-memory MCP server catalog, a strict fake for tests. */
package dev.lightspeed.store.mcp.memory;
