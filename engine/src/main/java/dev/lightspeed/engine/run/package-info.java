/** Runs: input, queueing, turns, steering, limits and outcomes. */
package dev.lightspeed.engine.run;
