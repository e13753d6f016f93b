package dev.lightspeed.runtime.temporal;

/**
 * One tool call as it crosses to its activity: where it belongs (session, run, turn, batch), the log head it
 * was dispatched at, and the canonical JSON of the call and its tool's spec. Small, whatever the transcript.
 */
public record ToolCallTask(String universe, String session, long head, long run, long turn, long batch, String invocation) {}
