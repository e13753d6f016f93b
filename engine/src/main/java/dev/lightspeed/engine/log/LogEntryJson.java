package dev.lightspeed.engine.log;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonShapeException;

/**
 * The stored JSON form of a log entry:
 * {@code {"event":{"kind":..,"payload":{..},"version":1},"joins":{..},"observedAtMs":..,"seq":..}}, written
 * canonically. Absent joins are omitted. Stores use this form for files and rows alike.
 */
public final class LogEntryJson {
  private LogEntryJson() {}

  public static Json.Obj toJson(LogEntry entry) {
    return Json.Obj.builder()
        .put("seq", entry.seq())
        .put("observedAtMs", entry.observedAtMs())
        .put("joins", joinsToJson(entry.joins()))
        .put("event", envelopeToJson(entry.event()))
        .build();
  }

  public static String write(LogEntry entry) {
    return CanonicalJson.write(toJson(entry));
  }

  /**
   * Reads an entry back.
   *
   * @throws JsonShapeException when a field is missing or mistyped
   */
  public static LogEntry fromJson(Json.Obj obj) {
    return new LogEntry(
        obj.number("seq"),
        obj.number("observedAtMs"),
        joinsFromJson(obj.findObject("joins").orElse(Json.Obj.EMPTY)),
        envelopeFromJson(obj.object("event")));
  }

  public static LogEntry parse(String line) {
    return fromJson(CanonicalJson.parseObject(line));
  }

  public static Json.Obj joinsToJson(Joins joins) {
    Json.Obj.Builder b = Json.Obj.builder();
    if (joins.runId() != 0) b.put("runId", joins.runId());
    if (joins.turnId() != 0) b.put("turnId", joins.turnId());
    if (joins.batchId() != 0) b.put("batchId", joins.batchId());
    b.put("callId", joins.callId());
    b.put("submissionId", joins.submissionId());
    return b.build();
  }

  public static Joins joinsFromJson(Json.Obj obj) {
    return new Joins(
        obj.findNumber("runId").orElse(0L),
        obj.findNumber("turnId").orElse(0L),
        obj.findNumber("batchId").orElse(0L),
        obj.findString("callId").orElse(null),
        obj.findString("submissionId").orElse(null));
  }

  public static Json.Obj envelopeToJson(EventEnvelope event) {
    return Json.Obj.builder()
        .put("kind", event.kind())
        .put("version", event.version())
        .put("payload", event.payload())
        .build();
  }

  public static EventEnvelope envelopeFromJson(Json.Obj obj) {
    long version = obj.number("version");
    if (version < 1 || version > Integer.MAX_VALUE) throw new JsonShapeException("field \"version\" out of range: " + version);
    return new EventEnvelope(obj.string("kind"), (int) version, obj.object("payload"));
  }
}
