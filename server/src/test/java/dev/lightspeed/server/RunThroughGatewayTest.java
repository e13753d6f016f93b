package dev.lightspeed.server;

import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.blobs.BlobReadParams;
import dev.lightspeed.api.context.ContextAppendEntry;
import dev.lightspeed.api.context.ContextAppendParams;
import dev.lightspeed.api.context.ContextCompactParams;
import dev.lightspeed.api.events.EventCursor;
import dev.lightspeed.api.events.SessionEventsReadParams;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.run.RunCancelParams;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.run.RunSteerParams;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.testkit.scripted.ScriptedTurn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs driven only through the gateway: start, follow events, idempotency, long-polls, steer, cancel. */
class RunThroughGatewayTest {
  @TempDir static Path home;
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.scripted(home);
    s.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> "echo:" + args);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static String session(String id) {
    try {
      ObjectNode config = (ObjectNode) ApiJson.mapper().readTree("{\"model\":" + TestServer.SCRIPTED_MODEL + "}");
      return s.rpc.call(Methods.SESSION_START, new SessionStartParams(id, null, config, null)).at("/session/id").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode startRun(String session, String submission, String text) {
    return s.rpc.call(Methods.RUN_START, new RunStartParams(session, RunStartSource.input(InputItem.text(text)), null, submission, null))
        .get("run");
  }

  @Test
  void aRunWithAToolRoundCompletesWithTheModelsAnswer() {
    String id = session("tool-round");
    assertThat(s.rpc.call(Methods.SESSION_READ, new SessionReadParams(id)).at("/session/activeTools/tools/0/toolId").asText())
        .isEqualTo("echo");
    s.model.callTools(call("echo", "{\"x\":1}")).reply("done");

    JsonNode run = startRun(id, "sub-1", "use the tool");
    assertThat(run.get("status").asText()).as("an idle session starts the run at once").isEqualTo("running");
    String runId = run.get("id").asText();

    EventFeed feed = new EventFeed(s.rpc, id);
    List<JsonNode> events = feed.readUntil(EventFeed.type("runCompleted", runId));
    assertThat(feed.types()).containsSubsequence("sessionOpened", "toolsReplaced", "runAccepted", "runStarted", "turnStarted",
        "turnGenerationCompleted", "toolBatchStarted", "toolCallStarted", "toolCallCompleted", "toolBatchCompleted", "turnCompleted",
        "turnGenerationCompleted", "runCompleted");
    JsonNode batch = events.stream().filter(e -> e.at("/kind/type").asText().equals("toolBatchStarted")).findFirst().orElseThrow();
    assertThat(batch.at("/kind/calls/0/toolName").asText()).isEqualTo("echo");
    JsonNode callDone = events.stream().filter(e -> e.at("/kind/type").asText().equals("toolCallCompleted")).findFirst().orElseThrow();
    assertThat(callDone.at("/kind/status").asText()).isEqualTo("succeeded");

    String output = events.getLast().at("/kind/outputRef").asText();
    JsonNode blob = s.rpc.call(Methods.BLOBS_READ, new BlobReadParams(output));
    assertThat(new String(Base64.getDecoder().decode(blob.get("bytesBase64").asText()), StandardCharsets.UTF_8)).isEqualTo("done");

    JsonNode view = s.rpc.call(Methods.SESSION_READ, new SessionReadParams(id)).at("/session/runs/0");
    assertThat(view.get("status").asText()).isEqualTo("completed");
    assertThat(view.get("entries").findValuesAsText("preview")).contains("use the tool", "echo", "done");
    assertThat(s.tools.invocations()).extracting(i -> i.arguments()).contains("{\"x\":1}");
  }

  @Test
  void aRetriedSubmissionReturnsTheSameRunAndIsAcceptedOnce() {
    String id = session("idempotent");
    s.model.reply("once");
    JsonNode first = startRun(id, "same-key", "hello");
    JsonNode again = startRun(id, "same-key", "hello");
    assertThat(again.get("id")).isEqualTo(first.get("id"));

    EventFeed feed = new EventFeed(s.rpc, id);
    feed.readUntil(EventFeed.type("runCompleted", first.get("id").asText()));
    assertThat(feed.types().stream().filter("runAccepted"::equals)).hasSize(1);

    var conflict = s.rpc.error(Methods.RUN_START, new RunStartParams(id, RunStartSource.input(InputItem.text("other")), null, "same-key", null));
    assertThat(conflict.data().kind()).isEqualTo(ErrorKind.CONFLICT);
  }

  @Test
  void aLongPollReturnsAsSoonAsAnEventLands() throws Exception {
    String id = session("long-poll");
    long head = s.rpc.call(Methods.EVENTS_READ, new SessionEventsReadParams(id, null, null, null)).at("/headCursor/seq").asLong();

    long started = System.nanoTime();
    CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(
        () -> s.rpc.call(Methods.EVENTS_READ, new SessionEventsReadParams(id, new EventCursor(head), null, 20_000L)));
    Thread.sleep(400);
    assertThat(poll).isNotDone();
    s.rpc.call(Methods.CONTEXT_APPEND, new ContextAppendParams(id, List.of(new ContextAppendEntry("k", InputItem.text("v")))));

    JsonNode page = poll.get();
    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    assertThat(waited).isLessThan(Duration.ofSeconds(5));
    assertThat(page.at("/events/0/kind/type").asText()).isEqualTo("contextEntriesApplied");
    assertThat(page.at("/events/0/kind/entries/0/key").asText()).isEqualTo("k");
    assertThat(page.get("complete").asBoolean()).isTrue();
  }

  @Test
  void aLongerWaitThanThirtySecondsIsCutToThirty() {
    String id = session("capped");
    long head = s.rpc.call(Methods.EVENTS_READ, new SessionEventsReadParams(id, null, null, null)).at("/headCursor/seq").asLong();
    long started = System.nanoTime();
    JsonNode page = s.rpc.call(Methods.EVENTS_READ, new SessionEventsReadParams(id, new EventCursor(head), null, 600_000L));
    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    assertThat(waited).isBetween(Duration.ofMillis(29_900), Duration.ofSeconds(45));
    assertThat(page.get("events")).isEmpty();
  }

  @Test
  void aLongPollWithNothingToReadAnswersAnEmptyPageAfterTheWait() {
    String id = session("quiet");
    long head = s.rpc.call(Methods.EVENTS_READ, new SessionEventsReadParams(id, null, null, null)).at("/headCursor/seq").asLong();
    long started = System.nanoTime();
    JsonNode page = s.rpc.call(Methods.EVENTS_READ, new SessionEventsReadParams(id, new EventCursor(head), null, 300L));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    assertThat(page.get("events")).isEmpty();
    assertThat(page.at("/nextCursor/seq").asLong()).isEqualTo(head);
  }

  @Test
  void steeringAndCancellationAreAdmittedWhileTheRunGenerates() {
    String id = session("control");
    s.model.then(ScriptedTurn.reply("slow").after(Duration.ofSeconds(20)));
    String runId = startRun(id, "ctl", "think long").get("id").asText();
    EventFeed feed = new EventFeed(s.rpc, id);
    feed.readUntil(EventFeed.type("turnGenerationRequested", runId));

    JsonNode steered = s.rpc.call(Methods.RUN_STEER, new RunSteerParams(id, runId, List.of(InputItem.text("also this"))));
    assertThat(steered.get("steeringId").asText()).isEqualTo("1");
    assertThat(steered.at("/run/status").asText()).isEqualTo("running");

    JsonNode cancelled = s.rpc.call(Methods.RUN_CANCEL, new RunCancelParams(id, runId)).get("run");
    assertThat(cancelled.get("status").asText()).isIn("cancelling", "cancelled");
    feed.readUntil(EventFeed.type("runCancelled", runId));

    var late = s.rpc.error(Methods.RUN_STEER, new RunSteerParams(id, runId, List.of(InputItem.text("too late"))));
    assertThat(late.data().kind()).isEqualTo(ErrorKind.REJECTED);
    assertThat(s.rpc.call(Methods.RUN_CANCEL, new RunCancelParams(id, runId)).at("/run/status").asText()).isEqualTo("cancelled");
  }

  @Test
  void compactionAfterARunReturnsTheCompactedSession() {
    String id = session("compact");
    s.model.reply("first answer");
    String runId = startRun(id, "c1", "something to summarize").get("id").asText();
    new EventFeed(s.rpc, id).readUntil(EventFeed.type("runCompleted", runId));

    JsonNode session = s.rpc.call(Methods.CONTEXT_COMPACT, new ContextCompactParams(id)).get("session");
    assertThat(session.at("/activeContext/entries").findValuesAsText("preview")).anyMatch(p -> p.startsWith("summary of"));
    EventFeed feed = new EventFeed(s.rpc, id);
    List<JsonNode> events = feed.readUntil(e -> e.at("/kind/type").asText().equals("contextCompactionFinished"));
    assertThat(events.getLast().at("/kind/status").asText()).isEqualTo("completed");
    assertThat(feed.types()).containsSubsequence("runCompleted", "contextCompactionRequested", "contextCompactionFinished");
  }

  @Test
  void aFailedGenerationFailsOnlyTheRunAndTheEventsSayWhy() {
    String id = session("failing");
    s.model.fail("the model is out of ideas").reply("recovered");
    String failed = startRun(id, "f1", "try").get("id").asText();
    EventFeed feed = new EventFeed(s.rpc, id);
    List<JsonNode> events = feed.readUntil(EventFeed.type("runFailed", failed));
    assertThat(events.getLast().at("/kind/message").asText()).contains("the model is out of ideas");
    assertThat(events.stream().filter(e -> e.at("/kind/type").asText().equals("turnGenerationCompleted")).map(e -> e.at("/kind/status").asText()))
        .containsExactly("failed");

    String next = startRun(id, "f2", "again").get("id").asText();
    feed.readUntil(EventFeed.type("runCompleted", next));
  }
}
