package dev.lightspeed.engine.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.context.ContextState.PendingCompaction;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.run.RunsState;
import dev.lightspeed.engine.run.Steering;
import dev.lightspeed.engine.run.Submission;
import dev.lightspeed.engine.run.Turn;
import dev.lightspeed.engine.run.TurnPhase;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.CallState;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolBatch;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.engine.tool.ToolingState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The snapshot form of a hand-built state that uses every member and value, and every way decoding refuses input. */
class SessionStateCodecTest {

  private static final Json.Obj DOCUMENT = CanonicalJson.parseObject("{\"model\":{\"providerId\":\"p\",\"apiKind\":\"openai:responses\",\"model\":\"m\"},"
      + "\"generation\":{\"maxOutputTokens\":100},\"limits\":{\"maxTurns\":9},"
      + "\"context\":{\"compaction\":{\"mode\":\"providerStandalone\",\"compact_threshold_tokens\":800,\"target_tokens\":200}},"
      + "\"features\":{\"x\":[1,2.5,null,\"s\",{\"deep\":true}],\"big\":123456789012345678901234567890}}");

  static BlobRef ref(String seed) {
    return BlobRef.sha256(seed.getBytes(UTF_8));
  }

  private static InputItem input(String text) {
    return InputItem.text(ref(text), text.length(), text);
  }

  private static ToolCall call(String id, String tool) {
    return new ToolCall(id, tool, ref("args:" + id));
  }

  /** A state that uses every record, every optional both ways and every source and item member. */
  static SessionState rich() {
    ToolCall c1 = call("c1", "read");
    ToolCall c2 = call("c2", "write");
    ToolCall c3 = call("c3", "nope");
    ToolBatch batch = new ToolBatch(7, List.of(
        new CallState(c1, true, Optional.of(CallOutcome.COMPLETED)),
        new CallState(c2, true, Optional.empty()),
        new CallState(c3, false, Optional.empty())), false);
    Turn turn = new Turn(11, 2, TurnPhase.GENERATED, ref("fp").toString(), List.of(c1, c2, c3), Optional.of(batch));
    Run active = new Run(5, "sub-5", List.of(input("go"), new InputItem(ref("img"), "image/png", 2048, "[image]")),
        CanonicalJson.parseObject("{\"limits\":{\"maxTurns\":2}}"), RunStatus.CANCELLING, 2, 1, Optional.of(turn),
        List.of(new Steering(3, List.of(input("also"))), new Steering(4, List.of())), true, Optional.of(ref("out")), true);
    List<Run> queue = List.of(Run.queued(6, "sub-6", List.of(input("next")), Json.Obj.EMPTY), Run.queued(8, "sub-8", List.of(), Json.Obj.EMPTY));
    Map<Long, RunOutcome> finished = new HashMap<>();
    finished.put(1L, new RunOutcome(1, "sub-1", RunStatus.COMPLETED, Optional.of(ref("answer")), Optional.empty(), Optional.empty()));
    finished.put(2L, new RunOutcome(2, "sub-2", RunStatus.FAILED, Optional.empty(), Optional.of(FailureKind.PROVIDER_ERROR), Optional.of(ref("why"))));
    finished.put(3L, new RunOutcome(3, "sub-3", RunStatus.CANCELLED, Optional.empty(), Optional.empty(), Optional.of(ref("cancelled"))));
    finished.put(4L, new RunOutcome(4, "sub-4", RunStatus.COMPLETED, Optional.empty(), Optional.empty(), Optional.empty()));
    Map<String, Submission> submissions = new HashMap<>();
    for (long run = 1; run <= 8; run++) submissions.put("sub-" + run, new Submission(run, ref("digest" + run).toString()));
    RunsState runs = new RunsState(Optional.of(active), queue, finished, submissions, 9, 12, 8, 5);

    List<ContextEntry> entries = List.of(
        new ContextEntry(1, EntrySource.CONTEXT_EDIT, new ContextItem("inst/a", EntryKind.INSTRUCTIONS, EntryRole.NONE, ref("i"), "text/plain", null, "be kind", 3, null, false)),
        new ContextEntry(2, new EntrySource.RunInput(5, 0), input("go").toContextItem()),
        new ContextEntry(4, new EntrySource.Steering(5, 3, 0), input("also").toContextItem()),
        new ContextEntry(5, new EntrySource.AssistantOutput(5, 11), new ContextItem(null, EntryKind.TOOL_CALL, EntryRole.NONE, ref("call"),
            "application/json", "openai:function_call", "read", 4, "c1", false)),
        new ContextEntry(6, new EntrySource.Tool(5, 11, 7), new ContextItem(null, EntryKind.TOOL_RESULT, EntryRole.NONE, ref("result"),
            "text/plain", null, "oops", 2, "c1", true)),
        new ContextEntry(7, new EntrySource.Runtime("compaction"), new ContextItem(null, EntryKind.COMPACTION, EntryRole.ASSISTANT, ref("summary"),
            "application/json", "openai:compaction", null, 50, null, false)));
    ContextState context = new ContextState(entries, 17, 8, 6, 812, 3, Optional.of(new PendingCompaction(2, CompactionTrigger.HIGH_WATER, 5, 7)), "abc123");

    Map<String, ToolSpec> tools = new LinkedHashMap<>();
    tools.put("write", new ToolSpec("write", ref("spec:write"), Parallelism.EXCLUSIVE, RetrySafety.NOT_RETRY_SAFE));
    tools.put("read", new ToolSpec("read", ref("spec:read"), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE));

    ConfigState config = new ConfigState(DOCUMENT, 4, SessionConfigParser.parseSession(DOCUMENT));
    return new SessionState(42, Lifecycle.OPEN, config, runs, context, new ToolingState(tools, 3));
  }

