package dev.lightspeed.runtime.temporal;

/** A rejected admission, kept (the most recent few) for the status query and carried across continue-as-new. */
public record AdmissionFailure(String id, String commandType, String kind, String message, long atMs) {}
