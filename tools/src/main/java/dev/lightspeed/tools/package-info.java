/**
 * Built-in tools: the {@link dev.lightspeed.tools.Tool} contract, results and the cap on visible output.
 * The file tools live in {@code file}, their two argument dialects in {@code dialect}, and the engine-facing
 * port in {@code port}.
 */
package dev.lightspeed.tools;
