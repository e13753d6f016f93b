package dev.lightspeed.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.events.EventCursor;
import dev.lightspeed.api.events.EventJoinsView;
import dev.lightspeed.api.events.SessionEventView;
import dev.lightspeed.api.run.RunStatus;
import dev.lightspeed.cli.gateway.GatewayException;
import dev.lightspeed.cli.gateway.StreamItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RunTrackerTest {
  private final List<RunUpdate> updates = new ArrayList<>();
  private final Map<String, String> blobs = Map.of("sha256:args", "{\"path\":\"pom.xml\"}");
  private final RunTracker tracker = new RunTracker(ref -> {
    String blob = blobs.get(ref);
    if (blob == null) throw new GatewayException("blobs/read", -32004, "not_found", "no blob " + ref);
    return blob;
  }, updates::add);
  private long seq;

  private void logged(long atMs, String kind) {
    try {
      ObjectNode node = (ObjectNode) ApiJson.mapper().readTree(kind);
      tracker.accept(new StreamItem.Logged(new SessionEventView(new EventCursor(++seq), "s", atMs, EventJoinsView.NONE, node)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRunWithAToolCallBecomesTheUpdatesAChatShows() {
    logged(1, "{\"type\":\"runAccepted\",\"runId\":\"1\"}");
    logged(2, "{\"type\":\"runStarted\",\"runId\":\"1\"}");
    logged(3, "{\"type\":\"turnStarted\",\"runId\":\"1\",\"turnId\":\"1\"}");
    tracker.accept(new StreamItem.Delta("1", StreamItem.Delta.Kind.TEXT, "Let me look."));
    logged(4, "{\"type\":\"toolBatchStarted\",\"runId\":\"1\",\"turnId\":\"1\",\"batchId\":\"1\","
        + "\"calls\":[{\"callId\":\"c1\",\"toolName\":\"read_file\",\"argumentsRef\":\"sha256:args\"},"
        + "{\"callId\":\"c2\",\"toolName\":\"list_dir\",\"argumentsRef\":\"sha256:gone\"}]}");
    logged(1_000, "{\"type\":\"toolCallStarted\",\"runId\":\"1\",\"turnId\":\"1\",\"batchId\":\"1\",\"callId\":\"c1\"}");
    logged(1_400, "{\"type\":\"toolCallCompleted\",\"runId\":\"1\",\"turnId\":\"1\",\"batchId\":\"1\",\"callId\":\"c1\",\"status\":\"succeeded\"}");
    logged(1_500, "{\"type\":\"toolCallCompleted\",\"runId\":\"1\",\"turnId\":\"1\",\"batchId\":\"1\",\"callId\":\"c2\",\"status\":\"cancelled\"}");
    logged(1_600, "{\"type\":\"turnGenerationCompleted\",\"runId\":\"1\",\"turnId\":\"2\",\"status\":\"completed\","
        + "\"usage\":{\"inputTokens\":120,\"outputTokens\":30,\"cachedInputTokens\":100}}");
    logged(1_700, "{\"type\":\"runCompleted\",\"runId\":\"1\",\"outputRef\":\"sha256:out\"}");

    ToolCallView read = new ToolCallView("c1", "read_file", "pom.xml");
    ToolCallView list = new ToolCallView("c2", "list_dir", "");
    assertThat(updates).containsExactly(
        new RunUpdate.Accepted("1"),
        new RunUpdate.Started("1"),
        new RunUpdate.Text("1", "Let me look."),
        new RunUpdate.ToolStarted("1", read),
        new RunUpdate.ToolFinished("1", read, "succeeded", OptionalLong.of(400)),
        new RunUpdate.ToolFinished("1", list, "cancelled", OptionalLong.empty()),
        new RunUpdate.UsageReported("1", new TokenUsage(120, 30, 100, false)),
        new RunUpdate.Finished("1", RunStatus.COMPLETED, null, "sha256:out"));
  }

  @Test
  void textOfATurnNotYetNamedBelongsToTheActiveRun() {
    logged(1, "{\"type\":\"runStarted\",\"runId\":\"3\"}");
    tracker.accept(new StreamItem.Delta("9", StreamItem.Delta.Kind.REASONING, "hmm"));
    assertThat(updates.getLast()).isEqualTo(new RunUpdate.Reasoning("3", "hmm"));
  }

  @Test
  void failuresCancellationsAndSteeringAreReported() {
    logged(1, "{\"type\":\"runSteeringAccepted\",\"runId\":\"1\",\"steeringId\":\"1\",\"input\":[]}");
    logged(2, "{\"type\":\"runCancellationRequested\",\"runId\":\"1\"}");
    logged(3, "{\"type\":\"runCancelled\",\"runId\":\"1\"}");
    logged(4, "{\"type\":\"runFailed\",\"runId\":\"2\",\"message\":\"openai: 401 invalid key\"}");
    logged(5, "{\"type\":\"contextEntriesApplied\",\"baseRevision\":1,\"revision\":2,\"entries\":[]}");
    assertThat(updates).containsExactly(
        new RunUpdate.Steered("1", "1"),
        new RunUpdate.Cancelling("1"),
        new RunUpdate.Finished("1", RunStatus.CANCELLED, null, null),
        new RunUpdate.Finished("2", RunStatus.FAILED, "openai: 401 invalid key", null));
  }

  @Test
  void aBatchDeferredForApprovalAsksForIt() {
    logged(1, "{\"type\":\"runStarted\",\"runId\":\"4\"}");
    logged(2, "{\"type\":\"toolBatchDeferred\",\"runId\":\"4\",\"turnId\":\"7\",\"batchId\":\"2\"}");
    logged(3, "{\"type\":\"toolBatchResumed\",\"runId\":\"4\",\"turnId\":\"7\",\"batchId\":\"2\"}");
    assertThat(updates).containsExactly(new RunUpdate.Started("4"), new RunUpdate.ApprovalNeeded("4"));
  }
}
