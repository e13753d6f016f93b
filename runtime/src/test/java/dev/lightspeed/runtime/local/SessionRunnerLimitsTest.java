package dev.lightspeed.runtime.local;

import static dev.lightspeed.runtime.local.RunnerHarness.MODEL;
import static dev.lightspeed.runtime.local.RunnerHarness.U;
import static dev.lightspeed.runtime.local.RunnerHarness.WAIT;
import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.TurnEvent;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Runs that fail (limits, provider errors, no model) and the session carrying on afterwards. */
class SessionRunnerLimitsTest {
  private static final String LIMITED = "{\"model\":{\"providerId\":\"scripted\",\"apiKind\":\"openai:responses\",\"model\":\"m\"},"
      + "\"limits\":{\"maxTurns\":2,\"maxToolRounds\":5}}";
  private static final String FEW_ROUNDS = "{\"model\":{\"providerId\":\"scripted\",\"apiKind\":\"openai:responses\",\"model\":\"m\"},"
      + "\"limits\":{\"maxTurns\":10,\"maxToolRounds\":1}}";

  @Test
  void reachingMaxTurnsFailsTheRunWithLimitExceededAndTheNextRunCompletes() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(LIMITED)) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.installTools();
      h.model.callTools(call("echo", "1")).callTools(call("echo", "2")).reply("second run");

      long run = h.startRun("sub-1", "loop");
      RunOutcome outcome = h.outcome(run);

      assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
      assertThat(outcome.failure()).contains(FailureKind.LIMIT_EXCEEDED);
      assertThat(outcome.reason()).contains(WellKnownBlob.MAX_TURNS_EXCEEDED.ref());
      assertThat(h.model.requests()).hasSize(2);
      assertThat(lastFailure(h)).isEqualTo(new RunEvent.Failed(run, FailureKind.LIMIT_EXCEEDED, WellKnownBlob.MAX_TURNS_EXCEEDED.ref(),
          "run 1 reached its limit of 2 turns (limits.maxTurns)"));
      assertThat(h.kindsAfter(0)).endsWith("tool.batch_completed", "turn.completed", "run.failed");
      assertTheNextRunCompletes(h, "second run");
    }
  }

  @Test
  void aRunsOwnLimitOverridesTheSessions() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.installTools();
      h.model.callTools(call("echo", "1")).reply("never asked");

      long run = RunnerHarness.admitted(h.submit(new Command.RequestRun("sub-1",
          List.of(InputItems.text(h.blobs, U, "one turn only")), CanonicalJson.parseObject("{\"limits\":{\"maxTurns\":1}}")))).run();

      RunOutcome outcome = h.outcome(run);
      assertThat(outcome.failure()).contains(FailureKind.LIMIT_EXCEEDED);
      assertThat(h.model.requests()).hasSize(1);
    }
  }

  @Test
  void reachingMaxToolRoundsFailsTheRunWithLimitExceededAndAnswersTheUnrunCalls() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(FEW_ROUNDS)) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.installTools();
      h.model.callTools(call("echo", "1")).callTools(call("echo", "2")).reply("second run");

      long run = h.startRun("sub-1", "loop");
      RunOutcome outcome = h.outcome(run);

      assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
      assertThat(outcome.failure()).contains(FailureKind.LIMIT_EXCEEDED);
      assertThat(outcome.reason()).contains(WellKnownBlob.MAX_TOOL_ROUNDS_EXCEEDED.ref());
      assertThat(lastFailure(h).message()).isEqualTo("run 1 reached its limit of 1 tool rounds (limits.maxToolRounds)");
      assertThat(h.tools.invocations()).extracting(i -> i.arguments()).containsExactly("1");
      assertThat(h.kindsAfter(0)).endsWith("turn.generation_completed", "run.failed");
      assertThat(h.runner.state().context().entries().getLast().item().callId()).as("the unrun call still gets an answer").isEqualTo("call_2_1");
      assertThat(h.runner.state().context().entries().getLast().item().isError()).isTrue();
      assertTheNextRunCompletes(h, "second run");
    }
  }

  @Test
  void aModelFailureFailsTheRunWithProviderErrorAndItsMessageAndTheNextRunCompletes() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.model.fail("rate limited for good").reply("better now");

      long run = h.startRun("sub-1", "hello");
      RunOutcome outcome = h.outcome(run);

      assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
      assertThat(outcome.failure()).contains(FailureKind.PROVIDER_ERROR);
      assertThat(h.text(outcome.reason().orElseThrow())).isEqualTo("{\"error\":\"rate limited for good\"}");
      assertThat(lastFailure(h).message()).isEqualTo("rate limited for good");
      h.runner.awaitQuiet(WAIT);
      List<Event> events = h.eventsAfter(0);
      assertThat(events).filteredOn(e -> e instanceof TurnEvent.GenerationFailed)
          .containsExactly(new TurnEvent.GenerationFailed(run, 1, outcome.reason().orElseThrow(), "rate limited for good"));
      assertThat(h.kindsAfter(0)).endsWith("turn.generation_requested", "turn.generation_failed", "run.failed");
      assertTheNextRunCompletes(h, "better now");
    }
  }

  @Test
  void aModelCallThatThrowsFailsTheRunWithTheWellKnownReason() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL, m -> new ThrowingOnceModel(m, new IllegalStateException("socket closed")))) {
      h.model.reply("fine again");

      RunOutcome outcome = h.outcome(h.startRun("sub-1", "hello"));

      assertThat(outcome.failure()).contains(FailureKind.PROVIDER_ERROR);
      assertThat(outcome.reason()).contains(WellKnownBlob.LLM_FAILED_AT_BOUNDARY.ref());
      assertThat(lastFailure(h).message()).isEqualTo("the model call failed: socket closed");
      assertTheNextRunCompletes(h, "fine again");
    }
  }

  @Test
  void aSessionWithoutAModelFailsTheRunAsInternalAndRunsOnceAModelIsSet() throws Exception {
    try (RunnerHarness h = RunnerHarness.open("{}")) {
      h.model.reply("now with a model");

      long run = h.startRun("sub-1", "hello");
      RunOutcome outcome = h.outcome(run);

      assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
      assertThat(outcome.failure()).contains(FailureKind.INTERNAL);
      assertThat(outcome.reason()).contains(WellKnownBlob.NO_MODEL_CONFIGURED.ref());
      assertThat(lastFailure(h).message()).isEqualTo(WellKnownBlob.NO_MODEL_CONFIGURED.text());
      assertThat(h.model.requests()).isEmpty();
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(0)).containsExactly("lifecycle.opened", "run.accepted", "run.started", "run.failed");

      h.submit(new Command.ReplaceConfig(OptionalLong.empty(), CanonicalJson.parseObject(MODEL)));
      assertTheNextRunCompletes(h, "now with a model");
    }
  }

  private static RunEvent.Failed lastFailure(RunnerHarness h) throws Exception {
    h.runner.awaitQuiet(WAIT);
    return (RunEvent.Failed) h.eventsAfter(0).stream().filter(e -> e instanceof RunEvent.Failed).reduce((a, b) -> b).orElseThrow();
  }

  private static void assertTheNextRunCompletes(RunnerHarness h, String answer) throws Exception {
    long next = h.startRun("sub-next", "again");
    RunOutcome outcome = h.outcome(next);
    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(h.text(outcome.output().orElseThrow())).isEqualTo(answer);
    h.runner.awaitQuiet(WAIT);
    assertThat(SessionLoader.load(h.log, U, h.id)).isEqualTo(h.runner.state());
  }

  /** A model whose first generation throws, as an adapter does when its connection breaks. */
  private static final class ThrowingOnceModel implements LlmPort {
    private final LlmPort delegate;
    private final RuntimeException failure;
    private final AtomicBoolean thrown = new AtomicBoolean();

    ThrowingOnceModel(LlmPort delegate, RuntimeException failure) {
      this.delegate = delegate;
      this.failure = failure;
    }

    @Override
    public GenerationResult generate(LlmRequest request, EffectContext ctx) {
      if (thrown.compareAndSet(false, true)) throw failure;
      return delegate.generate(request, ctx);
    }

    @Override
    public CompactionResult compact(CompactionRequest request, EffectContext ctx) {
      return delegate.compact(request, ctx);
    }
  }
}
