package dev.lightspeed.runtime.temporal;

import static dev.lightspeed.runtime.temporal.HostedHarness.MODEL;
import static dev.lightspeed.runtime.temporal.HostedHarness.eventually;
import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.ToolBatch;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.testkit.scripted.ScriptedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A tool batch on Temporal: one activity per call, parallel-safe calls together but at most 8, each result appended as it lands. */
class HostedToolBatchTest {

  @Test
  void parallelSafeCallsRunTogetherAtMostEightAtATimeAndEachResultIsAppendedAsItLands() throws InterruptedException {
    try (HostedHarness h = HostedHarness.start()) {
      CountDownLatch release = new CountDownLatch(1);
      h.tools.tool("wait", Parallelism.PARALLEL_SAFE, args -> {
        if (args.contains("fast")) return "quick";
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return "slow";
      });
      SessionId s = h.open("batch-8", MODEL);
      h.installTools(s);
      List<ScriptedCall> calls = new ArrayList<>();
      calls.add(call("wait", "{\"fast\":true}"));
      for (int i = 0; i < 11; i++) calls.add(call("wait", "{\"slow\":" + i + "}"));
      h.model.callTools(calls.toArray(ScriptedCall[]::new)).reply("all twelve");

      long run = h.startRun(s, "sub", "twelve calls");
      eventually("eight slow calls are running", () -> h.tools.maxConcurrent() == ToolBatch.MAX_IN_FLIGHT && h.tools.invocations().size() == 1);
      eventually("the fast result is in the log", () -> h.kinds(s).contains("tool.call_completed"));
      Thread.sleep(300); // room for a ninth slow call to start if the limit did not hold

      assertThat(h.kinds(s).stream().filter(k -> k.equals("tool.call_completed")).count()).as("only the fast call has landed").isEqualTo(1);
      assertThat(h.kinds(s)).doesNotContain("tool.batch_completed");
      assertThat(h.tools.maxConcurrent()).isEqualTo(ToolBatch.MAX_IN_FLIGHT);

      release.countDown();
      assertThat(h.outcome(s, run).status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.kinds(s).stream().filter(k -> k.equals("tool.call_completed")).count()).isEqualTo(12);
      assertThat(h.tools.maxConcurrent()).isEqualTo(ToolBatch.MAX_IN_FLIGHT);
    }
  }
}
