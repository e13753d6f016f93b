/** User input on the wire ({@code InputItem}) turned into the engine's blob-backed input items, and back. */
package dev.lightspeed.server.input;