  private static void assertRoundTrips(SessionState state) {
    assertThat(SessionStateCodec.decode(SessionStateCodec.encode(state))).isEqualTo(state);
    byte[] bytes = SessionStateCodec.toBytes(state);
    assertThat(SessionStateCodec.fromBytes(bytes)).isEqualTo(state);
    assertThat(SessionStateCodec.toBytes(SessionStateCodec.fromBytes(bytes))).isEqualTo(bytes);
  }

  // ---- round trips -------------------------------------------------------------------------------------

  @Test
  void theInitialStateHasThisExactForm() {
    assertThat(new String(SessionStateCodec.toBytes(SessionState.INITIAL), UTF_8)).isEqualTo("{\"config\":{\"document\":{},\"revision\":0},"
        + "\"context\":{\"chain\":\"\",\"consumedThroughId\":0,\"entries\":[],\"lastInputTokens\":0,\"nextCompactionId\":1,\"nextEntryId\":1,\"revision\":0},"
        + "\"head\":0,\"lifecycle\":\"new\","
        + "\"runs\":{\"finished\":[],\"nextBatchId\":1,\"nextRunId\":1,\"nextSteeringId\":1,\"nextTurnId\":1,\"queue\":[],\"submissions\":[]},"
        + "\"stateVersion\":1,\"tooling\":{\"revision\":0,\"tools\":[]}}");
    assertRoundTrips(SessionState.INITIAL);
  }

  @Test
  void aStateUsingEveryMemberRoundTrips() {
    SessionState state = rich();
    assertRoundTrips(state);
    assertThat(SessionStateCodec.encode(state).number("stateVersion")).isEqualTo(1);
  }

  @Test
  void everyEnumValueRoundTrips() {
    SessionState base = rich();
    Run active = base.runs().activeRun();
    for (Lifecycle l : Lifecycle.values()) assertRoundTrips(base.withLifecycle(l));
    for (RunStatus s : RunStatus.values()) assertRoundTrips(base.withRuns(base.runs().withActive(active.withStatus(s))));
    for (TurnPhase p : TurnPhase.values()) {
      Turn t = active.turn();
      assertRoundTrips(base.withRuns(base.runs().withActive(active.withOpenTurn(new Turn(t.id(), t.index(), p, t.fingerprint(), t.toolCalls(), t.batch())))));
    }
    for (CallOutcome o : CallOutcome.values()) {
      ToolBatch b = active.turn().batch().orElseThrow();
      assertRoundTrips(base.withRuns(base.runs().withActive(active.withOpenTurn(active.turn().withBatch(b.update("c3", c -> c.complete(o)))))));
    }
    for (FailureKind f : FailureKind.values()) {
      RunOutcome failed = new RunOutcome(9, "sub-9", RunStatus.FAILED, Optional.empty(), Optional.of(f), Optional.of(ref("r")));
      assertRoundTrips(base.withRuns(base.runs().finish(failed)));
    }
    for (CompactionTrigger t : CompactionTrigger.values()) {
      assertRoundTrips(base.withContext(base.context().withoutPendingCompaction().withPendingCompaction(new PendingCompaction(3, t, 0, 1))));
    }
  }

