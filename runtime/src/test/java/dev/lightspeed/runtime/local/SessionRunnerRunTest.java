package dev.lightspeed.runtime.local;

import static dev.lightspeed.runtime.local.RunnerHarness.MODEL;
import static dev.lightspeed.runtime.local.RunnerHarness.WAIT;
import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.testkit.scripted.ScriptedCall;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Runs driven end to end through the in-process runner: model replies, tool batches and what the model sees. */
class SessionRunnerRunTest {

  @Test
  void aTextReplyCompletesTheRunWithTheReplyAsOutput() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.installTools();
      h.model.reply("hello there");
      long before = h.head();

      long run = h.startRun("sub-1", "say hello");
      RunOutcome outcome = h.outcome(run);

      assertThat(run).isEqualTo(1);
      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(outcome.submissionId()).isEqualTo("sub-1");
      assertThat(outcome.failure()).isEmpty();
      assertThat(h.text(outcome.output().orElseThrow())).isEqualTo("hello there");
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(before)).containsExactly(
          "run.accepted", "run.started", "turn.started", "turn.planned", "turn.generation_requested",
          "turn.generation_completed", "turn.completed", "run.completed");
      assertThat(h.tools.invocations()).isEmpty();
    }
  }

  @Test
  void theModelSeesTheUserInputLastAndTheSessionsTools() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("read_file", Parallelism.PARALLEL_SAFE, args -> args).tool("write_file", Parallelism.EXCLUSIVE, args -> args);
      h.installTools();
      h.model.reply("ok");

      h.outcome(h.startRun("sub-1", "what is in the file?"));

      assertThat(h.model.requests()).hasSize(1);
      LlmRequest request = h.model.requests().get(0);
      assertThat(request.run()).isEqualTo(1);
      assertThat(request.turn()).isEqualTo(1);
      assertThat(request.model().model()).isEqualTo("m");
      ContextEntry last = request.context().getLast();
      assertThat(last.kind()).isEqualTo(EntryKind.MESSAGE);
      assertThat(last.item().role()).isEqualTo(EntryRole.USER);
      assertThat(last.source()).isEqualTo(new EntrySource.RunInput(1, 0));
      assertThat(h.text(last.item().content())).isEqualTo("what is in the file?");
      assertThat(request.tools()).extracting(ToolSpec::name).containsExactly("read_file", "write_file");
      assertThat(request.tools()).extracting(ToolSpec::parallelism).containsExactly(Parallelism.PARALLEL_SAFE, Parallelism.EXCLUSIVE);
      assertThat(request.tools()).isEqualTo(h.runner.state().tooling().tools().values().stream().toList());
    }
  }

  @Test
  void aToolTurnFeedsItsResultIntoTheNextRequest() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> "echoed " + args);
      h.installTools();
      h.model.callTools(call("echo", "{\"text\":\"hi\"}")).reply("done");
      long before = h.head();

      RunOutcome outcome = h.outcome(h.startRun("sub-1", "echo hi"));

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.text(outcome.output().orElseThrow())).isEqualTo("done");
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(before)).containsExactly(
          "run.accepted", "run.started", "turn.started", "turn.planned", "turn.generation_requested", "turn.generation_completed",
          "tool.batch_started", "tool.call_started", "tool.call_completed", "tool.batch_completed", "turn.completed",
          "turn.started", "turn.planned", "turn.generation_requested", "turn.generation_completed", "turn.completed", "run.completed");
      assertThat(h.tools.invocations()).containsExactly(new ScriptedTools.Invocation("echo", "call_1_1", "{\"text\":\"hi\"}", CallOutcome.COMPLETED));
      List<ContextEntry> second = h.model.requests().get(1).context();
      ContextEntry result = second.getLast();
      assertThat(result.kind()).isEqualTo(EntryKind.TOOL_RESULT);
      assertThat(result.item().callId()).isEqualTo("call_1_1");
      assertThat(result.item().isError()).isFalse();
      assertThat(h.text(result.item().content())).isEqualTo("echoed {\"text\":\"hi\"}");
      assertThat(second.get(second.size() - 2).kind()).isEqualTo(EntryKind.TOOL_CALL);
    }
  }

  @Test
  void parallelSafeCallsRunConcurrentlyButNeverMoreThanEightAtOnce() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("fetch", Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, Duration.ofMillis(100), args -> "fetched " + args);
      h.installTools();
      ScriptedCall[] calls = IntStream.rangeClosed(1, 10).mapToObj(i -> call("fetch", "{\"n\":" + i + "}")).toArray(ScriptedCall[]::new);
      h.model.callTools(calls).reply("fetched all");

      RunOutcome outcome = h.outcome(h.startRun("sub-1", "fetch ten things"));

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.tools.invocations()).hasSize(10).allMatch(i -> i.outcome() == CallOutcome.COMPLETED);
      assertThat(h.tools.maxConcurrent()).isGreaterThan(1).isLessThanOrEqualTo(8);
      List<ContextEntry> results = h.model.requests().get(1).context().stream().filter(e -> e.kind() == EntryKind.TOOL_RESULT).toList();
      assertThat(results).extracting(e -> e.item().callId()).containsExactlyInAnyOrderElementsOf(
          IntStream.rangeClosed(1, 10).mapToObj(i -> "call_1_" + i).toList());
    }
  }

  @Test
  void anExclusiveCallRunsAloneBetweenTheParallelCallsAroundIt() throws Exception {
    List<String> trace = Collections.synchronizedList(new ArrayList<>());
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("read", Parallelism.PARALLEL_SAFE, args -> traced(trace, "read" + args))
          .tool("write", Parallelism.EXCLUSIVE, args -> traced(trace, "write" + args));
      h.installTools();
      h.model.callTools(call("read", "1"), call("read", "2"), call("write", "3"), call("read", "4"), call("read", "5")).reply("done");

      assertThat(h.outcome(h.startRun("sub-1", "read, write, read")).status()).isEqualTo(RunStatus.COMPLETED);

      int writeStart = trace.indexOf("start write3");
      assertThat(trace.get(writeStart + 1)).as("nothing starts or ends while the exclusive call runs").isEqualTo("end write3");
      assertThat(trace.subList(0, writeStart)).containsExactlyInAnyOrder("start read1", "end read1", "start read2", "end read2");
      assertThat(trace.subList(writeStart + 2, trace.size())).containsExactlyInAnyOrder("start read4", "end read4", "start read5", "end read5");
      assertThat(h.tools.maxConcurrent()).isEqualTo(2);
    }
  }

  private static String traced(List<String> trace, String name) {
    trace.add("start " + name);
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    trace.add("end " + name);
    return name;
  }

  @Test
  void aFailingToolGivesTheModelAnErrorResult() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("write", Parallelism.EXCLUSIVE, args -> {
        throw new ScriptedTools.ToolFailure("disk full");
      });
      h.installTools();
      h.model.callTools(call("write", "{}")).reply("could not write");

      RunOutcome outcome = h.outcome(h.startRun("sub-1", "write it"));

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.tools.invocations()).containsExactly(new ScriptedTools.Invocation("write", "call_1_1", "{}", CallOutcome.FAILED));
      ContextEntry result = h.model.requests().get(1).context().getLast();
      assertThat(result.kind()).isEqualTo(EntryKind.TOOL_RESULT);
      assertThat(result.item().callId()).isEqualTo("call_1_1");
      assertThat(result.item().isError()).isTrue();
      assertThat(h.text(result.item().content())).isEqualTo("disk full");
    }
  }

  @Test
  void aToolThatThrowsAtTheBoundaryGivesTheWellKnownFailedResult() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("explode", Parallelism.PARALLEL_SAFE, args -> {
        throw new IllegalStateException("bug in the tool");
      });
      h.installTools();
      h.model.callTools(call("explode", "{}")).reply("sorry");

      assertThat(h.outcome(h.startRun("sub-1", "explode")).status()).isEqualTo(RunStatus.COMPLETED);

      ContextEntry result = h.model.requests().get(1).context().getLast();
      assertThat(result.item().isError()).isTrue();
      assertThat(result.item().content()).isEqualTo(WellKnownBlob.TOOL_FAILED_AT_BOUNDARY.ref());
      assertThat(h.text(result.item().content())).isEqualTo(WellKnownBlob.TOOL_FAILED_AT_BOUNDARY.text());
    }
  }

  @Test
  void anUnknownToolGetsTheUnavailableResultWithoutBeingInvoked() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.installTools();
      h.model.callTools(call("no_such_tool", "{}")).reply("fine");
      long before = h.head();

      assertThat(h.outcome(h.startRun("sub-1", "use a tool I lack")).status()).isEqualTo(RunStatus.COMPLETED);

      assertThat(h.tools.invocations()).isEmpty();
      ContextEntry result = h.model.requests().get(1).context().getLast();
      assertThat(result.kind()).isEqualTo(EntryKind.TOOL_RESULT);
      assertThat(result.item().callId()).isEqualTo("call_1_1");
      assertThat(result.item().isError()).isTrue();
      assertThat(result.item().content()).isEqualTo(WellKnownBlob.TOOL_UNAVAILABLE.ref());
      assertThat(h.text(result.item().content())).isEqualTo(WellKnownBlob.TOOL_UNAVAILABLE.text());
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(before)).containsSubsequence("tool.batch_started", "tool.call_completed", "tool.batch_completed")
          .doesNotContain("tool.call_started");
    }
  }

  @Test
  void replayOfTheLogEqualsTheRunnersStateAfterAToolRun() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.installTools();
      h.model.callTools(call("echo", "1"), call("echo", "2")).callTools(call("echo", "3")).reply("done");

      h.outcome(h.startRun("sub-1", "go"));
      h.runner.awaitQuiet(WAIT);

      assertThat(SessionLoader.load(h.log, RunnerHarness.U, h.id)).isEqualTo(h.runner.state());
      assertThat(h.entries()).extracting(e -> e.seq()).containsExactlyElementsOf(
          IntStream.rangeClosed(1, h.entries().size()).mapToObj(i -> (long) i).toList());
    }
  }

  @Test
  void aListenerSeesEveryCommittedEntryOnceAndInOrder() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      List<LogEntry> seen = Collections.synchronizedList(new ArrayList<>());
      long before = h.head();
      h.runner.addListener(seen::addAll);
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.installTools();
      h.model.callTools(call("echo", "1"), call("echo", "2")).reply("done");

      h.outcome(h.startRun("sub-1", "go"));
      h.runner.awaitQuiet(WAIT);

      assertThat(seen).isEqualTo(h.entries().stream().filter(e -> e.seq() > before).toList());
    }
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheRunner() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.runner.addListener(entries -> {
        throw new IllegalStateException("listener bug");
      });
      h.model.reply("done");

      RunOutcome outcome = h.outcome(h.startRun("sub-1", "go"));

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.runner.failure()).isNull();
    }
  }
}
