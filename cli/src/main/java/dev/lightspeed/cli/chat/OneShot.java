package dev.lightspeed.cli.chat;

import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.run.RunCancelParams;
import dev.lightspeed.api.run.RunCancelResponse;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartResponse;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.run.RunStatus;
import dev.lightspeed.api.run.RunView;
import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.cli.gateway.ClientException;
import dev.lightspeed.cli.gateway.GatewayClient;
import dev.lightspeed.cli.gateway.SessionStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One message, one run, then exit: the answer streams to stdout as the model writes it (or is printed whole
 * when the gateway streams no deltas), tool activity and the outcome go to stderr. With {@code json} nothing
 * streams and stdout gets exactly the {@link ChatResult} document. {@link #cancel} (the Ctrl-C hook) stops the
 * run from another thread.
 */
public final class OneShot {
  private final GatewayClient gateway;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final BlockingQueue<RunUpdate> updates = new LinkedBlockingQueue<>();
  private volatile String sessionId;
  private volatile String runId;
  private volatile boolean finished;

  public OneShot(GatewayClient gateway, PrintWriter out, PrintWriter err, boolean json) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.json = json;
  }

  /**
   * Runs {@code message} in {@code session} and {@return how the run ended}, once it has.
   *
   * @throws ClientException when the gateway refuses the run or stops answering
   */
  public ChatResult run(SessionView session, String message) {
    sessionId = session.id();
    RunTracker tracker = new RunTracker(gateway::readText, updates::add);
    try (SessionStream stream = SessionStream.open(gateway, sessionId, tracker)) {
      RunView run = gateway.call(new RunStartParams(sessionId, RunStartSource.input(InputItem.text(message)), null,
          UUID.randomUUID().toString(), null), RunStartResponse.class).run();
      runId = run.id();
      session.runs().stream().filter(r -> r.status() == RunStatus.RUNNING || r.status() == RunStatus.CANCELLING).findFirst()
          .ifPresent(busy -> progress("run " + run.id() + " waits until run " + busy.id() + " of this session ends"));
      return follow(run.id());
    } finally {
      finished = true;
    }
  }

  /**
   * Asks the gateway to cancel the run in progress and waits up to {@code wait} for it to end; does nothing
   * when no run is in progress. Safe to call from any thread (the shutdown hook).
   */
  public void cancel(Duration wait) {
    String run = runId;
    if (run == null || finished) return;
    try {
      gateway.call(new RunCancelParams(sessionId, run), RunCancelResponse.class);
      long deadline = System.nanoTime() + wait.toNanos();
      while (!finished && System.nanoTime() < deadline) Thread.sleep(50);
    } catch (ClientException e) {
      progress("could not cancel run " + run + ": " + e.line());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ChatResult follow(String run) {
    StringBuilder streamed = new StringBuilder();
    List<ChatResult.ToolCall> tools = new ArrayList<>();
    TokenUsage usage = TokenUsage.ZERO;
    boolean reported = false;
    while (true) {
      RunUpdate update = take();
      switch (update) {
        case RunUpdate.Text t when ours(t.runId(), run) -> {
          streamed.append(t.text());
          if (!json) {
            out.print(t.text());
            out.flush();
          }
        }
        case RunUpdate.ToolStarted t when ours(t.runId(), run) -> progress(ToolLines.started(t.call()));
        case RunUpdate.ToolFinished t when ours(t.runId(), run) -> {
          tools.add(new ChatResult.ToolCall(t.call().name(), t.status(), t.call().callId()));
          progress(ToolLines.finished(t.call(), t.status(), t.elapsedMs()));
        }
        case RunUpdate.ApprovalNeeded a when ours(a.runId(), run) -> {
          for (Approvals.Waiting w : new Approvals(gateway).waiting(new SessionSetup(gateway).read(sessionId))) {
            progress("run " + w.runId() + " waits for your approval to call " + w.call().label() + " (" + w.call().callId() + ")");
          }
          progress("answer in the chat: lightspeed chat --session " + sessionId + ", then /approve or /deny");
        }
        case RunUpdate.Steered s when ours(s.runId(), run) -> progress("steering accepted");
        case RunUpdate.Cancelling c when ours(c.runId(), run) -> progress("stopping run " + run + "…");
        case RunUpdate.UsageReported u when ours(u.runId(), run) -> {
          usage = usage.plus(u.usage());
          reported = true;
        }
        case RunUpdate.StreamLost lost -> throw lost.reason();
        case RunUpdate.Finished f when f.runId().equals(run) -> {
          if (!reported) usage = UsageEstimate.ofRun(new SessionSetup(gateway).read(sessionId), run);
          return finish(f, streamed, tools, usage);
        }
        default -> {
          // another run's updates, or nothing to show in one-shot mode
        }
      }
    }
  }

  private ChatResult finish(RunUpdate.Finished f, StringBuilder streamed, List<ChatResult.ToolCall> tools, TokenUsage usage) {
    String text = f.outputRef() == null ? "" : AnswerText.of(gateway.readText(f.outputRef()));
    if (!json) {
      if (streamed.isEmpty() && !text.isEmpty()) out.print(text);
      boolean printed = !streamed.isEmpty() || !text.isEmpty();
      if (printed && !(streamed.isEmpty() ? text : streamed.toString()).endsWith("\n")) out.println();
      out.flush();
      switch (f.status()) {
        case FAILED -> progress("run " + f.runId() + " failed: " + f.failure());
        case CANCELLED -> progress("run " + f.runId() + " was cancelled");
        case COMPLETED, QUEUED, RUNNING, CANCELLING -> {
          // the answer is the output
        }
      }
    }
    ChatResult result = new ChatResult(sessionId, f.runId(), f.status().wire(), text, tools, ChatResult.Usage.of(usage),
        f.status() == RunStatus.FAILED ? f.failure() : null);
    if (json) {
      out.println(ApiJson.toJson(result));
      out.flush();
    }
    return result;
  }

  private RunUpdate take() {
    try {
      RunUpdate update = updates.poll(1, TimeUnit.DAYS);
      if (update == null) throw new IllegalStateException("no news from the session stream in a day");
      return update;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while following run " + runId, e);
    }
  }

  private static boolean ours(String updateRun, String run) {
    return updateRun == null || updateRun.equals(run);
  }

  private void progress(String line) {
    if (json) return;
    err.println("lightspeed: " + line);
    err.flush();
  }
}
