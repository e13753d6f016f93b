package dev.lightspeed.engine.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * All runs of a session: at most one active run, a FIFO queue, the outcomes of finished runs and the
 * submission ids seen so far. Ids are session-local counters.
 */
public record RunsState(
    Optional<Run> active,
    List<Run> queue,
    Map<Long, RunOutcome> finished,
    Map<String, Submission> submissions,
    long nextRunId,
    long nextTurnId,
    long nextBatchId,
    long nextSteeringId) {

  public static final RunsState EMPTY = new RunsState(Optional.empty(), List.of(), Map.of(), Map.of(), 1, 1, 1, 1);

  public RunsState {
    Objects.requireNonNull(active, "active");
    queue = List.copyOf(queue);
    finished = Map.copyOf(finished);
    submissions = Map.copyOf(submissions);
  }

  public boolean busy() {
    return active.isPresent() || !queue.isEmpty();
  }

  public Run activeRun() {
    return active.orElseThrow(() -> new IllegalStateException("no active run"));
  }

  public Optional<Run> findQueued(long id) {
    for (Run r : queue) if (r.id() == id) return Optional.of(r);
    return Optional.empty();
  }

  public RunsState withActive(Optional<Run> run) {
    return new RunsState(run, queue, finished, submissions, nextRunId, nextTurnId, nextBatchId, nextSteeringId);
  }

  public RunsState withActive(Run run) {
    return withActive(Optional.of(run));
  }

  public RunsState withQueue(List<Run> q) {
    return new RunsState(active, q, finished, submissions, nextRunId, nextTurnId, nextBatchId, nextSteeringId);
  }

  public RunsState enqueue(Run run, Submission submission) {
    List<Run> q = new ArrayList<>(queue);
    q.add(run);
    Map<String, Submission> subs = new HashMap<>(submissions);
    subs.put(run.submissionId(), submission);
    return new RunsState(active, q, finished, subs, Math.max(nextRunId, run.id() + 1), nextTurnId, nextBatchId, nextSteeringId);
  }

  public RunsState finish(RunOutcome outcome) {
    Map<Long, RunOutcome> f = new HashMap<>(finished);
    f.put(outcome.id(), outcome);
    return new RunsState(active, queue, f, submissions, nextRunId, nextTurnId, nextBatchId, nextSteeringId);
  }

  public RunsState withNextTurnId(long id) {
    return new RunsState(active, queue, finished, submissions, nextRunId, id, nextBatchId, nextSteeringId);
  }

  public RunsState withNextBatchId(long id) {
    return new RunsState(active, queue, finished, submissions, nextRunId, nextTurnId, id, nextSteeringId);
  }

  public RunsState withNextSteeringId(long id) {
    return new RunsState(active, queue, finished, submissions, nextRunId, nextTurnId, nextBatchId, id);
  }
}
