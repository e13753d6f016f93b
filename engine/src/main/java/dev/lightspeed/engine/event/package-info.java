/** The closed event vocabulary of a session, one sealed family per file, and its codec. */
package dev.lightspeed.engine.event;
