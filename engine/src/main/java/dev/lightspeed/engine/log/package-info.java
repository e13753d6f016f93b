/** The session event log's entry format: envelopes, joins, sequence numbers and their stored JSON form. */
package dev.lightspeed.engine.log;
