package dev.lightspeed.cli.tui;

import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.cli.chat.AnswerText;
import dev.lightspeed.cli.chat.Approvals;
import dev.lightspeed.cli.chat.RunUpdate;
import dev.lightspeed.cli.chat.SessionSetup;
import dev.lightspeed.cli.chat.TokenUsage;
import dev.lightspeed.cli.chat.ToolLines;
import dev.lightspeed.cli.chat.UsageEstimate;
import dev.lightspeed.cli.gateway.ClientException;
import dev.lightspeed.cli.gateway.GatewayClient;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Shows a session's {@link RunUpdate}s in the chat: answer text rendered as markdown line by line (the line
 * being written shows in the status bar), one line per finished tool call, run outcomes, steering and
 * compaction notes; keeps {@link ChatState} current for the status bar. Runs on the stream's thread.
 */
final class UpdateView implements Consumer<RunUpdate> {
  private static final AttributedStyle GREEN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  private static final AttributedStyle RED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
  private static final AttributedStyle YELLOW = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);

  private final Screen screen;
  private final ChatState state;
  private final GatewayClient gateway;
  private final Runnable redraw;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final LiveText live = new LiveText();
  private final Set<String> runsWithText = new HashSet<>();
  private final Set<String> runsWithUsage = new HashSet<>();
  private final Set<String> asked = new HashSet<>();

  UpdateView(Screen screen, ChatState state, GatewayClient gateway, Runnable redraw) {
    this.screen = Objects.requireNonNull(screen, "screen");
    this.state = Objects.requireNonNull(state, "state");
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.redraw = Objects.requireNonNull(redraw, "redraw");
  }

  @Override
  public void accept(RunUpdate update) {
    switch (update) {
      case RunUpdate.Accepted accepted -> {
        // the input handler said "queued" when it was
      }
      case RunUpdate.Started started -> {
        String queuedText = state.started(started.runId());
        if (queuedText != null) screen.note("▶ run " + started.runId() + ": " + queuedText);
        state.activity("thinking…");
      }
      case RunUpdate.Text text -> {
        if (text.runId() != null) runsWithText.add(text.runId());
        for (String line : live.append(text.text())) screen.print(markdown.line(line));
        state.partialLine(live.partial());
      }
      case RunUpdate.Reasoning reasoning -> state.activity("thinking…");
      case RunUpdate.ToolStarted started -> {
        flushText();
        state.activity(ToolLines.started(started.call()));
      }
      case RunUpdate.ToolFinished finished -> {
        flushText();
        String line = ToolLines.finished(finished.call(), finished.status(), finished.elapsedMs());
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.append(line.substring(0, 1), finished.status().equals("succeeded") ? GREEN : RED);
        out.append(line.substring(1), AttributedStyle.DEFAULT.faint());
        screen.print(out.toAttributedString());
        state.activity("thinking…");
      }
      case RunUpdate.ApprovalNeeded needed -> {
        flushText();
        try {
          for (Approvals.Waiting waiting : new Approvals(gateway).waiting(new SessionSetup(gateway).read(state.snapshot().sessionId()))) {
            if (asked.add(waiting.call().callId())) screen.print(new AttributedString("? " + waiting.question(), YELLOW));
          }
        } catch (ClientException e) {
          screen.problem("run " + needed.runId() + " waits for an approval, and the calls could not be read: " + e.line());
        }
        state.activity("waiting for your approval (/approve or /deny)");
      }
      case RunUpdate.Steered steered -> screen.note("↳ steering accepted by run " + steered.runId());
      case RunUpdate.Cancelling cancelling -> {
        flushText();
        screen.note("stopping run " + cancelling.runId() + "…");
      }
      case RunUpdate.UsageReported usage -> {
        runsWithUsage.add(usage.runId());
        state.addTokens(usage.usage().inputTokens() + usage.usage().outputTokens(), false);
      }
      case RunUpdate.Finished finished -> finished(finished);
      case RunUpdate.Compaction compaction -> {
        if (!compaction.finished()) {
          state.activity("compacting the context…");
        } else {
          state.activity("");
          screen.note(compaction.status().equals("completed") ? "context compacted" : "context compaction " + compaction.status());
          refreshCounts(null);
        }
      }
      case RunUpdate.ConfigChanged changed -> {
        // the command that changed it updated the state from its answer
      }
      case RunUpdate.SessionClosed closed -> screen.note("the session was closed; /new starts another");
      case RunUpdate.StreamLost lost -> screen.problem("lost the session stream: " + lost.reason().line());
    }
    redraw.run();
  }

  private void finished(RunUpdate.Finished finished) {
    flushText();
    markdown.reset();
    String run = finished.runId();
    state.finished(run);
    switch (finished.status()) {
      case COMPLETED -> {
        if (!runsWithText.contains(run) && finished.outputRef() != null) printAnswer(finished.outputRef());
      }
      case CANCELLED -> screen.print(new AttributedString("⊘ run " + run + " cancelled", YELLOW));
      case FAILED -> screen.print(new AttributedString("✗ run " + run + " failed: " + finished.failure(), RED));
      case QUEUED, RUNNING, CANCELLING -> {
        // not terminal; a Finished update never carries these
      }
    }
    runsWithText.remove(run);
    screen.print(AttributedString.EMPTY);
    refreshCounts(run);
  }

  /** Prints a whole answer the stream carried no deltas for (a gateway in another process than the worker). */
  private void printAnswer(String outputRef) {
    try {
      for (String line : AnswerText.of(gateway.readText(outputRef)).split("\n", -1)) screen.print(markdown.line(line));
      markdown.reset();
    } catch (ClientException e) {
      screen.problem("could not read the answer: " + e.line());
    }
  }

  private void flushText() {
    for (String line : live.flush()) screen.print(markdown.line(line));
    state.partialLine("");
  }

  /** Re-reads the context size (and estimates the run's tokens when none were reported), off this thread. */
  private void refreshCounts(String run) {
    String session = state.sessionId();
    boolean estimate = run != null && !runsWithUsage.remove(run);
    Thread.ofVirtual().name("lightspeed-counts").start(() -> {
      try {
        SessionView view = new SessionSetup(gateway).read(session);
        if (!session.equals(state.sessionId())) return;
        state.contextTokens(UsageEstimate.contextTokens(view));
        if (estimate) {
          TokenUsage usage = UsageEstimate.ofRun(view, run);
          state.addTokens(usage.inputTokens() + usage.outputTokens(), true);
        }
        redraw.run();
      } catch (ClientException e) {
        // the counts stay as they were; the next run refreshes them
      }
    });
  }
}
