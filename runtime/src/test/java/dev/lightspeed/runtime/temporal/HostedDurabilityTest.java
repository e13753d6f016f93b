package dev.lightspeed.runtime.temporal;

import static dev.lightspeed.runtime.temporal.HostedHarness.FAST;
import static dev.lightspeed.runtime.temporal.HostedHarness.MODEL;
import static dev.lightspeed.runtime.temporal.HostedHarness.OPENAI;
import static dev.lightspeed.runtime.temporal.HostedHarness.eventually;
import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.ResponsesScript;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Sessions outlive their workflow executions and their workers: continue-as-new mid-run, a worker killed mid-turn. */
class HostedDurabilityTest {

  @Test
  void aRunInProgressCarriesOnAcrossContinueAsNewAtAThresholdOfOne() {
    try (HostedHarness h = HostedHarness.start(FAST.withHistoryThreshold(1), m -> m)) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> "echo:" + args);
      SessionId s = h.open("can-1", MODEL);
      h.installTools(s);
      for (int i = 0; i < 5; i++) h.model.callTools(call("echo", "{\"round\":" + i + "}"));
      h.model.reply("made it");

      RunOutcome outcome = h.outcome(s, h.startRun(s, "sub", "go round"));

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.text(outcome.output().orElseThrow())).isEqualTo("made it");
      assertThat(h.tools.invocations()).hasSize(5);
      assertGapFreeAndOnce(h.entries(s));
      HistoryEvent started = h.temporal.client().fetchHistory(TemporalNames.workflowId(HostedHarness.U.value(), s.value()))
          .getEvents().get(0);
      assertThat(started.getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId())
          .as("the current execution continued an earlier one").isNotEmpty();
    }
  }

  @Test
  void aWorkerKilledMidTurnIsReplacedAndTheRunCompletesOnce() {
    try (FakeProviderServer provider = FakeProviderServer.start();
        HostedHarness h = HostedHarness.withProvider(FAST, provider)) {
      provider.enqueue(ResponsesScript.create().text("lost ", "words").streaming().hangAfterEvents(1));
      provider.enqueue(ResponsesScript.create().text("survived").streaming());
      SessionId s = h.open("restart", OPENAI);
      long run = h.startRun(s, "sub", "hello");
      eventually("the provider holds the first response", () -> provider.responsesInFlight() == 1);

      h.killWorker();
      h.startWorker();

      RunOutcome outcome = h.outcome(s, run);
      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.text(outcome.output().orElseThrow())).contains("survived");
      assertThat(provider.requestCount()).as("at most one extra provider request").isLessThanOrEqualTo(2);
      assertGapFreeAndOnce(h.entries(s));
      assertThat(h.kinds(s)).containsOnlyOnce("turn.generation_completed");
    }
  }

  @Test
  void aRunActiveWhenTheWholeProcessStoppedResumesInTheNextOne() {
    SessionLog log = new InMemorySessionLog(InstantSource.system());
    BlobStore blobs = new InMemoryBlobStore();
    SessionId s;
    long run;
    AtomicReference<HeldModel> held = new AtomicReference<>();
    try (HostedHarness first = HostedHarness.on(log, blobs, m -> {
      held.set(new HeldModel(m).hold(1));
      return held.get();
    })) {
      s = first.open("resume", MODEL);
      run = first.startRun(s, "sub", "a long question");
      eventually("the first process is generating", () -> held.get().waiting() == 1);
    } // worker, workflows and the embedded Temporal server are gone

    try (HostedHarness second = HostedHarness.on(log, blobs, m -> m)) {
      second.model.reply("answered after the restart");
      assertThat(RunResumption.resume(log, HostedHarness.U, second.client)).isEqualTo(1);

      RunOutcome outcome = second.outcome(s, run);
      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(second.text(outcome.output().orElseThrow())).isEqualTo("answered after the restart");
      assertGapFreeAndOnce(second.entries(s));
    }
  }

  /** Seqs run 1..n without gaps; every run completes once; no turn starts twice. */
  private static void assertGapFreeAndOnce(List<LogEntry> entries) {
    assertThat(entries).extracting(LogEntry::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, entries.size()).boxed().toList());
    List<String> kinds = entries.stream().map(e -> e.event().kind()).toList();
    assertThat(kinds.stream().filter(k -> k.endsWith("run.completed")).count()).isEqualTo(1);
    List<Long> turns = entries.stream().filter(e -> e.event().kind().endsWith("turn.started")).map(e -> e.joins().turnId()).toList();
    assertThat(turns).doesNotHaveDuplicates();
  }
}
