package dev.lightspeed.bench;

import com.google.protobuf.Timestamp;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where wall time went, from the timestamps Temporal puts on history events: for workflow tasks and for each
 * activity type, the time from scheduled to started (waiting for a poller) and from started to completed
 * (running). Summed over the histories given, so a benchmark can say whether a turn's time is spent in the
 * host's code or in Temporal's task hand-offs. The in-process test server stamps events in milliseconds, so
 * only sums over many tasks mean anything.
 */
final class HistoryTimeline {
  /** Totals of one kind of task: how many, and the summed queue and run times in milliseconds. */
  record Phase(int tasks, double queuedMs, double runningMs) {}

  private final Map<String, Phase> phases = new TreeMap<>();

  /** Adds one execution's events. */
  void add(List<HistoryEvent> events) {
    Map<Long, HistoryEvent> byId = new HashMap<>();
    HistoryEvent workflowTaskStarted = null;
    for (HistoryEvent e : events) {
      byId.put(e.getEventId(), e);
      switch (e.getEventType()) {
        case EVENT_TYPE_WORKFLOW_TASK_STARTED -> workflowTaskStarted = e;
        case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> {
          // The test server leaves startedEventId unset here; the task's started event is the latest one.
          record("WorkflowTask", byId.get(e.getWorkflowTaskCompletedEventAttributes().getScheduledEventId()), workflowTaskStarted, e);
        }
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
          var a = e.getActivityTaskCompletedEventAttributes();
          HistoryEvent scheduled = byId.get(a.getScheduledEventId());
          String type = scheduled.getActivityTaskScheduledEventAttributes().getActivityType().getName();
          record("Activity " + type, scheduled, byId.get(a.getStartedEventId()), e);
        }
        default -> {}
      }
    }
  }

  Map<String, Phase> phases() {
    return phases;
  }

  /** {@return one line per phase, averaged over {@code turns} turns} */
  String perTurn(int turns) {
    StringBuilder out = new StringBuilder(String.format("  %-28s %8s %12s %12s%n", "task", "per turn", "queued ms", "running ms"));
    double queued = 0;
    double running = 0;
    for (Map.Entry<String, Phase> e : phases.entrySet()) {
      Phase p = e.getValue();
      out.append(String.format("  %-28s %8.2f %12.2f %12.2f%n", e.getKey(), (double) p.tasks() / turns, p.queuedMs() / turns, p.runningMs() / turns));
      queued += p.queuedMs();
      running += p.runningMs();
    }
    out.append(String.format("  %-28s %8s %12.2f %12.2f%n", "all", "", queued / turns, running / turns));
    return out.toString();
  }

  private void record(String phase, HistoryEvent scheduled, HistoryEvent started, HistoryEvent completed) {
    if (scheduled == null || started == null) return;
    phases.merge(phase, new Phase(1, millis(scheduled, started), millis(started, completed)),
        (a, b) -> new Phase(a.tasks() + b.tasks(), a.queuedMs() + b.queuedMs(), a.runningMs() + b.runningMs()));
  }

  private static double millis(HistoryEvent from, HistoryEvent to) {
    return (nanos(to.getEventTime()) - nanos(from.getEventTime())) / 1e6;
  }

  private static long nanos(Timestamp t) {
    return t.getSeconds() * 1_000_000_000L + t.getNanos();
  }
}
