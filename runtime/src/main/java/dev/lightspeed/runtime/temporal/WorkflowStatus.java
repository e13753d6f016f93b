package dev.lightspeed.runtime.temporal;

import java.util.List;

/**
 * The session workflow's answer to the status query: the active run (0 when none) and its status, queued
 * runs, admissions waiting in the inbox, recent admission failures and the last effect error.
 */
public record WorkflowStatus(
    long head,
    long activeRun,
    String activeRunStatus,
    List<Long> queuedRuns,
    int pendingAdmissions,
    int effectsInFlight,
    List<AdmissionFailure> recentFailures,
    String lastError) {}
