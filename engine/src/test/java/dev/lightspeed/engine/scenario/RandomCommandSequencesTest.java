package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.FETCH;
import static dev.lightspeed.engine.scenario.TestHost.READ;
import static dev.lightspeed.engine.scenario.TestHost.WRITE;
import static dev.lightspeed.engine.scenario.TestHost.assistantMessage;
import static dev.lightspeed.engine.scenario.TestHost.call;
import static dev.lightspeed.engine.scenario.TestHost.compactionItem;
import static dev.lightspeed.engine.scenario.TestHost.input;
import static dev.lightspeed.engine.scenario.TestHost.json;
import static dev.lightspeed.engine.scenario.TestHost.keyed;
import static dev.lightspeed.engine.scenario.TestHost.ref;
import static dev.lightspeed.engine.scenario.TestHost.toolCallItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.run.RunsState;
import dev.lightspeed.engine.run.Turn;
import dev.lightspeed.engine.run.TurnPhase;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolBatch;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random interleavings of commands and effect outcomes against one session, checking the engine's
 * invariants after every step. A failure names the seed; {@link #oneSequence} replays a single seed
 * ({@code -Dlightspeed.seed=...}). For a longer hunt, {@code -Dlightspeed.sequences=N} and
 * {@code -Dlightspeed.baseSeed=S} change how many sequences run and from which base seed.
 */
class RandomCommandSequencesTest {
  private static final long BASE_SEED = 0x11_6475_5EEDL;
  private static final int SEQUENCES = 200;
  private static final int MAX_STEPS = 300;
  private static final int MAX_DRAIN_ROUNDS = 5_000;

  private static final String MODEL = "\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m-1\"}";
  private static final List<Json.Obj> CONFIGS = List.of(
      json("{" + MODEL + "}"),
      json("{" + MODEL + ",\"limits\":{\"maxTurns\":3,\"maxToolRounds\":2}}"),
      json("{" + MODEL + ",\"limits\":{\"maxToolRounds\":0}}"),
      json("{" + MODEL + ",\"context\":{\"compaction\":{\"mode\":\"providerStandalone\",\"compact_threshold_tokens\":800}}}"),
      json("{" + MODEL + ",\"context\":{\"compaction\":{\"mode\":\"providerTriggered\",\"compact_threshold_tokens\":800}}}"),
      Json.Obj.EMPTY);
  private static final List<ToolSpec> TOOLS = List.of(READ, WRITE, FETCH);
  private static final List<String> TOOL_NAMES = List.of("read", "write", "fetch", "nope");
  private static final List<String> KEYS = List.of("inst/a", "inst/b", "skills", "vfs", "note/1", "note/2");
  private static final List<String> WORDS = List.of("alpha", "beta", "gamma", "delta");

  @Test
  void randomCommandSequencesKeepEveryInvariant() {
    SplittableRandom seeds = new SplittableRandom(Long.getLong("lightspeed.baseSeed", BASE_SEED));
    int sequences = Integer.getInteger("lightspeed.sequences", SEQUENCES);
    for (int i = 0; i < sequences; i++) {
      long seed = seeds.nextLong();
      try {
        new Sequence(seed).run();
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("random sequence " + i + " failed; replay it with seed " + seed + "L: " + e.getMessage(), e);
      }
    }
  }

  /** Replays one seed (set {@code -Dlightspeed.seed=...} to pick it); by default a fixed one. */
  @Test
  void oneSequence() {
    new Sequence(Long.getLong("lightspeed.seed", 42L)).run();
  }

  /** One random session: a seed, a host and the bookkeeping the invariants need. */
  static final class Sequence {
    private final long seed;
    private final SplittableRandom rnd;
    private final TestHost host;
    private int nextCallId = 1;
    private int steps;
    private int scanned;
    private final Set<Long> accepted = new HashSet<>();
    private final Map<Long, Integer> terminalEvents = new HashMap<>();

    Sequence(long seed) {
      this.seed = seed;
      this.rnd = new SplittableRandom(seed);
      List<ToolSpec> tools = TOOLS.stream().filter(t -> rnd.nextInt(4) > 0).toList();
      this.host = TestHost.open(pick(CONFIGS), tools.toArray(ToolSpec[]::new)).fullReplayEvery(0).checkSnapshots(false)
          .toolMode(TestHost.ToolMode.HOLD);
    }

    TestHost host() {
      return host;
    }

    void run() {
      int length = 1 + rnd.nextInt(MAX_STEPS);
      for (steps = 0; steps < length; steps++) {
        step();
        checkInvariants();
      }
      drain();
      checkInvariants();
      host.verifyFullReplay();
      ContextState context = host.state().context();
      assertThat(context.removeWhere(e -> false).chain()).as("seed %dL: the incrementally extended chain equals a recomputed one", seed)
          .isEqualTo(context.chain());
    }

    private <T> T pick(List<T> items) {
      return items.get(rnd.nextInt(items.size()));
    }

    private boolean chance(int percent) {
      return rnd.nextInt(100) < percent;
    }

    private void step() {
      int roll = rnd.nextInt(100);
      if (roll < 22) {
        answerGeneration();
      } else if (roll < 42) {
        answerToolCall();
      } else if (roll < 47) {
        answerCompaction();
      } else if (roll < 49) {
        host.crashAndResume();
      } else if (roll < 53) {
        staleResults();
      } else if (roll < 62) {
        submitDuringAppend();
      } else {
        host.submit(randomCommand());
      }
      host.runUntilQuiet();
    }

    /**
     * Gives the drive work, then steps it by hand; while an append is in flight (not yet committed) a command or
     * an effect result arrives, as it would from another thread of a real host.
     */
    private void submitDuringAppend() {
      randomInput();
      for (int i = 0; i < 1_000; i++) {
        Action action = host.nextAction();
        if (action instanceof Action.AppendEvents append) {
          if (chance(50)) randomInput();
          host.commit(append);
        } else if (action instanceof Action.Idle || action instanceof Action.Closed) {
          return;
        }
      }
      throw new AssertionError("seed " + seed + "L: the drive did not settle while stepped by hand");
    }

    private void randomInput() {
      switch (rnd.nextInt(4)) {
        case 0 -> answerGeneration();
        case 1 -> answerToolCall();
        default -> host.submit(randomCommand());
      }
    }

    // ---- commands ---------------------------------------------------------------------------------------

    private Command randomCommand() {
      int roll = rnd.nextInt(100);
      SessionState s = host.drive().projectedState();
      if (roll < 25) return requestRun();
      if (roll < 33) return new Command.CancelRun(runId(s));
      if (roll < 36) return new Command.ForceCancelRun(runId(s));
      if (roll < 46) return new Command.SteerRun(chance(80) ? 0 : runId(s), chance(95) ? List.of(input(pick(WORDS))) : List.of());
      if (roll < 56) return upsert();
      if (roll < 61) return remove(s);
      if (roll < 64) return new Command.ReplaceContextPrefix(guard(s.context().revision()), "note/", items(rnd.nextInt(3), "note/"));
      if (roll < 69) return new Command.ReplaceConfig(guard(s.config().revision()), pick(CONFIGS));
      if (roll < 74) return tools();
      if (roll < 82) return new Command.CompactContext();
      if (roll < 84) return chance(20) ? new Command.CloseSession(chance(50)) : requestRun();
      if (roll < 87) return new Command.OpenSession(pick(CONFIGS));
      return requestRun();
    }

    private Command requestRun() {
      String submission = chance(3) ? "bad id" : "s" + rnd.nextInt(12);
      List<InputItem> items = new ArrayList<>();
      int n = chance(3) ? 0 : 1 + rnd.nextInt(2);
      for (int i = 0; i < n; i++) items.add(input(pick(WORDS)));
      Json.Obj config = chance(80) ? Json.Obj.EMPTY : json("{\"limits\":{\"maxTurns\":" + rnd.nextInt(4) + "}}");
      return new Command.RequestRun(submission, items, config);
    }

    private long runId(SessionState s) {
      if (chance(50)) return 0;
      return 1 + rnd.nextLong(s.runs().nextRunId() + 1);
    }

    private OptionalLong guard(long revision) {
      if (chance(80)) return OptionalLong.empty();
      return OptionalLong.of(chance(70) ? revision : revision + 1);
    }

    private Command upsert() {
      SessionState s = host.drive().projectedState();
      int n = 1 + rnd.nextInt(3);
      List<ContextItem> items = new ArrayList<>();
      Set<String> used = new HashSet<>();
      for (int i = 0; i < n; i++) {
        String key = pick(KEYS);
        if (used.add(key) || chance(10)) items.add(item(key));
      }
      return new Command.UpsertContext(guard(s.context().revision()), items);
    }

    private ContextItem item(String key) {
      EntryKind kind = switch (key) {
        case "inst/a", "inst/b" -> EntryKind.INSTRUCTIONS;
        case "skills" -> EntryKind.SKILL_CATALOG;
        case "vfs" -> EntryKind.VFS_CATALOG;
        default -> EntryKind.MESSAGE;
      };
      return keyed(key, kind, pick(WORDS));
    }

    private List<ContextItem> items(int n, String prefix) {
      List<ContextItem> items = new ArrayList<>();
      for (int i = 0; i < n; i++) items.add(item(prefix + (i + 1)));
      return items;
    }

    private Command remove(SessionState s) {
      List<String> keys = chance(60) ? List.of(pick(KEYS)) : List.of();
      List<Long> edits = s.context().entries().stream().filter(e -> e.source() instanceof EntrySource.ContextEdit)
          .map(ContextEntry::id).toList();
      List<Long> ids = new ArrayList<>();
      if (!edits.isEmpty() && chance(50)) ids.add(pick(edits));
      if (chance(5)) ids.add(s.context().nextEntryId() + 100);
      return new Command.RemoveContext(guard(s.context().revision()), keys, ids);
    }

    private Command tools() {
      if (chance(50)) return new Command.ReplaceTools(TOOLS.stream().filter(t -> chance(70)).toList());
      List<ToolSpec> upsert = TOOLS.stream().filter(t -> chance(30)).toList();
      List<String> remove = TOOLS.stream().filter(t -> chance(20)).map(ToolSpec::name).filter(n -> upsert.stream().noneMatch(u -> u.name().equals(n))).toList();
      return new Command.PatchTools(upsert, remove);
    }

    // ---- effects ----------------------------------------------------------------------------------------

    private void answerGeneration() {
      if (host.heldGenerations().isEmpty()) return;
      LlmRequest request = host.heldGenerations().get(0);
      host.answerGeneration(randomGeneration(request));
    }

    private GenerationResult randomGeneration(LlmRequest request) {
      long turn = request.turn();
      int roll = rnd.nextInt(100);
      if (roll < 6) return new GenerationResult.Failed(turn, ref("error:" + seed + ":" + turn), "provider failed");
      if (roll < 10) return new GenerationResult.Cancelled(turn);
      List<ContextItem> outputs = new ArrayList<>();
      List<ToolCall> calls = new ArrayList<>();
      if (chance(8)) outputs.add(compactionItem(seed + ":" + turn));
      if (roll < 45) {
        outputs.add(assistantMessage(pick(WORDS) + " " + turn));
      } else {
        if (chance(30)) outputs.add(assistantMessage("working " + turn));
        int n = 1 + rnd.nextInt(chance(15) ? 11 : 3);
        for (int i = 0; i < n; i++) {
          ToolCall c = call("k" + nextCallId++, pick(TOOL_NAMES));
          calls.add(c);
          outputs.add(toolCallItem(c));
        }
        if (chance(2)) {
          calls.add(calls.get(0));
        }
      }
      Usage usage = new Usage(rnd.nextInt(1_200), 10, 0, 0);
      return new GenerationResult.Completed(turn, ref("response:" + seed + ":" + turn), calls.isEmpty() ? "stop" : "tool_calls", usage, outputs,
          calls, "resp-" + turn);
    }

    private void answerToolCall() {
      if (host.heldCalls().isEmpty()) return;
      TestHost.HeldCall held = pick(host.heldCalls());
      CallOutcome outcome = chance(80) ? CallOutcome.COMPLETED : CallOutcome.FAILED;
      host.answerCall(held.callId(), outcome, "out " + held.callId());
    }

    private void answerCompaction() {
      if (host.heldCompactions().isEmpty()) return;
      CompactionRequest request = host.heldCompactions().get(0);
      deliver(randomCompaction(request));
    }

    /** Reports a compaction result; after the session closed the drive must ignore it. */
    private void deliver(CompactionResult result) {
      host.answerCompaction(result);
    }

    private CompactionResult randomCompaction(CompactionRequest request) {
      if (chance(20)) return new CompactionResult.Failed(request.compaction(), ref("compaction failed"), "no");
      List<ContextItem> items = new ArrayList<>();
      for (int i = rnd.nextInt(3); i > 0; i--) items.add(compactionItem(seed + ":c" + request.compaction() + ":" + i));
      return new CompactionResult.Completed(request.compaction(), items, new Usage(100, 10, 0, 0));
    }

    /** Results the drive must ignore: wrong turns, wrong batches, unknown calls and compactions. */
    private void staleResults() {
      SessionState s = host.drive().projectedState();
      long turn = s.runs().nextTurnId() + 3;
      assertThat(host.drive().resumeGeneration(new GenerationResult.Cancelled(turn))).isFalse();
      assertThat(host.drive().resumeToolCall(new ToolCallResult(s.runs().nextBatchId() + 2, "k1",
          CallOutcome.COMPLETED, ref("x"), 1, "x"))).isFalse();
      assertThat(host.drive().resumeCompaction(new CompactionResult.Failed(s.context().nextCompactionId() + 5, ref("x"), "x"))).isFalse();
    }

    /** Answers everything still outstanding, successfully and finally, until the session has nothing left to do. */
    private void drain() {
      for (int i = 0; i < MAX_DRAIN_ROUNDS; i++) {
        if (!host.heldGenerations().isEmpty()) {
          LlmRequest r = host.heldGenerations().get(0);
          host.answerGeneration(new GenerationResult.Completed(r.turn(), ref("final:" + r.turn()), "stop", TestHost.USAGE,
              List.of(assistantMessage("final " + r.turn())), List.of(), "resp-" + r.turn()));
        } else if (!host.heldCalls().isEmpty()) {
          host.answerCall(host.heldCalls().get(0).callId(), CallOutcome.COMPLETED, "drained");
        } else if (!host.heldCompactions().isEmpty()) {
          CompactionRequest r = host.heldCompactions().get(0);
          deliver(new CompactionResult.Completed(r.compaction(), List.of(), Usage.ZERO));
        } else {
          Action last = host.runUntilQuiet();
          SessionState s = host.state();
          if (s.lifecycle() == Lifecycle.OPEN) {
            assertThat(last).isEqualTo(new Action.Idle(0));
            assertThat(s.runs().busy()).as("runs left after draining").isFalse();
            assertThat(s.context().pendingCompaction()).isEmpty();
          }
          return;
        }
        host.runUntilQuiet();
        checkInvariants();
      }
      throw new AssertionError("the session did not drain within " + MAX_DRAIN_ROUNDS + " rounds");
    }

    // ---- invariants -------------------------------------------------------------------------------------

    private void checkInvariants() {
      SessionState s = host.state();
      List<LogEntry> log = host.log();
      String where = "seed " + seed + "L, step " + steps;

      for (int i = scanned; i < log.size(); i++) if (log.get(i).seq() != i + 1) fail(where + ": seq " + log.get(i).seq() + " at index " + i);
      assertThat(s.head()).as("%s: drive head", where).isEqualTo(log.size());
      // projectedState() does not track head (see DriveTest); everything else must match once the drive settled.
      assertThat(host.drive().projectedState().withHead(s.head())).as("%s: nothing pending after the drive settled", where).isEqualTo(s);

      RunsState runs = s.runs();
      runs.active().ifPresent(r -> {
        assertThat(r.status()).as("%s: active run status", where).isIn(RunStatus.RUNNING, RunStatus.CANCELLING);
        assertThat(runs.finished()).as("%s: active run is not finished", where).doesNotContainKey(r.id());
      });
      for (Run q : runs.queue()) {
        assertThat(q.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(runs.finished()).doesNotContainKey(q.id());
        assertThat(runs.active().map(Run::id)).isNotEqualTo(Optional.of(q.id()));
      }
      checkRunsAccountedFor(s, where);
      checkToolCallsAnswered(s, where);
      checkContext(s, where);
      checkNotWedged(s, where);
    }

    /** Every accepted run is queued, active, or finished with a terminal status and exactly one terminal event. */
    private void checkRunsAccountedFor(SessionState s, String where) {
      List<Event> fresh = host.eventsSince(scanned);
      scanned += fresh.size();
      for (Event e : fresh) {
        switch (e) {
          case RunEvent.Accepted a -> assertThat(accepted.add(a.run())).as("%s: run %d accepted once", where, a.run()).isTrue();
          case RunEvent.Completed c -> terminalEvents.merge(c.run(), 1, Integer::sum);
          case RunEvent.Failed f -> terminalEvents.merge(f.run(), 1, Integer::sum);
          case RunEvent.Cancelled c -> terminalEvents.merge(c.run(), 1, Integer::sum);
          case RunEvent.QueuedCancelled c -> terminalEvents.merge(c.run(), 1, Integer::sum);
          case RunEvent.ForceCancelled c -> terminalEvents.merge(c.run(), 1, Integer::sum);
          default -> {}
        }
      }
      RunsState runs = s.runs();
      assertThat(runs.nextRunId()).as("%s: run ids are counters", where).isEqualTo(accepted.size() + 1);
      for (long id : accepted) {
        boolean live = runs.active().map(r -> r.id() == id).orElse(false) || runs.findQueued(id).isPresent();
        RunOutcome outcome = runs.finished().get(id);
        Integer terminal = terminalEvents.get(id);
        if (live && (outcome != null || terminal != null)) fail(where + ": live run " + id + " has an outcome or a terminal event");
        if (!live && (outcome == null || !outcome.status().terminal() || terminal == null || terminal != 1)) {
          fail(where + ": ended run " + id + " must be in finished() with a terminal status and one terminal event; outcome "
              + outcome + ", terminal events " + terminal);
        }
      }
      if (!accepted.containsAll(runs.finished().keySet())) fail(where + ": finished runs " + runs.finished().keySet() + " were not all accepted");
    }

    /** Every tool call in the context, outside the open turn, has exactly one result in the context. */
    private void checkToolCallsAnswered(SessionState s, String where) {
      long openTurn = s.runs().active().flatMap(Run::openTurn).map(Turn::id).orElse(0L);
      Set<String> results = new HashSet<>();
      for (ContextEntry e : s.context().entries()) {
        if (e.kind() == EntryKind.TOOL_RESULT && !results.add(e.item().callId())) fail(where + ": tool call " + e.item().callId() + " has two results");
      }
      for (ContextEntry e : s.context().entries()) {
        if (e.kind() != EntryKind.TOOL_CALL) continue;
        if (e.source() instanceof EntrySource.AssistantOutput a && a.turn() == openTurn) continue;
        if (!results.contains(e.item().callId())) fail(where + ": tool call " + e.item().callId() + " (entry " + e.id() + ") has no result");
      }
      s.runs().active().flatMap(Run::openTurn).ifPresent(t -> {
        if (t.phase() == TurnPhase.GENERATED && t.batch().isPresent()) {
          assertThat(t.batch().get().inFlightCount()).as("%s: in flight", where).isLessThanOrEqualTo(ToolBatch.MAX_IN_FLIGHT);
        }
      });
    }

    private void checkContext(SessionState s, String where) {
      Set<Long> ids = new HashSet<>();
      Set<String> keys = new HashSet<>();
      for (ContextEntry e : s.context().entries()) {
        if (!ids.add(e.id())) fail(where + ": entry id " + e.id() + " appears twice");
        if (e.id() >= s.context().nextEntryId()) fail(where + ": entry id " + e.id() + " is not below nextEntryId");
        if (e.key() != null && !keys.add(e.key())) fail(where + ": key " + e.key() + " appears twice");
      }
      if (s.context().consumedThroughId() >= s.context().nextEntryId()) fail(where + ": consumedThroughId is past the last entry");
      List<ContextEntry> ordered = s.context().ordered();
      if (ordered.size() != ids.size() || !new HashSet<>(ordered).equals(new HashSet<>(s.context().entries()))) {
        fail(where + ": the request order is not a permutation of the entries");
      }
    }

    /** A settled drive with work to do must be waiting for an effect it handed out; otherwise the session is wedged. */
    private void checkNotWedged(SessionState s, String where) {
      if (s.lifecycle() != Lifecycle.OPEN) {
        assertThat(s.runs().busy()).as("%s: a closed session has no runs", where).isFalse();
        return;
      }
      Action idle = host.drive().next(host.now());
      assertThat(idle).as("%s: the drive has settled", where).isInstanceOf(Action.Idle.class);
      int outstanding = ((Action.Idle) idle).outstandingEffects();
      boolean work = s.runs().busy() || s.context().pendingCompaction().isPresent();
      if (work) assertThat(outstanding).as("%s: idle with work (%s) but nothing outstanding", where, s.runs()).isPositive();
      s.runs().active().flatMap(Run::openTurn).ifPresent(t ->
          assertThat(t.phase()).as("%s: a settled turn waits for an effect", where).isIn(TurnPhase.GENERATING, TurnPhase.GENERATED));
    }
  }
}
