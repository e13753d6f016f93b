/** The session context: placed entries, their request order, and compaction bookkeeping. */
package dev.lightspeed.engine.context;
