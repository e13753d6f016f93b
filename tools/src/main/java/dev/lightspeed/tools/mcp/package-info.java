/**
 * Tools from MCP servers, run by the harness: a session's {@code features.mcp} grants catalog servers, the
 * worker connects to each with the official MCP Java SDK (Streamable HTTP, or stdio for a local command),
 * lists its tools and offers each to the model as a function tool named {@code mcp__<server>__<tool>}.
 */
package dev.lightspeed.tools.mcp;
