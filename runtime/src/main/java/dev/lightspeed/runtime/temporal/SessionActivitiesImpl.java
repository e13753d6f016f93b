package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.core.LogCorruptionException;
import dev.lightspeed.engine.core.Preparation;
import dev.lightspeed.engine.core.Requests;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.LogEntryJson;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.Turn;
import dev.lightspeed.engine.run.TurnPhase;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.session.SessionStateCodec;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolPort;
import dev.lightspeed.llm.LlmService;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.log.AppendConflictException;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionNotFoundException;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The activities of the session workflow, backed by the stores and the effect ports. Requests are rebuilt
 * here from the log (through a {@link StateCache}), never shipped through Temporal. When the LLM port is an
 * {@link LlmService}, each activity attempt is one provider attempt and Temporal does the retrying;
 * other ports (scripted models in tests) are called as they are.
 */
public final class SessionActivitiesImpl implements SessionActivities {
  /** The bootstrap guard: a folded state larger than this cannot be handed to a workflow. */
  public static final int MAX_STATE_BYTES = 1_500_000;

  private final SessionLog log;
  private final BlobStore blobs;
  private final LlmPort llm;
  private final SessionTools tools;
  private final StateCache states;
  private final RunAborts aborts;
  private final RunPreparer preparer;
  private final int maxStateBytes;

  public SessionActivitiesImpl(SessionLog log, BlobStore blobs, LlmPort llm, ToolPort tools, RunAborts aborts) {
    this(log, blobs, llm, SessionTools.of(tools), aborts, RunPreparer.NONE, MAX_STATE_BYTES);
  }

  public SessionActivitiesImpl(SessionLog log, BlobStore blobs, LlmPort llm, SessionTools tools, RunAborts aborts) {
    this(log, blobs, llm, tools, aborts, RunPreparer.NONE, MAX_STATE_BYTES);
  }

  public SessionActivitiesImpl(SessionLog log, BlobStore blobs, LlmPort llm, SessionTools tools, RunAborts aborts, RunPreparer preparer) {
    this(log, blobs, llm, tools, aborts, preparer, MAX_STATE_BYTES);
  }

  SessionActivitiesImpl(SessionLog log, BlobStore blobs, LlmPort llm, SessionTools tools, RunAborts aborts, RunPreparer preparer, int maxStateBytes) {
    this.log = Objects.requireNonNull(log, "log");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.llm = Objects.requireNonNull(llm, "llm");
    this.tools = Objects.requireNonNull(tools, "tools");
    this.aborts = Objects.requireNonNull(aborts, "aborts");
    this.preparer = Objects.requireNonNull(preparer, "preparer");
    this.states = new StateCache(log, 4_096);
    this.maxStateBytes = maxStateBytes;
  }

  @Override
  public LoadedSession loadSession(String universe, String session) {
    SessionState state;
    try {
      state = states.latest(UniverseId.of(universe), SessionId.of(session));
    } catch (SessionNotFoundException e) {
      throw ApplicationFailure.newNonRetryableFailure("session " + session + " does not exist", Failures.SESSION_NOT_FOUND);
    } catch (LogCorruptionException e) {
      throw ApplicationFailure.newNonRetryableFailure("the log of session " + session + " cannot be replayed: " + e.getMessage(),
          Failures.LOG_CORRUPTED);
    }
    String json = new String(SessionStateCodec.toBytes(state), StandardCharsets.UTF_8);
    if (json.length() > maxStateBytes) {
      throw ApplicationFailure.newNonRetryableFailure("session " + session + " state is " + json.length() + " bytes, above the "
          + maxStateBytes + "-byte bootstrap limit", Failures.STATE_TOO_LARGE);
    }
    return new LoadedSession(json, state.head());
  }

  @Override
  public long appendEvents(String universe, String session, long expectedHead, List<String> entries) {
    List<NewEntry> parsed = new ArrayList<>(entries.size());
    for (String e : entries) parsed.add(newEntry(e));
    try {
      List<LogEntry> committed = log.append(UniverseId.of(universe), SessionId.of(session), expectedHead, parsed);
      return committed.get(committed.size() - 1).seq();
    } catch (AppendConflictException e) {
      throw ApplicationFailure.newNonRetryableFailure("append to session " + session + " at head " + expectedHead + " conflicted: "
          + e.getMessage(), Failures.APPEND_CONFLICT);
    }
  }

