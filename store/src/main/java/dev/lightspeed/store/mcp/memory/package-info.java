/** The in-memory MCP server catalog and credential store, strict fakes for tests. */
package dev.lightspeed.store.mcp.memory;
