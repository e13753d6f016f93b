package dev.lightspeed.engine.scenario;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.core.Replay;
import dev.lightspeed.engine.core.Requests;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.drive.Drive;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.TurnEvent;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.LogEntryJson;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.session.SessionStateCodec;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A synchronous, single-threaded host for one {@link Drive}: an in-memory log that behaves like a real store
 * (assigns seqs, checks {@code expectedHead}), a fake clock, a scripted model, scripted tools and scripted
 * compactions. Effects are answered at once from the script or held, so a test can act while a generation,
 * a tool call or a compaction is outstanding.
 *
 * <p>Every committed append is checked: each envelope decodes and re-encodes to itself, each entry survives
 * its stored JSON form, planned-turn events stay small, joins match the event, the state replayed from
 * the stored log equals the drive's live state, and that state survives its {@link SessionStateCodec}
 * snapshot. Every compaction handed out is the one {@link Requests#compaction} derives from the state.
 */
final class TestHost {
  static final Json.Obj MODEL_CONFIG = json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m-1\"}}");
  static final ToolSpec READ = new ToolSpec("read", ref("spec:read"), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
  static final ToolSpec WRITE = new ToolSpec("write", ref("spec:write"), Parallelism.EXCLUSIVE, RetrySafety.NOT_RETRY_SAFE);
  static final ToolSpec FETCH = new ToolSpec("fetch", ref("spec:fetch"), Parallelism.PARALLEL_SAFE, RetrySafety.NOT_RETRY_SAFE);
  static final Usage USAGE = new Usage(10, 5, 0, 0);
  /** Upper bound on the canonical size of a stored {@code turn.planned} envelope. */
  static final int MAX_PLANNED_BYTES = 400;
  private static final int MAX_STEPS_TO_SETTLE = 10_000;

  /** What the scripted model does with one generation request; an empty answer holds it. */
  @FunctionalInterface
  interface Reply {
    Optional<GenerationResult> answer(LlmRequest request);
  }

  /** How tool calls are answered when the host is handed them. */
  enum ToolMode {
    /** In dispatch order, at once. */
    ANSWER,
    /** In reverse dispatch order, at once. */
    ANSWER_REVERSED,
    /** Not at all: the calls stay in flight until the test answers them. */
    HOLD
  }

  /** A tool call handed to the host and not answered yet. */
  record HeldCall(long run, long batch, ToolBatchRequest.Invocation invocation) {
    String callId() {
      return invocation.call().callId();
    }
  }

  private Drive drive = Drive.create();
  private final List<LogEntry> log = new ArrayList<>();
  private SessionState replayed = SessionState.INITIAL;
  private long now = 1_000_000;
  private int appends;
  private int fullReplayEvery = 1;
  private boolean checkSnapshots = true;
  private final Deque<Reply> replies = new ArrayDeque<>();
  private Reply modelFallback = request -> Optional.empty();
  private final Deque<Function<CompactionRequest, Optional<CompactionResult>>> compactionReplies = new ArrayDeque<>();
  private Function<CompactionRequest, Optional<CompactionResult>> compactionFallback = request -> Optional.empty();
  private ToolMode toolMode = ToolMode.ANSWER;
  private final Map<String, ToolCallResult> toolResults = new HashMap<>();
  private final List<LlmRequest> generations = new ArrayList<>();
  private Function<Long, PreparationResult> preparer = PreparationResult::unchanged;
  private final List<Long> preparedRuns = new ArrayList<>();
  private final List<LlmRequest> heldGenerations = new ArrayList<>();
  private final List<ToolBatchRequest> toolRequests = new ArrayList<>();
  private final List<HeldCall> heldCalls = new ArrayList<>();
  private final List<CompactionRequest> compactionRequests = new ArrayList<>();
  private final List<CompactionRequest> heldCompactions = new ArrayList<>();
  private final List<EventEnvelope> admittedNotHandedOut = new ArrayList<>();
  private final List<Consumer<SessionState>> commitObservers = new ArrayList<>();

  // ---- fixtures -------------------------------------------------------------------------------------------

  static BlobRef ref(String seed) {
    return BlobRef.sha256(seed.getBytes(UTF_8));
  }

  static BlobRef text(String text) {
    return ref("text:" + text);
  }

  static Json.Obj json(String text) {
    return CanonicalJson.parseObject(text);
  }

  static InputItem input(String text) {
    return InputItem.text(text(text), text.getBytes(UTF_8).length, text);
  }

  static Command.RequestRun run(String submissionId, String text) {
    return new Command.RequestRun(submissionId, List.of(input(text)), Json.Obj.EMPTY);
  }

  static Command.RequestRun run(String submissionId, String text, String runConfig) {
    return new Command.RequestRun(submissionId, List.of(input(text)), json(runConfig));
  }

  static Command.SteerRun steer(String text) {
    return new Command.SteerRun(0, List.of(input(text)));
  }

  static Command.UpsertContext upsert(ContextItem... items) {
    return new Command.UpsertContext(OptionalLong.empty(), List.of(items));
  }

  static ContextItem keyed(String key, EntryKind kind, String content) {
    return new ContextItem(key, kind, EntryRole.NONE, text(content), "text/plain", null, content, 1, null, false);
  }

  static ContextItem instructions(String key, String content) {
    return keyed(key, EntryKind.INSTRUCTIONS, content);
  }

  static ToolCall call(String callId, String tool) {
    return new ToolCall(callId, tool, ref("args:" + callId));
  }

  static ContextItem assistantMessage(String text) {
    return ContextItem.message(EntryRole.ASSISTANT, text(text), text, Math.max(1, text.length() / 4));
  }

  static ContextItem toolCallItem(ToolCall call) {
    return new ContextItem(null, EntryKind.TOOL_CALL, EntryRole.NONE, ref("call:" + call.callId()), "application/json", "test:function_call",
        call.name(), 4, call.callId(), false);
  }

  static ContextItem compactionItem(String seed) {
    return new ContextItem(null, EntryKind.COMPACTION, EntryRole.NONE, ref("compaction:" + seed), "application/json", "test:compaction",
        null, 50, null, false);
  }

  // ---- model replies --------------------------------------------------------------------------------------

  static Reply finalText(String text) {
    return finalText(text, USAGE.inputTokens());
  }

  static Reply finalText(String text, long inputTokens) {
    return outputs(List.of(assistantMessage(text)), List.of(), inputTokens);
  }

  /** The model calls these tools (each also appears as a {@code TOOL_CALL} output item, as adapters report them). */
  static Reply calls(ToolCall... calls) {
    return callsWithUsage(USAGE.inputTokens(), calls);
  }

  static Reply callsWithUsage(long inputTokens, ToolCall... calls) {
    List<ContextItem> outputs = Arrays.stream(calls).map(TestHost::toolCallItem).toList();
    return outputs(outputs, List.of(calls), inputTokens);
  }

  static Reply outputs(List<ContextItem> outputs, List<ToolCall> calls, long inputTokens) {
    return request -> Optional.of(new GenerationResult.Completed(request.turn(), ref("response:" + request.turn()),
        calls.isEmpty() ? "stop" : "tool_calls", new Usage(inputTokens, 5, 0, 0), outputs, calls, "resp-" + request.turn()));
  }

  static Reply failure(String message) {
    return request -> Optional.of(new GenerationResult.Failed(request.turn(), ref("error:" + message), message));
  }

  static Reply hold() {
    return request -> Optional.empty();
  }

  static Function<CompactionRequest, Optional<CompactionResult>> compactTo(ContextItem... items) {
    return request -> Optional.of(new CompactionResult.Completed(request.compaction(), List.of(items), new Usage(100, 20, 0, 0)));
  }

  // ---- setup ----------------------------------------------------------------------------------------------

  /** {@return a host whose session is open with {@code config} and the given tools} */
  static TestHost open(Json.Obj config, ToolSpec... tools) {
    TestHost host = new TestHost();
    host.admit(new Command.OpenSession(config));
    if (tools.length > 0) host.admit(new Command.ReplaceTools(List.of(tools)));
    host.runUntilQuiet();
    return host;
  }

  /** {@return a host whose session is open with a model and the read/write/fetch tools} */
  static TestHost open() {
    return open(MODEL_CONFIG, READ, WRITE, FETCH);
  }

  TestHost reply(Reply... script) {
    replies.addAll(List.of(script));
    return this;
  }

  /** Answers generations with {@code fallback} once the scripted replies run out (by default they are held). */
  TestHost modelFallback(Reply fallback) {
    this.modelFallback = fallback;
    return this;
  }

  @SafeVarargs
  final TestHost compaction(Function<CompactionRequest, Optional<CompactionResult>>... script) {
    compactionReplies.addAll(List.of(script));
    return this;
  }

  /** Answers compactions with {@code fallback} once the scripted ones run out (by default they are held). */
  TestHost compactionFallback(Function<CompactionRequest, Optional<CompactionResult>> fallback) {
    this.compactionFallback = fallback;
    return this;
  }

  TestHost toolMode(ToolMode mode) {
    this.toolMode = mode;
    return this;
  }

  /** Makes call {@code callId} end with {@code outcome} and {@code output} instead of the default success. */
  TestHost toolResult(String callId, CallOutcome outcome, String output) {
    toolResults.put(callId, new ToolCallResult(0, callId, outcome, text(output), output.length(), output));
    return this;
  }

  /** Calls {@code observer} with the committed state after every append, once the host's own checks passed. */
  TestHost onCommit(Consumer<SessionState> observer) {
    commitObservers.add(observer);
    return this;
  }

  /** Turns the per-append snapshot check off (or back on); long random runs do it only where they mean to. */
  TestHost checkSnapshots(boolean check) {
    this.checkSnapshots = check;
    return this;
  }

  /** Replays the whole log after every {@code n}th append (0: never) on top of the per-entry replay. */
  TestHost fullReplayEvery(int n) {
    this.fullReplayEvery = n;
    return this;
  }

  // ---- commands -------------------------------------------------------------------------------------------

  Admission submit(Command command) {
    Admission admission = drive.submit(command);
    if (admission instanceof Admission.Admitted admitted) {
      for (Event e : admitted.events()) admittedNotHandedOut.add(EventCodec.encode(e));
    }
    return admission;
  }

  Admission.Admitted admit(Command command) {
    Admission admission = submit(command);
    if (admission instanceof Admission.Rejected r) fail("expected " + command + " to be admitted but: " + r.rejection());
    return (Admission.Admitted) admission;
  }

  Rejection reject(Command command) {
    Admission admission = submit(command);
    if (admission instanceof Admission.Admitted a) fail("expected " + command + " to be rejected but it was admitted with " + a.events());
    return ((Admission.Rejected) admission).rejection();
  }

  // ---- driving --------------------------------------------------------------------------------------------

  /** Performs actions until the drive is idle or closed. {@return the last action} */
  Action runUntilQuiet() {
    for (int i = 0; i < MAX_STEPS_TO_SETTLE; i++) {
      Action action = step();
      if (action instanceof Action.Idle || action instanceof Action.Closed) {
        if (action instanceof Action.Idle idle) {
          assertThat(idle.outstandingEffects()).as("outstanding effects").isLessThanOrEqualTo(heldCount());
        }
        return action;
      }
    }
    throw new AssertionError("the drive did not settle within " + MAX_STEPS_TO_SETTLE + " steps; last kinds: "
        + kinds().subList(Math.max(0, log.size() - 20), log.size()));
  }

  /** Asks for one action and performs it. */
  Action step() {
    now += 1;
    Action action = drive.next(now);
    perform(action);
    return action;
  }

  /** Answers each run's preparation with {@code preparer} (by default: nothing changed). */
  TestHost preparing(Function<Long, PreparationResult> preparer) {
    this.preparer = preparer;
    return this;
  }

  /** {@return the runs the drive asked this host to prepare, in order} */
  List<Long> preparedRuns() {
    return List.copyOf(preparedRuns);
  }

  /** Asks for one action; an append is returned uncommitted so the test can act before {@link #commit}. */
  Action nextAction() {
    now += 1;
    Action action = drive.next(now);
    if (action instanceof Action.AppendEvents append) {
      checkAdmittedHandedOut(append);
      return action;
    }
    perform(action);
    return action;
  }

  void perform(Action action) {
    switch (action) {
      case Action.AppendEvents append -> {
        checkAdmittedHandedOut(append);
        commit(append);
      }
      case Action.GenerateTurn generate -> generate(generate.request());
      case Action.InvokeTools invoke -> invoke(invoke.request());
      case Action.CompactContext compact -> compact(compact.request());
      case Action.PrepareRun prepare -> {
        preparedRuns.add(prepare.run());
        drive.resumePreparation(preparer.apply(prepare.run()));
      }
      case Action.Idle idle -> {}
      case Action.Closed closed -> {}
    }
  }

  private void checkAdmittedHandedOut(Action.AppendEvents append) {
    if (admittedNotHandedOut.isEmpty()) return;
    List<EventEnvelope> sent = append.entries().stream().map(NewEntry::event).toList();
    int at = 0;
    for (EventEnvelope e : sent) if (at < admittedNotHandedOut.size() && admittedNotHandedOut.get(at).equals(e)) at++;
    assertThat(at).as("admitted events %s must be in the next append %s", admittedNotHandedOut, sent).isEqualTo(admittedNotHandedOut.size());
    admittedNotHandedOut.clear();
  }

  /** Commits an append like a store would and reports it to the drive, then checks the log. */
  void commit(Action.AppendEvents append) {
    appends++;
    assertThat(append.expectedHead()).as("expectedHead").isEqualTo(log.size());
    List<LogEntry> committed = new ArrayList<>();
    for (NewEntry e : append.entries()) {
      if (!log.isEmpty()) assertThat(e.observedAtMs()).as("observation times never go back").isGreaterThanOrEqualTo(log.get(log.size() - 1).observedAtMs());
      LogEntry entry = e.at(log.size() + 1);
      log.add(entry);
      committed.add(entry);
    }
    drive.resumeAppended(committed);
    for (LogEntry entry : committed) replayed = Replay.apply(replayed, checkEntry(entry));
    assertThat(drive.state().head()).as("drive head").isEqualTo(log.size());
    if (!replayed.equals(drive.state())) {
      assertThat(replayed).as("state replayed entry by entry from the log equals the live state at seq %d", log.size()).isEqualTo(drive.state());
    }
    if (fullReplayEvery > 0 && log.size() % fullReplayEvery == 0) verifyFullReplay();
    if (checkSnapshots) checkSnapshot(drive.state());
    for (Consumer<SessionState> observer : commitObservers) observer.accept(drive.state());
  }

  /** Checks that {@code state} survives its snapshot exactly: as JSON, and as bytes that re-encode identically. */
  static void checkSnapshot(SessionState state) {
    SessionState decoded = SessionStateCodec.decode(SessionStateCodec.encode(state));
    if (!decoded.equals(state)) assertThat(decoded).as("state decoded from its snapshot at head %d", state.head()).isEqualTo(state);
    byte[] bytes = SessionStateCodec.toBytes(state);
    SessionState read = SessionStateCodec.fromBytes(bytes);
    if (!read.equals(state)) assertThat(read).as("state read from its snapshot bytes at head %d", state.head()).isEqualTo(state);
    byte[] again = SessionStateCodec.toBytes(read);
    if (!Arrays.equals(again, bytes)) {
      assertThat(new String(again, UTF_8)).as("snapshot re-encoded from its bytes at head %d", state.head()).isEqualTo(new String(bytes, UTF_8));
    }
  }

  /** Checks one committed entry and {@return it as read back from its stored JSON form} */
  private static LogEntry checkEntry(LogEntry entry) {
    LogEntry stored = LogEntryJson.parse(LogEntryJson.write(entry));
    if (!stored.equals(entry)) assertThat(stored).as("entry %d read back from its stored form", entry.seq()).isEqualTo(entry);
    EventEnvelope envelope = entry.event();
    Event event = EventCodec.decode(envelope);
    EventEnvelope reencoded = EventCodec.encode(event);
    if (!reencoded.equals(envelope)) assertThat(reencoded).as("re-encoded %s at seq %d", envelope.kind(), entry.seq()).isEqualTo(envelope);
    if (!event.joins().equals(entry.joins())) assertThat(event.joins()).as("joins at seq %d", entry.seq()).isEqualTo(entry.joins());
    if (event instanceof TurnEvent.Planned) {
      assertThat(plannedSize(envelope)).as("stored size of turn.planned at seq %d", entry.seq()).isLessThan(MAX_PLANNED_BYTES);
    }
    return stored;
  }

  static int plannedSize(EventEnvelope envelope) {
    return CanonicalJson.writeUtf8(LogEntryJson.envelopeToJson(envelope)).length;
  }

  /** Folds the whole log from scratch and compares it with the live state. */
  void verifyFullReplay() {
    assertThat(Replay.fold(log)).as("state folded from the whole log (%d entries) equals the live state", log.size()).isEqualTo(drive.state());
  }

  private void generate(LlmRequest request) {
    generations.add(request);
    Reply reply = replies.isEmpty() ? modelFallback : replies.poll();
    Optional<GenerationResult> result = reply.answer(request);
    if (result.isEmpty()) {
      heldGenerations.add(request);
      return;
    }
    assertThat(drive.resumeGeneration(result.get())).as("generation result for turn %d accepted", request.turn()).isTrue();
  }

  private void invoke(ToolBatchRequest request) {
    toolRequests.add(request);
    List<HeldCall> calls = new ArrayList<>();
    for (ToolBatchRequest.Invocation i : request.calls()) calls.add(new HeldCall(request.run(), request.batch(), i));
    heldCalls.addAll(calls);
    switch (toolMode) {
      case ANSWER -> calls.forEach(c -> assertThat(answerCall(c.callId())).isTrue());
      case ANSWER_REVERSED -> calls.reversed().forEach(c -> assertThat(answerCall(c.callId())).isTrue());
      case HOLD -> {}
    }
  }

  private void compact(CompactionRequest request) {
    assertThat(Requests.compaction(drive.state())).as("the compaction request derived from the state").contains(request);
    compactionRequests.add(request);
    Optional<CompactionResult> result = (compactionReplies.isEmpty() ? compactionFallback : compactionReplies.poll()).apply(request);
    if (result.isEmpty()) {
      heldCompactions.add(request);
      return;
    }
    assertThat(drive.resumeCompaction(result.get())).isTrue();
  }

  // ---- answering held effects -----------------------------------------------------------------------------

  /** Reports a held generation's result. {@return what the drive said (false: stale, ignored)} */
  boolean answerGeneration(Reply reply) {
    assertThat(heldGenerations).as("held generations").isNotEmpty();
    LlmRequest request = heldGenerations.remove(0);
    return drive.resumeGeneration(reply.answer(request).orElseThrow());
  }

  boolean answerGeneration(GenerationResult result) {
    heldGenerations.removeIf(r -> r.turn() == result.turn());
    return drive.resumeGeneration(result);
  }

  /** Reports the scripted (or default) result of held call {@code callId}. */
  boolean answerCall(String callId) {
    ToolCallResult scripted = toolResults.get(callId);
    CallOutcome outcome = scripted == null ? CallOutcome.COMPLETED : scripted.outcome();
    String output = scripted == null ? "result of " + callId : scripted.preview();
    return answerCall(callId, outcome, output);
  }

  boolean answerCall(String callId, CallOutcome outcome, String output) {
    HeldCall held = heldCalls.stream().filter(c -> c.callId().equals(callId)).findFirst()
        .orElseThrow(() -> new AssertionError("call " + callId + " is not held; held: " + heldCalls));
    heldCalls.remove(held);
    return drive.resumeToolCall(new ToolCallResult(held.batch(), callId, outcome, text(output), output.getBytes(UTF_8).length, output));
  }

  boolean answerCompaction(CompactionResult result) {
    heldCompactions.removeIf(r -> r.compaction() == result.compaction());
    return drive.resumeCompaction(result);
  }

  /**
   * Simulates a host crash and restart: the drive is rebuilt from the log alone ({@code Drive.resume} of
   * the replayed state) and every effect the old drive handed out is forgotten.
   */
  void crashAndResume() {
    drive = Drive.resume(Replay.fold(log));
    heldGenerations.clear();
    heldCalls.clear();
    heldCompactions.clear();
    admittedNotHandedOut.clear();
    assertThat(drive.state()).isEqualTo(replayed);
  }

  // ---- inspection -----------------------------------------------------------------------------------------

  Drive drive() {
    return drive;
  }

  SessionState state() {
    return drive.state();
  }

  /** {@return a read-only view of the committed log} */
  List<LogEntry> log() {
    return Collections.unmodifiableList(log);
  }

  int heldCount() {
    return heldGenerations.size() + heldCalls.size() + heldCompactions.size();
  }

  List<LlmRequest> generations() {
    return generations;
  }

  List<LlmRequest> heldGenerations() {
    return heldGenerations;
  }

  List<ToolBatchRequest> toolRequests() {
    return toolRequests;
  }

  List<HeldCall> heldCalls() {
    return heldCalls;
  }

  List<CompactionRequest> compactionRequests() {
    return compactionRequests;
  }

  List<CompactionRequest> heldCompactions() {
    return heldCompactions;
  }

  long now() {
    return now;
  }

  void advanceClock(long ms) {
    now += ms;
  }

  /** {@return how many appends were committed so far} */
  int appendCount() {
    return appends;
  }

  /** {@return the position after the last committed entry, to read what comes next with {@link #kindsSince}} */
  int mark() {
    return log.size();
  }

  /** {@return every committed kind, without the {@code lightspeed.core.} prefix} */
  List<String> kinds() {
    return kindsSince(0);
  }

  List<String> kindsSince(int mark) {
    return log.subList(mark, log.size()).stream().map(e -> e.event().kind().substring("lightspeed.core.".length())).toList();
  }

  List<Event> eventsSince(int mark) {
    return log.subList(mark, log.size()).stream().map(e -> EventCodec.decode(e.event())).toList();
  }

  <E extends Event> List<E> events(Class<E> type) {
    return eventsSince(0).stream().filter(type::isInstance).map(type::cast).toList();
  }
}
