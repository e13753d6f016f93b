package dev.lightspeed.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonShapeException;
import org.junit.jupiter.api.Test;

class LogEntryJsonTest {

  private static final EventEnvelope TURN_STARTED = new EventEnvelope(
      "lightspeed.core.turn.started",
      1,
      Json.Obj.builder().put("z", 1).put("a", "x").put("nested", Json.Obj.builder().put("b", true).put("a", Json.NULL).build()).build());

  @Test
  void anEntryIsWrittenInCanonicalForm() {
    LogEntry entry = new LogEntry(7, 1_700_000_000_000L, Joins.run(3).withTurn(2).withCall("call-1"), TURN_STARTED);
    assertThat(LogEntryJson.write(entry)).isEqualTo(
        "{\"event\":{\"kind\":\"lightspeed.core.turn.started\",\"payload\":{\"a\":\"x\",\"nested\":{\"a\":null,\"b\":true},\"z\":1},"
            + "\"version\":1},\"joins\":{\"callId\":\"call-1\",\"runId\":3,\"turnId\":2},\"observedAtMs\":1700000000000,\"seq\":7}");
  }

  @Test
  void anEntryWithAllJoinsRoundTrips() {
    LogEntry entry = new LogEntry(42, 123, new Joins(1, 2, 3, "call-9", "sub-4"), TURN_STARTED);
    String line = LogEntryJson.write(entry);
    assertThat(LogEntryJson.parse(line)).isEqualTo(entry);
    assertThat(LogEntryJson.write(LogEntryJson.parse(line))).isEqualTo(line);
    assertThat(LogEntryJson.fromJson(LogEntryJson.toJson(entry))).isEqualTo(entry);
  }

  @Test
  void absentJoinsAreOmitted() {
    LogEntry none = new LogEntry(1, 0, Joins.NONE, TURN_STARTED);
    assertThat(LogEntryJson.write(none)).contains("\"joins\":{}");
    assertThat(LogEntryJson.parse(LogEntryJson.write(none))).isEqualTo(none);

    Json.Obj partial = LogEntryJson.joinsToJson(new Joins(5, 0, 0, null, "sub-1"));
    assertThat(partial.members().keySet()).containsExactlyInAnyOrder("runId", "submissionId");
    assertThat(CanonicalJson.write(partial)).isEqualTo("{\"runId\":5,\"submissionId\":\"sub-1\"}");
  }

  @Test
  void aMissingJoinsObjectReadsAsNoJoins() {
    LogEntry entry = LogEntryJson.parse(
        "{\"seq\":3,\"observedAtMs\":9,\"event\":{\"kind\":\"k\",\"version\":2,\"payload\":{}}}");
    assertThat(entry).isEqualTo(new LogEntry(3, 9, Joins.NONE, new EventEnvelope("k", 2, Json.Obj.EMPTY)));
  }

  @Test
  void nonCanonicalInputReadsToTheSameEntry() {
    LogEntry entry = new LogEntry(7, 11, Joins.run(3).withBatch(4), TURN_STARTED);
    String spaced = "{ \"seq\" : 7, \"observedAtMs\" : 11, \"joins\" : { \"batchId\" : 4, \"runId\" : 3 },\n"
        + "  \"event\" : { \"version\" : 1, \"kind\" : \"lightspeed.core.turn.started\",\n"
        + "    \"payload\" : { \"nested\" : { \"b\" : true, \"a\" : null }, \"a\" : \"x\", \"z\" : 1 } } }";
    assertThat(LogEntryJson.parse(spaced)).isEqualTo(entry);
    assertThat(LogEntryJson.write(LogEntryJson.parse(spaced))).isEqualTo(LogEntryJson.write(entry));
  }

  @Test
  void missingOrMistypedFieldsAreShapeErrors() {
    assertThatThrownBy(() -> LogEntryJson.parse("{\"observedAtMs\":1,\"event\":{\"kind\":\"k\",\"version\":1,\"payload\":{}}}"))
        .isInstanceOf(JsonShapeException.class)
        .hasMessage("missing field \"seq\"");
    assertThatThrownBy(() -> LogEntryJson.parse("{\"seq\":\"1\",\"observedAtMs\":1,\"event\":{\"kind\":\"k\",\"version\":1,\"payload\":{}}}"))
        .isInstanceOf(JsonShapeException.class)
        .hasMessage("field \"seq\" must be an integer");
    assertThatThrownBy(() -> LogEntryJson.parse("{\"seq\":1,\"observedAtMs\":1,\"event\":{\"kind\":\"k\",\"version\":0,\"payload\":{}}}"))
        .isInstanceOf(JsonShapeException.class)
        .hasMessage("field \"version\" out of range: 0");
    assertThatThrownBy(() -> LogEntryJson.parse("[1]"))
        .isInstanceOf(JsonShapeException.class)
        .hasMessage("expected a JSON object");
  }
}
