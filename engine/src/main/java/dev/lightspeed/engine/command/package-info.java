/** Commands a session accepts, and the typed outcome of admitting them. */
package dev.lightspeed.engine.command;
