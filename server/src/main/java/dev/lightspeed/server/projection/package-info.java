/**
 * The gateway's read side: sessions folded from their event logs (never asked of Temporal), cached at a
 * few positions so following readers fold only what is new.
 */
package dev.lightspeed.server.projection;