  @Override
  public String putBlob(String universe, String text) {
    return blobs.put(UniverseId.of(universe), text.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public String prepareRun(String universe, String session, long head, long run) {
    UniverseId u = UniverseId.of(universe);
    SessionState state = states.at(u, SessionId.of(session), head);
    boolean waiting = state.runs().active().filter(r -> r.id() == run).map(r -> Preparation.awaited(state, r)).orElse(false);
    return EffectCodec.preparation(waiting ? preparer.prepare(u, state, run) : PreparationResult.unchanged(run));
  }

  @Override
  public String generateTurn(String universe, String session, long head, long run, long turn) {
    UniverseId u = UniverseId.of(universe);
    SessionId s = SessionId.of(session);
    SessionState state = states.at(u, s, head);
    Optional<Run> active = state.runs().active().filter(r -> r.id() == run);
    Optional<Turn> open = active.flatMap(Run::openTurn).filter(t -> t.id() == turn && t.phase() == TurnPhase.GENERATING);
    RunWatch watch = new RunWatch(log, u, s, run, state);
    if (open.isEmpty() || watch.ended()) return EffectCodec.generation(run, new GenerationResult.Cancelled(turn));
    var request = Requests.rebuild(state, active.get());
    GenerationResult result = Heartbeating.run(() -> aborts.isAborted(universe, session, run), watch::ended, aborted -> {
      EffectContext ctx = new EffectContext(universe, session, run, aborted);
      try {
        return llm instanceof LlmService service ? service.generateOnce(request, ctx) : llm.generate(request, ctx);
      } catch (ProviderException e) {
        throw transientFailure(e);
      }
    });
    if (result instanceof GenerationResult.Cancelled && stillWanted(universe, session, run, watch)) throw interrupted("the model call");
    return EffectCodec.generation(run, result);
  }

  @Override
  public String compactContext(String universe, String session, long head, long run) {
    UniverseId u = UniverseId.of(universe);
    SessionId s = SessionId.of(session);
    SessionState state = states.at(u, s, head);
    Optional<CompactionRequest> request = Requests.compaction(state);
    if (request.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure("no compaction is pending in session " + session + " at head " + head, "NoPendingCompaction");
    }
    // A manual compaction (run 0) belongs to no run and is never abandoned for one.
    BooleanSupplier unwanted = run == 0 ? () -> false : new RunWatch(log, u, s, run, state)::ended;
    CompactionResult result = Heartbeating.run(() -> aborts.isAborted(universe, session, run), unwanted, aborted -> {
      EffectContext ctx = new EffectContext(universe, session, run, aborted);
      try {
        return llm instanceof LlmService service ? service.compactOnce(request.get(), ctx) : llm.compact(request.get(), ctx);
      } catch (ProviderException e) {
        throw transientFailure(e);
      }
    });
    return EffectCodec.compaction(run, result);
  }

  @Override
  public String invokeToolCall(ToolCallTask task) {
    ToolBatchRequest.Invocation call = EffectCodec.invocation(task.invocation());
    String universe = task.universe();
    String session = task.session();
    long run = task.run();
    long turn = task.turn();
    long batch = task.batch();
    UniverseId u = UniverseId.of(universe);
    SessionId s = SessionId.of(session);
    SessionState dispatched = states.at(u, s, task.head());
    RunWatch watch = new RunWatch(log, u, s, run, dispatched);
    if (watch.ended()) {
      WellKnownBlob cancelled = WellKnownBlob.TOOL_CANCELLED;
      return EffectCodec.toolResult(run, turn, new ToolCallResult(batch, call.call().callId(), CallOutcome.CANCELLED, cancelled.ref(),
          cancelled.bytes().length, cancelled.text()));
    }
    ToolBatchRequest request = new ToolBatchRequest(run, turn, batch, List.of(call));
    ToolPort port = tools.forSession(dispatched);
    ToolCallResult result = Heartbeating.run(() -> aborts.isAborted(universe, session, run), watch::ended,
        aborted -> port.invoke(request, call, new EffectContext(universe, session, run, aborted)));
    if (result.outcome() == CallOutcome.CANCELLED && stillWanted(universe, session, run, watch)) throw interrupted("tool " + call.call().name());
    return EffectCodec.toolResult(run, turn, result);
  }

  /**
   * An effect that stopped early although nobody asked (the worker is shutting down and interrupted it) must
   * not report "cancelled" for a run that goes on: the attempt fails instead and Temporal runs it again.
   */
  private boolean stillWanted(String universe, String session, long run, RunWatch watch) {
    return !aborts.isAborted(universe, session, run) && !watch.ended();
  }

  private static ApplicationFailure interrupted(String what) {
    return ApplicationFailure.newFailure(what + " was interrupted before it finished (the worker is stopping); it will run again",
        Failures.EFFECT_INTERRUPTED);
  }

  private static ApplicationFailure transientFailure(ProviderException e) {
    ProviderError error = e.error();
    ApplicationFailure failure = ApplicationFailure.newFailure(error.describe(), Failures.PROVIDER_TRANSIENT);
    if (error instanceof ProviderError.Transient t) t.retryAfter().ifPresent(failure::setNextRetryDelay);
    return failure;
  }

  /** {@return the canonical text of an entry still to be appended} */
  static String entryText(NewEntry entry) {
    return CanonicalJson.write(Json.Obj.builder()
        .put("observedAtMs", entry.observedAtMs())
        .put("joins", LogEntryJson.joinsToJson(entry.joins()))
        .put("event", LogEntryJson.envelopeToJson(entry.event()))
        .build());
  }

  static NewEntry newEntry(String canonical) {
    Json.Obj obj = CanonicalJson.parseObject(canonical);
    return new NewEntry(obj.number("observedAtMs"), LogEntryJson.joinsFromJson(obj.findObject("joins").orElse(Json.Obj.EMPTY)),
        LogEntryJson.envelopeFromJson(obj.object("event")));
  }
}
