/** The Codex {@code apply_patch} format: parsing, fuzzy placement of chunks and applying them to text. */
package dev.lightspeed.tools.patch;
