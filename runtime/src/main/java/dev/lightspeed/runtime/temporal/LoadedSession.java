package dev.lightspeed.runtime.temporal;

/**
 * A session's state as the bootstrap activity hands it to the workflow: the canonical state document and
 * the head it was folded up to. Bounded by {@link SessionActivitiesImpl#MAX_STATE_BYTES}.
 */
public record LoadedSession(String state, long head) {}