  @Test
  void emptyOptionalsAreOmittedAndNothingIsWrittenAsNull() {
    SessionState state = rich();
    Run bare = Run.queued(5, "sub-5", List.of(), Json.Obj.EMPTY).withStatus(RunStatus.RUNNING);
    state = state.withRuns(state.runs().withActive(bare)).withContext(state.context().withoutPendingCompaction());
    assertRoundTrips(state);
    Json.Obj json = SessionStateCodec.encode(state);
    Json.Obj run = json.object("runs").object("active");
    assertThat(run.members()).doesNotContainKeys("openTurn", "lastOutput");
    assertThat(json.object("context").members()).doesNotContainKey("pendingCompaction");
    assertThat(json.object("runs").array("finished")).extracting(o -> ((Json.Obj) o).members().keySet())
        .anySatisfy(keys -> assertThat(keys).doesNotContain("output", "failure", "reason"));
    String withoutDocuments = CanonicalJson.write(json).replace(CanonicalJson.write(DOCUMENT), "{}");
    assertThat(withoutDocuments).doesNotContain("null");
  }

  @Test
  void mapsAreWrittenInKeyOrderWhateverTheirIterationOrder() {
    SessionState state = rich();
    Map<Long, RunOutcome> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.putAll(state.runs().finished());
    RunsState runs = new RunsState(state.runs().active(), state.runs().queue(), reversed, new TreeMap<>(state.runs().submissions()),
        state.runs().nextRunId(), state.runs().nextTurnId(), state.runs().nextBatchId(), state.runs().nextSteeringId());
    assertThat(SessionStateCodec.toBytes(state.withRuns(runs))).isEqualTo(SessionStateCodec.toBytes(state));
    Json.Obj json = SessionStateCodec.encode(state);
    assertThat(json.object("runs").array("finished")).extracting(o -> ((Json.Obj) o).number("id")).containsExactly(1L, 2L, 3L, 4L);
    assertThat(json.object("runs").array("submissions")).extracting(o -> ((Json.Obj) o).string("submissionId"))
        .containsExactly("sub-1", "sub-2", "sub-3", "sub-4", "sub-5", "sub-6", "sub-7", "sub-8");
    assertThat(json.object("tooling").array("tools")).extracting(o -> ((Json.Obj) o).string("name")).containsExactly("read", "write");
  }

