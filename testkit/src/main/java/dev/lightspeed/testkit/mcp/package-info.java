/** Real MCP servers for tests: the reference "everything" server from npm, and a front that demands a header. */
package dev.lightspeed.testkit.mcp;
