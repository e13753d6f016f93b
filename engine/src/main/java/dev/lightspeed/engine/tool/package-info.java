/** Tools as the engine sees them: specs, calls, batches and their scheduling facts. */
package dev.lightspeed.engine.tool;
