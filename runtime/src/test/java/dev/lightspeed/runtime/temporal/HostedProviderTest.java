package dev.lightspeed.runtime.temporal;

import static dev.lightspeed.runtime.temporal.HostedHarness.FAST;
import static dev.lightspeed.runtime.temporal.HostedHarness.OPENAI;
import static dev.lightspeed.runtime.temporal.HostedHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.OpenAiErrors;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hosted runtime with the real OpenAI Responses adapter against the fake provider: Temporal retries
 * transient errors honouring Retry-After, exhausted retries fail only the run, and a cancel drops the
 * provider connection.
 */
class HostedProviderTest {
  private FakeProviderServer provider;
  private HostedHarness h;

  @BeforeEach
  void start() {
    provider = FakeProviderServer.start();
    h = HostedHarness.withProvider(FAST, provider);
  }

  @AfterEach
  void stop() {
    h.close();
    provider.close();
  }

  @Test
  void rateLimitedTurnsAreRetriedByTemporalAfterTheProvidersRetryAfter() {
    provider.enqueue(OpenAiErrors.rateLimited(Duration.ofMillis(400)));
    provider.enqueue(OpenAiErrors.rateLimited(Duration.ofMillis(400)));
    provider.enqueue(ResponsesScript.create().text("after ", "the storm").streaming());
    SessionId s = h.open("retry-429", OPENAI);

    long start = System.nanoTime();
    long run = h.startRun(s, "sub", "hello");
    RunOutcome outcome = h.outcome(s, run);

    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(h.text(outcome.output().orElseThrow())).contains("after the storm");
    assertThat(provider.requestCount()).isEqualTo(3);
    // FAST's own backoff starts at 50 ms: only the provider's 400 ms Retry-After explains this much waiting.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    assertThat(h.kinds(s)).doesNotContain("turn.generation_failed").containsOnlyOnce("turn.generation_completed");
  }

  @Test
  void exhaustedRetriesFailTheRunWithTheProvidersMessageAndTheSessionLivesOn() {
    for (int i = 0; i < FAST.llmMaxAttempts(); i++) provider.enqueue(OpenAiErrors.serverError());
    SessionId s = h.open("retry-exhausted", OPENAI);

    long run = h.startRun(s, "first", "hello");
    RunOutcome failed = h.outcome(s, run);

    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(h.text(failed.reason().orElseThrow())).contains("The server had an error processing your request");
    assertThat(provider.requestCount()).isEqualTo(FAST.llmMaxAttempts());
    assertThat(h.status(s).orElseThrow().lastError()).contains("500");

    provider.enqueue(ResponsesScript.create().text("back").streaming());
    long second = h.startRun(s, "second", "again");
    assertThat(h.outcome(s, second).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aTerminalErrorIsNotRetried() {
    provider.enqueue(OpenAiErrors.invalidApiKey());
    SessionId s = h.open("terminal", OPENAI);

    RunOutcome failed = h.outcome(s, h.startRun(s, "sub", "hello"));

    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(h.text(failed.reason().orElseThrow())).contains("401").doesNotContain("sk-test");
    assertThat(provider.requestCount()).isEqualTo(1);
  }

  @Test
  void cancellingWhileTheModelStreamsDropsTheProviderConnection() throws InterruptedException {
    provider.enqueue(ResponsesScript.create().text("one ", "two ", "three").streaming().hangAfterEvents(2));
    SessionId s = h.open("cancel-stream", OPENAI);
    long run = h.startRun(s, "sub", "talk slowly");
    eventually("the provider is streaming", () -> provider.responsesInFlight() == 1);

    long start = System.nanoTime();
    HostedHarness.assertAdmitted(h.submit(s, new Command.CancelRun(run)));

    assertThat(h.outcome(s, run).status()).isEqualTo(RunStatus.CANCELLED);
    eventually("the provider saw the connection dropped", () -> provider.responsesInFlight() == 0);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    Thread.sleep(300); // an abandoned attempt that were retried would call again by now
    assertThat(provider.requestCount()).isEqualTo(1);
    assertThat(h.kinds(s)).containsSubsequence("run.cancellation_requested", "turn.cancelled", "run.cancelled");
  }
}
