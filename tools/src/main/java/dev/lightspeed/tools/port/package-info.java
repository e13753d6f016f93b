/** The engine-facing side of the tools: a {@link dev.lightspeed.engine.tool.ToolPort} over a tool registry. */
package dev.lightspeed.tools.port;
