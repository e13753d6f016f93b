package dev.lightspeed.engine.session;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonReader;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.run.RunsState;
import dev.lightspeed.engine.run.Steering;
import dev.lightspeed.engine.run.Submission;
import dev.lightspeed.engine.run.Turn;
import dev.lightspeed.engine.run.TurnPhase;
import dev.lightspeed.engine.tool.ApprovalState;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.CallState;
import dev.lightspeed.engine.tool.ToolBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The snapshot form of {@link RunsState} for {@link SessionStateCodec}. Maps become arrays sorted by key
 * (finished runs by id, submissions by id) so the bytes do not depend on hash order.
 */
final class RunsJson {
  private RunsJson() {}

  // ---- encoding ----------------------------------------------------------------------------------------

  static Json.Obj encode(RunsState runs) {
    Json.Obj.Builder b = Json.Obj.builder();
    runs.active().ifPresent(r -> b.put("active", run(r)));
    b.put("queue", array(runs.queue(), RunsJson::run));
    List<Json> finished = new ArrayList<>();
    new TreeMap<>(runs.finished()).forEach((id, outcome) -> {
      if (id != outcome.id()) throw new IllegalArgumentException("finished run " + id + " holds the outcome of run " + outcome.id());
      finished.add(outcome(outcome));
    });
    List<Json> submissions = new ArrayList<>();
    new TreeMap<>(runs.submissions()).forEach((id, s) -> submissions.add(Json.Obj.builder()
        .put("submissionId", id)
        .put("run", s.run())
        .put("inputDigest", s.inputDigest())
        .build()));
    return b.putArray("finished", finished)
        .putArray("submissions", submissions)
        .put("nextRunId", runs.nextRunId())
        .put("nextTurnId", runs.nextTurnId())
        .put("nextBatchId", runs.nextBatchId())
        .put("nextSteeringId", runs.nextSteeringId())
        .build();
  }

  private static Json.Obj run(Run run) {
    Json.Obj.Builder b = Json.Obj.builder()
        .put("id", run.id())
        .put("submissionId", run.submissionId())
        .put("input", array(run.input(), EventCodec::inputItem))
        .put("config", run.config())
        .put("status", run.status().wireName())
        .put("turns", run.turns())
        .put("toolRounds", run.toolRounds());
    run.openTurn().ifPresent(t -> b.put("openTurn", turn(t)));
    b.put("pendingSteering", array(run.pendingSteering(), s -> Json.Obj.builder()
        .put("id", s.id())
        .put("input", array(s.input(), EventCodec::inputItem))
        .build()));
    b.put("lastTurnFinal", run.lastTurnFinal());
    if (run.prepared()) b.put("prepared", true);
    run.lastOutput().ifPresent(o -> b.put("lastOutput", o.toString()));
    return b.build();
  }

  private static Json.Obj turn(Turn turn) {
    Json.Obj.Builder b = Json.Obj.builder()
        .put("id", turn.id())
        .put("index", turn.index())
        .put("phase", phase(turn.phase()))
        .put("fingerprint", turn.fingerprint())
        .put("toolCalls", array(turn.toolCalls(), EventCodec::toolCall));
    turn.batch().ifPresent(batch -> b.put("batch", Json.Obj.builder()
        .put("id", batch.id())
        .put("calls", array(batch.calls(), RunsJson::call))
        .put("closed", batch.closed())
        .build()));
    return b.build();
  }

  private static Json.Obj call(CallState call) {
    Json.Obj.Builder b = Json.Obj.builder().put("call", EventCodec.toolCall(call.call())).put("started", call.started());
    call.outcome().ifPresent(o -> b.put("outcome", o.wireName()));
    if (call.approval() != ApprovalState.NONE) b.put("approval", call.approval().wireName());
    return b.build();
  }

  private static Json.Obj outcome(RunOutcome outcome) {
    Json.Obj.Builder b = Json.Obj.builder()
        .put("id", outcome.id())
        .put("submissionId", outcome.submissionId())
        .put("status", outcome.status().wireName());
    outcome.output().ifPresent(o -> b.put("output", o.toString()));
    outcome.failure().ifPresent(f -> b.put("failure", f.wireName()));
    outcome.reason().ifPresent(r -> b.put("reason", r.toString()));
    return b.build();
  }

