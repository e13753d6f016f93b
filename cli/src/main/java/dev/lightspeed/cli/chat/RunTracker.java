package dev.lightspeed.cli.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.events.SessionEventView;
import dev.lightspeed.api.run.RunStatus;
import dev.lightspeed.cli.gateway.ClientException;
import dev.lightspeed.cli.gateway.StreamItem;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Folds one session's stream into {@link RunUpdate}s: deltas become text of the run generating now, log
 * events become runs starting and ending, tool calls with their key argument and elapsed time (measured
 * between the calls' log events, so it is the server's time), steering, compaction. Not thread-safe: feed it
 * from the stream's thread only.
 */
public final class RunTracker implements Consumer<StreamItem> {
  private final Function<String, String> blobText;
  private final Consumer<RunUpdate> sink;
  private final Map<String, String> runOfTurn = new HashMap<>();
  private final Map<String, Call> calls = new HashMap<>();
  private String activeRun;
  private String lastAccepted;

  private record Call(String name, String argumentsRef, ToolCallView view, long startedAtMs) {}

  /**
   * @param blobText reads a blob as text (tool arguments); failures are shown as a call without its argument
   * @param sink receives every update, on the stream's thread; it must be fast and must not throw
   */
  public RunTracker(Function<String, String> blobText, Consumer<RunUpdate> sink) {
    this.blobText = Objects.requireNonNull(blobText, "blobText");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void accept(StreamItem item) {
    switch (item) {
      case StreamItem.Delta delta -> {
        String run = delta.turnId() == null ? null : runOfTurn.get(delta.turnId());
        if (run == null) run = activeRun != null ? activeRun : lastAccepted;
        sink.accept(switch (delta.kind()) {
          case TEXT -> new RunUpdate.Text(run, delta.text());
          case REASONING -> new RunUpdate.Reasoning(run, delta.text());
        });
      }
      case StreamItem.Logged logged -> logged(logged.event());
      case StreamItem.Lost lost -> sink.accept(new RunUpdate.StreamLost(lost.reason()));
    }
  }

  private void logged(SessionEventView event) {
    ObjectNode kind = event.kind();
    String run = kind.path("runId").asText(null);
    switch (event.type()) {
      case "runAccepted" -> {
        lastAccepted = run;
        sink.accept(new RunUpdate.Accepted(run));
      }
      case "runStarted" -> {
        activeRun = run;
        sink.accept(new RunUpdate.Started(run));
      }
      case "turnStarted" -> runOfTurn.put(kind.path("turnId").asText(), run);
      case "turnGenerationCompleted" -> TokenUsage.reportedIn(kind).ifPresent(u -> sink.accept(new RunUpdate.UsageReported(run, u)));
      case "toolBatchStarted" -> {
        for (JsonNode call : kind.path("calls")) {
          String id = call.path("callId").asText();
          calls.put(id, new Call(call.path("toolName").asText("tool"), call.path("argumentsRef").asText(null), null, -1));
        }
      }
      case "toolCallStarted" -> {
        Call call = view(kind.path("callId").asText());
        calls.put(call.view().callId(), new Call(call.name(), call.argumentsRef(), call.view(), event.observedAtMs()));
        sink.accept(new RunUpdate.ToolStarted(run, call.view()));
      }
      case "toolCallCompleted" -> {
        Call call = view(kind.path("callId").asText());
        calls.remove(call.view().callId());
        OptionalLong elapsed = call.startedAtMs() < 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(0, event.observedAtMs() - call.startedAtMs()));
        sink.accept(new RunUpdate.ToolFinished(run, call.view(), kind.path("status").asText("succeeded"), elapsed));
      }
      case "toolBatchDeferred" -> sink.accept(new RunUpdate.ApprovalNeeded(run));
      case "runSteeringAccepted" -> sink.accept(new RunUpdate.Steered(run, kind.path("steeringId").asText()));
      case "runCancellationRequested" -> sink.accept(new RunUpdate.Cancelling(run));
      case "runCompleted" -> finished(run, RunStatus.COMPLETED, null, kind.path("outputRef").asText(null));
      case "runFailed" -> finished(run, RunStatus.FAILED, kind.path("message").asText("the run failed"), null);
      case "runCancelled" -> finished(run, RunStatus.CANCELLED, null, null);
      case "contextCompactionRequested" -> sink.accept(new RunUpdate.Compaction(false, "requested"));
      case "contextCompactionFinished" -> sink.accept(new RunUpdate.Compaction(true, kind.path("status").asText("completed")));
      case "sessionConfigChanged" -> sink.accept(new RunUpdate.ConfigChanged(kind.path("model").path("model").asText(null)));
      case "sessionClosed" -> sink.accept(new RunUpdate.SessionClosed());
      default -> {
        // other kinds (context edits, tool set changes, turn bookkeeping) change nothing a chat shows
      }
    }
  }

  private void finished(String run, RunStatus status, String failure, String outputRef) {
    if (run.equals(activeRun)) activeRun = null;
    runOfTurn.values().removeIf(run::equals);
    sink.accept(new RunUpdate.Finished(run, status, failure, outputRef));
  }

  /** {@return the call {@code callId} with its view, reading its arguments the first time it is shown} */
  private Call view(String callId) {
    Call call = calls.getOrDefault(callId, new Call("tool", null, null, -1));
    if (call.view() != null) return call;
    String key = "";
    if (call.argumentsRef() != null) {
      try {
        key = KeyArgument.of(blobText.apply(call.argumentsRef()));
      } catch (ClientException e) {
        key = "";
      }
    }
    Call shown = new Call(call.name(), call.argumentsRef(), new ToolCallView(callId, call.name(), key), call.startedAtMs());
    calls.put(callId, shown);
    return shown;
  }
}
