package dev.lightspeed.bench;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
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
 * against its limits: each event's serialized protobuf size, summed. Local-activity markers are labelled
 * with the activity they record.
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
    int from = turnFrom(k);
    int to = turnTo(k);
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
   * {@return the log entries turn {@code k} sent through {@code appendEvents}, as activity input or recorded
   * in local-activity markers: canonical text bytes by event kind} Under {@code "(payload total)"}, the bytes
   * of the entries argument as Temporal stored it (JSON text inside a JSON array, so quotes are escaped).
   * Empty when the entries are not in the history at all.
   */
  Map<String, Long> appendedEntries(int k) {
    Map<String, Long> byKind = new TreeMap<>();
    for (int i = turnFrom(k); i < turnTo(k); i++) {
      HistoryEvent e = events.get(i);
      Payloads input;
      if (labels.get(i).equals("ActivityTaskScheduled(" + APPEND_EVENTS + ")")) input = e.getActivityTaskScheduledEventAttributes().getInput();
      else if (labels.get(i).equals("MarkerRecorded(" + APPEND_EVENTS + ")")) input = e.getMarkerRecordedEventAttributes().getDetailsMap().get("input");
      else continue;
      if (input == null || input.getPayloadsCount() <= ENTRIES_ARGUMENT) continue;
      Payload entries = input.getPayloads(ENTRIES_ARGUMENT);
      byKind.merge("(payload total)", (long) entries.getData().size(), Long::sum);
      for (Json text : ((Json.Arr) CanonicalJson.parse(entries.getData().toByteArray())).items()) {
        String entry = ((Json.Str) text).value();
        String kind = CanonicalJson.parseObject(entry).object("event").string("kind");
        byKind.merge(kind.substring(kind.indexOf('.', kind.indexOf('.') + 1) + 1), (long) entry.getBytes(StandardCharsets.UTF_8).length, Long::sum);
      }
    }
    return byKind;
  }

  /** {@return the bytes of turn {@code k}'s local-activity markers by detail, e.g. {@code AppendEvents.input}} */
  Map<String, Long> markerDetails(int k) {
    Map<String, Long> byDetail = new TreeMap<>();
    for (int i = turnFrom(k); i < turnTo(k); i++) {
      HistoryEvent e = events.get(i);
      if (e.getEventType() != EventType.EVENT_TYPE_MARKER_RECORDED) continue;
      String type = localActivityType(e);
      for (Map.Entry<String, Payloads> d : e.getMarkerRecordedEventAttributes().getDetailsMap().entrySet()) {
        byDetail.merge(type + "." + d.getKey(), (long) d.getValue().getSerializedSize(), Long::sum);
      }
    }
    return byDetail;
  }

  private int turnFrom(int k) {
    return turnStarts.get(k - 1);
  }

  private int turnTo(int k) {
    return k == turnStarts.size() ? events.size() : turnStarts.get(k);
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
    String activity = e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED ? localActivityType(e) : activityOfScheduledEvent.get(scheduled);
    return activity == null ? type : type + "(" + activity + ")";
  }

  /** {@return the activity type a local-activity marker records, or null for other markers} */
  private static String localActivityType(HistoryEvent marker) {
    Payloads type = marker.getMarkerRecordedEventAttributes().getDetailsMap().get("type");
    if (type == null || type.getPayloadsCount() == 0) return null;
    return ((Json.Str) CanonicalJson.parse(type.getPayloads(0).getData().toByteArray())).value();
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