  /** The wire name of a turn phase; spelled out so renaming a constant cannot change stored snapshots. */
  private static String phase(TurnPhase phase) {
    return switch (phase) {
      case STARTED -> "started";
      case PLANNED -> "planned";
      case GENERATING -> "generating";
      case GENERATED -> "generated";
    };
  }

  private static <T> Json.Arr array(List<T> items, Function<T, ? extends Json> write) {
    List<Json> out = new ArrayList<>(items.size());
    for (T item : items) out.add(write.apply(item));
    return new Json.Arr(out);
  }

  // ---- decoding ----------------------------------------------------------------------------------------

  static RunsState decode(JsonReader r) {
    Map<Long, RunOutcome> finished = new HashMap<>();
    for (JsonReader o : r.readers("finished")) {
      RunOutcome outcome = outcome(o);
      if (finished.put(outcome.id(), outcome) != null) throw o.error("id", "duplicate run " + outcome.id());
    }
    Map<String, Submission> submissions = new HashMap<>();
    for (JsonReader s : r.readers("submissions")) {
      String id = s.string("submissionId");
      Submission submission = new Submission(s.number("run"), s.string("inputDigest"));
      if (submissions.put(id, submission) != null) throw s.error("submissionId", "duplicate \"" + id + "\"");
    }
    return r.build(() -> new RunsState(
        r.findReader("active").map(RunsJson::run),
        r.list("queue", RunsJson::run),
        finished,
        submissions,
        r.number("nextRunId"),
        r.number("nextTurnId"),
        r.number("nextBatchId"),
        r.number("nextSteeringId")));
  }

  private static Run run(JsonReader r) {
    return r.build(() -> new Run(
        r.number("id"),
        r.string("submissionId"),
        r.decodeAll("input", EventCodec::inputItem),
        r.object("config"),
        r.wire("status", RunStatus.values(), RunStatus::wireName),
        r.intNumber("turns"),
        r.intNumber("toolRounds"),
        r.findReader("openTurn").map(RunsJson::turn),
        r.list("pendingSteering", s -> s.build(() -> new Steering(s.number("id"), s.decodeAll("input", EventCodec::inputItem)))),
        r.bool("lastTurnFinal"),
        r.findString("lastOutput", BlobRef::parse),
        r.findBool("prepared").orElse(false)));
  }

  private static Turn turn(JsonReader r) {
    return r.build(() -> new Turn(
        r.number("id"),
        r.intNumber("index"),
        r.wire("phase", TurnPhase.values(), RunsJson::phase),
        r.string("fingerprint"),
        r.decodeAll("toolCalls", EventCodec::toolCall),
        r.findReader("batch").map(RunsJson::batch)));
  }

  private static ToolBatch batch(JsonReader r) {
    return r.build(() -> new ToolBatch(r.number("id"), r.list("calls", RunsJson::call), r.bool("closed")));
  }

  private static CallState call(JsonReader r) {
    return r.build(() -> new CallState(
        r.decode("call", EventCodec::toolCall),
        r.bool("started"),
        r.findWire("outcome", CallOutcome.values(), CallOutcome::wireName),
        r.findWire("approval", ApprovalState.values(), ApprovalState::wireName).orElse(ApprovalState.NONE)));
  }

  private static RunOutcome outcome(JsonReader r) {
    RunStatus status = r.wire("status", RunStatus.values(), RunStatus::wireName);
    if (!status.terminal()) throw r.error("status", "not a terminal status: \"" + status.wireName() + "\"");
    return r.build(() -> new RunOutcome(
        r.number("id"),
        r.string("submissionId"),
        status,
        r.findString("output", BlobRef::parse),
        r.findWire("failure", FailureKind.values(), FailureKind::wireName),
        r.findString("reason", BlobRef::parse)));
  }
}
