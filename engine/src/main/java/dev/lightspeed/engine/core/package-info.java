/** The pure functions of the core: admission, the fold, the planner, request rebuilding and replay. */
package dev.lightspeed.engine.core;
