package dev.lightspeed.runtime.temporal;

/**
 * A command on its way into a session workflow: the canonical JSON of the engine command and an id the
 * caller chose, which names the admission in the status query and deduplicates a retried update.
 */
public record AdmissionRequest(String id, String command) {}
