package dev.lightspeed.bench;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A session workflow's Temporal history, across continue-as-new, cut into agent turns. Turn k runs from the
 * event that schedules its {@code generateTurn} activity up to (not including) the one that schedules turn
 * k+1's; the last turn runs to the end. A turn during which the workflow continued as new holds the tail of
 * one execution and the start of the next, bootstrap included. Size is what Temporal stores and counts
 * against its limits: each event's serialized protobuf size, summed.
 */
final class HistoryTurns {
  private static final String GENERATE_TURN = "GenerateTurn";
  private static final String LOAD_SESSION = "LoadSession";
  private static final String APPEND_EVENTS = "AppendEvents";
  /** appendEvents(universe, session, expectedHead, entries) */
  private static final int ENTRIES_ARGUMENT = 3;

  private final List<List<HistoryEvent>> executions;
  private final List<HistoryEvent> events = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private final List<Integer> executionStarts = new ArrayList<>();
  private final List<Integer> turnStarts = new ArrayList<>();

  /** What one turn added to the history. */
  record Turn(int turn, int events, long bytes, boolean continuedAsNew, Map<String, Long> bytesByLabel, Map<String, Integer> eventsByLabel) {}

  /** One execution: its size and what its bootstrap activity returned (the state it rehydrated from). */
  record Execution(int events, long bytes, long bootstrapResultBytes) {}

  private HistoryTurns(List<List<HistoryEvent>> executions) {
    this.executions = List.copyOf(executions);
    for (List<HistoryEvent> execution : executions) {
      executionStarts.add(events.size());
      Map<Long, String> activityOfScheduledEvent = new HashMap<>();
      for (HistoryEvent e : execution) {
        if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
          String activity = e.getActivityTaskScheduledEventAttributes().getActivityType().getName();
          activityOfScheduledEvent.put(e.getEventId(), activity);
          if (activity.equalsIgnoreCase(GENERATE_TURN)) turnStarts.add(events.size());
        }
        labels.add(label(e, activityOfScheduledEvent));
        events.add(e);
      }
    }
  }

  /** {@code executions} oldest first, each execution's events in order. */
  static HistoryTurns of(List<List<HistoryEvent>> executions) {
    return new HistoryTurns(executions);
  }

  int turnCount() {
    return turnStarts.size();
  }

  int totalEvents() {
    return events.size();
  }

  long totalBytes() {
    return bytes(0, events.size());
  }

  List<Execution> executions() {
    List<Execution> all = new ArrayList<>();
    for (int i = 0; i < executions.size(); i++) {
      int from = executionStarts.get(i);
      int to = from + executions.get(i).size();
      long bootstrap = 0;
      for (int j = from; j < to; j++) {
        if (labels.get(j).equals("ActivityTaskCompleted(" + LOAD_SESSION + ")")) bootstrap += events.get(j).getSerializedSize();
      }
      all.add(new Execution(to - from, bytes(from, to), bootstrap));
    }
    return all;
  }

  /** {@return what turn {@code k} (1-based) added} */
  Turn turn(int k) {
    if (k < 1 || k > turnStarts.size()) throw new IllegalArgumentException("turn " + k + " is not in 1.." + turnStarts.size());
    int from = turnStarts.get(k - 1);
    int to = k == turnStarts.size() ? events.size() : turnStarts.get(k);
    Map<String, Long> bytesByLabel = new TreeMap<>();
    Map<String, Integer> eventsByLabel = new TreeMap<>();
    for (int i = from; i < to; i++) {
      bytesByLabel.merge(labels.get(i), (long) events.get(i).getSerializedSize(), Long::sum);
      eventsByLabel.merge(labels.get(i), 1, Integer::sum);
    }
    boolean continued = executionStarts.stream().anyMatch(start -> start > from && start < to);
    return new Turn(k, to - from, bytes(from, to), continued, bytesByLabel, eventsByLabel);
  }

  /**
   * {@return the log entries turn {@code k} sent through {@code appendEvents}: canonical text bytes by event
   * kind} Under the key {@code "(payload total)"}, the bytes of the entries argument as Temporal stored it
   * (entries are JSON text inside a JSON array, so quotes are escaped).
   */
  Map<String, Long> appendedEntries(int k) {
    int from = turnStarts.get(k - 1);
    int to = k == turnStarts.size() ? events.size() : turnStarts.get(k);
    Map<String, Long> byKind = new TreeMap<>();
    for (int i = from; i < to; i++) {
      if (!labels.get(i).equals("ActivityTaskScheduled(" + APPEND_EVENTS + ")")) continue;
      Payload entries = events.get(i).getActivityTaskScheduledEventAttributes().getInput().getPayloads(ENTRIES_ARGUMENT);
      byKind.merge("(payload total)", (long) entries.getData().size(), Long::sum);
      Json.Arr texts = (Json.Arr) CanonicalJson.parse(entries.getData().toByteArray());
      for (Json text : texts.items()) {
        String entry = ((Json.Str) text).value();
        String kind = CanonicalJson.parseObject(entry).object("event").string("kind");
        byKind.merge(kind.substring(kind.indexOf('.', kind.indexOf('.') + 1) + 1), (long) entry.getBytes(StandardCharsets.UTF_8).length, Long::sum);
      }
    }
    return byKind;
  }

  private long bytes(int from, int to) {
    long sum = 0;
    for (HistoryEvent e : events.subList(from, to)) sum += e.getSerializedSize();
    return sum;
  }

  /** The event type, plus the activity type for activity events: {@code ActivityTaskCompleted(AppendEvents)}. */
  private static String label(HistoryEvent e, Map<Long, String> activityOfScheduledEvent) {
    String type = camel(e.getEventType().name().substring("EVENT_TYPE_".length()));
    long scheduled = switch (e.getEventType()) {
      case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> e.getEventId();
      case EVENT_TYPE_ACTIVITY_TASK_STARTED -> e.getActivityTaskStartedEventAttributes().getScheduledEventId();
      case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> e.getActivityTaskCompletedEventAttributes().getScheduledEventId();
      case EVENT_TYPE_ACTIVITY_TASK_FAILED -> e.getActivityTaskFailedEventAttributes().getScheduledEventId();
      default -> -1;
    };
    String activity = activityOfScheduledEvent.get(scheduled);
    return activity == null ? type : type + "(" + activity + ")";
  }

  private static String camel(String upperSnake) {
    StringBuilder out = new StringBuilder();
    for (String word : upperSnake.split("_")) {
      if (word.isEmpty()) continue;
      out.append(word.charAt(0)).append(word.substring(1).toLowerCase());
    }
    return out.toString();
  }
}
