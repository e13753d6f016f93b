/**
 * The two dialects of the file tools (Codex-style and Claude Code-style): names, argument shapes, schemas and
 * defaults mapped onto the one set of operations in {@code dev.lightspeed.tools.file}.
 */
package dev.lightspeed.tools.dialect;
