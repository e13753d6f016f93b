/** {@code lightspeed mcp}: the universe's catalog of MCP servers, from the command line. */
package dev.lightspeed.cli.mcp;