  @Test
  void encodingRefusesSettingsThatAreNotTheParseOfTheDocument() {
    SessionState state = rich();
    SessionState inconsistent = state.withConfig(new ConfigState(DOCUMENT, 4, SessionSettings.DEFAULT));
    assertThatThrownBy(() -> SessionStateCodec.encode(inconsistent)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("config.settings");
  }

  // ---- decode errors -------------------------------------------------------------------------------------

  private static void assertRejected(String path, Json value, String message) {
    Json.Obj json = with(SessionStateCodec.encode(rich()), path, value);
    assertThatThrownBy(() -> SessionStateCodec.decode(json)).isInstanceOf(StateDecodeException.class).hasMessage(message);
  }

  @Test
  void anUnsupportedOrMissingVersionIsRefused() {
    assertRejected("stateVersion", Json.of(2), "stateVersion: unsupported version 2 (this build reads 1)");
    assertRejected("stateVersion", null, "stateVersion: missing");
    assertRejected("stateVersion", Json.of("1"), "stateVersion: must be an integer");
  }

  @Test
  void aMissingMemberIsNamedByItsPath() {
    assertRejected("runs.nextRunId", null, "runs.nextRunId: missing");
    assertRejected("runs.active.openTurn.batch.calls[1].started", null, "runs.active.openTurn.batch.calls[1].started: missing");
    assertRejected("context.entries[2].source", null, "context.entries[2].source: missing");
    assertRejected("config.document", Json.NULL, "config.document: missing");
    assertRejected("tooling", null, "tooling: missing");
  }

  @Test
  void aMistypedMemberIsNamedByItsPath() {
    assertRejected("head", Json.of("42"), "head: must be an integer");
    assertRejected("head", new Json.Num(0, "4.2"), "head: must be an integer");
    assertRejected("runs.active.turns", Json.of(1L << 40), "runs.active.turns: out of int range: 1099511627776");
    assertRejected("runs.active.lastTurnFinal", Json.of(1), "runs.active.lastTurnFinal: must be a boolean");
    assertRejected("runs.queue", Json.Obj.EMPTY, "runs.queue: must be an array");
    assertRejected("runs.queue[1]", Json.of(8), "runs.queue[1]: must be an object");
    assertRejected("runs.active.openTurn", Json.of("open"), "runs.active.openTurn: must be an object");
    assertRejected("context.chain", Json.of(1), "context.chain: must be a string");
  }

  @Test
  void anUnknownEnumValueIsNamedByItsPath() {
    assertRejected("runs.active.openTurn.batch.calls[2].outcome", Json.of("x"), "runs.active.openTurn.batch.calls[2].outcome: unknown value \"x\"");
    assertRejected("lifecycle", Json.of("paused"), "lifecycle: unknown value \"paused\"");
    assertRejected("runs.active.status", Json.of("RUNNING"), "runs.active.status: unknown value \"RUNNING\"");
    assertRejected("runs.active.openTurn.phase", Json.of("GENERATED"), "runs.active.openTurn.phase: unknown value \"GENERATED\"");
    assertRejected("runs.finished[1].failure", Json.of("oom"), "runs.finished[1].failure: unknown value \"oom\"");
    assertRejected("context.pendingCompaction.trigger", Json.of("auto"), "context.pendingCompaction.trigger: unknown value \"auto\"");
    assertRejected("context.entries[0].item.kind", Json.of("x"), "context.entries[0].item: unknown context entry kind: \"x\"");
    assertRejected("tooling.tools[0].parallelism", Json.of("x"), "tooling.tools[0]: field \"parallelism\": unknown parallelism: \"x\"");
  }

  @Test
  void anInvalidValueIsNamedByItsPath() {
    assertRejected("runs.active.lastOutput", Json.of("sha256:nope"),
        "runs.active.lastOutput: invalid blob ref: \"sha256:nope\" (expected sha256:<64 lowercase hex>)");
    assertRejected("runs.finished[0].status", Json.of("running"), "runs.finished[0].status: not a terminal status: \"running\"");
    assertRejected("runs.finished[1].id", Json.of(1), "runs.finished[1].id: duplicate run 1");
    assertRejected("runs.submissions[1].submissionId", Json.of("sub-1"), "runs.submissions[1].submissionId: duplicate \"sub-1\"");
    assertRejected("tooling.tools[1].name", Json.of("read"), "tooling.tools[1]: duplicate tool \"read\"");
    assertRejected("context.entries[0].id", Json.of(0), "context.entries[0]: id < 1: 0");
    assertRejected("runs.active.input[1].size", Json.of(-1), "runs.active.input[1]: size < 0: -1");
    assertRejected("config.document.limits", Json.of(3), "config.document: invalid config: field \"limits\" must be an object");
  }

  @Test
  void somethingThatIsNotASnapshotIsRefused() {
    assertThatThrownBy(() -> SessionStateCodec.decode(Json.Arr.of())).isInstanceOf(StateDecodeException.class).hasMessage("state: must be a JSON object");
    assertThatThrownBy(() -> SessionStateCodec.fromBytes("{\"stateVersion\":1,".getBytes(UTF_8))).isInstanceOf(StateDecodeException.class)
        .hasMessageStartingWith("state: not valid JSON: ");
    assertThatThrownBy(() -> SessionStateCodec.fromBytes("{}".getBytes(UTF_8))).isInstanceOf(StateDecodeException.class).hasMessage("stateVersion: missing");
  }

  // ---- editing snapshots -----------------------------------------------------------------------------------

  private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)((?:\\[\\d+])*)");

  /** {@return {@code root} with the member at {@code path} (like {@code a.b[2].c}) set to {@code value}, or removed when null} */
  static Json.Obj with(Json.Obj root, String path, Json value) {
    List<Object> steps = new ArrayList<>();
    for (String segment : path.split("\\.")) {
      Matcher m = SEGMENT.matcher(segment);
      if (!m.matches()) throw new IllegalArgumentException(segment);
      steps.add(m.group(1));
      for (String index : m.group(2).split("[\\[\\]]+")) if (!index.isEmpty()) steps.add(Integer.parseInt(index));
    }
    return (Json.Obj) set(root, steps, 0, value);
  }

  private static Json set(Json node, List<Object> steps, int at, Json value) {
    Object step = steps.get(at);
    boolean last = at == steps.size() - 1;
    if (step instanceof String name) {
      Map<String, Json> members = new LinkedHashMap<>(((Json.Obj) node).members());
      if (last && value == null) {
        members.remove(name);
      } else {
        members.put(name, last ? value : set(members.get(name), steps, at + 1, value));
      }
      return new Json.Obj(members);
    }
    List<Json> items = new ArrayList<>(((Json.Arr) node).items());
    int i = (Integer) step;
    items.set(i, last ? value : set(items.get(i), steps, at + 1, value));
    return new Json.Arr(items);
  }
}
