package dev.lightspeed.engine.event;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.List;
import java.util.Optional;

/**
 * One representative instance of every event variant, in {@code permits} order. Every value is fixed (refs
 * are hashes of fixed strings) so the golden files never change unless the payload schema does. Wherever a
 * component allows it, the value is not its default: lists hold two elements, optionals are present, ids
 * differ from each other.
 */
final class EventSamples {
  private EventSamples() {}

  static BlobRef ref(String seed) {
    return BlobRef.sha256(seed.getBytes(UTF_8));
  }

  static final Json.Obj SESSION_CONFIG = Json.Obj.builder()
      .put("model", Json.Obj.builder().put("provider", "openai").put("name", "gpt-test").build())
      .put("limits", Json.Obj.builder().put("maxTurns", 24).put("maxToolRounds", 8).build())
      .put("temperature", Json.Num.parse("0.7"))
      .put("stop", Json.Arr.of(Json.of("END"), Json.of("caf\u00e9\n\"quoted\"")))
      .put("compaction", Json.Obj.builder().put("enabled", true).build())
      .put("tracing", Json.NULL)
      .build();

  static final Json.Obj CHANGED_CONFIG = Json.Obj.builder()
      .put("model", Json.Obj.builder().put("provider", "anthropic").put("name", "claude-test").build())
      .put("limits", Json.Obj.builder().put("maxTurns", 4).build())
      .build();

  static final Json.Obj RUN_CONFIG = Json.Obj.builder()
      .put("limits", Json.Obj.builder().put("maxTurns", 3).build())
      .put("generation", Json.Obj.builder().put("maxOutputTokens", 2048).build())
      .build();

  static final InputItem TEXT_INPUT = InputItem.text(ref("input: fix the build"), 13, "fix the build");
  static final InputItem IMAGE_INPUT = new InputItem(ref("input: screenshot"), "image/png", 48_213, "screenshot.png");
  static final InputItem STEERING_TEXT = InputItem.text(ref("steering: use maven"), 9, "use maven");
  static final InputItem STEERING_DOC = new InputItem(ref("steering: spec"), "application/pdf", 90_001, "spec.pdf");

  static final ContextItem ASSISTANT_MESSAGE =
      new ContextItem(null, EntryKind.MESSAGE, EntryRole.ASSISTANT, ref("output: on it"), "text/plain", "openai:message", "On it.", 3, null, false);
  static final ContextItem TOOL_CALL_ITEM = new ContextItem(
      null, EntryKind.TOOL_CALL, EntryRole.NONE, ref("output: call"), "application/json", "openai:function_call", "read_file(pom.xml)", 21, "call-1", false);
  static final ContextItem KEYED_NOTE = ContextItem.message(EntryRole.DEVELOPER, ref("note: style"), "Prefer records.", 4).withKey("note/style");
  static final ContextItem FAILED_RESULT = new ContextItem(
      "result/last", EntryKind.TOOL_RESULT, EntryRole.NONE, ref("result: exit 1"), "application/json", null, "exit 1", 40, "call-2", true);
  static final ContextItem INSTRUCTIONS_ROOT =
      new ContextItem("instructions/AGENTS.md", EntryKind.INSTRUCTIONS, EntryRole.SYSTEM, ref("AGENTS.md"), "text/markdown", null, null, 512, null, false);
  static final ContextItem INSTRUCTIONS_ENGINE = new ContextItem(
      "instructions/engine/AGENTS.md", EntryKind.INSTRUCTIONS, EntryRole.SYSTEM, ref("engine/AGENTS.md"), "text/markdown", null, "Engine rules", 128, null, false);
  static final ContextItem COMPACTION_ITEM =
      new ContextItem(null, EntryKind.COMPACTION, EntryRole.NONE, ref("compaction: summary"), "application/json", "openai:compaction", null, 900, null, false);
  static final ContextItem SUMMARY_MESSAGE = ContextItem.message(EntryRole.USER, ref("compaction: handoff"), "Handoff summary", 250);

  static final Usage GENERATION_USAGE = new Usage(12_000, 350, 9_000, 120);
  static final Usage COMPACTION_USAGE = new Usage(40_000, 1_100, 0, 64);

  static final ToolCall READ_CALL = new ToolCall("call-1", "read_file", ref("arguments: pom.xml"));
  static final ToolCall SHELL_CALL = new ToolCall("call-2", "shell", ref("arguments: mvn test"));

  static final ToolSpec READ_FILE = new ToolSpec("read_file", ref("spec: read_file"), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
  static final ToolSpec SHELL = new ToolSpec("shell", ref("spec: shell"), Parallelism.EXCLUSIVE, RetrySafety.NOT_RETRY_SAFE);
  static final ToolSpec WEB_FETCH = new ToolSpec("web-fetch_2", ref("spec: web-fetch_2"), Parallelism.PARALLEL_SAFE, RetrySafety.NOT_RETRY_SAFE);

  /** {@return one instance per variant, in {@code permits} order} */
  static List<Event> all() {
    return List.of(
        new LifecycleEvent.Opened(SESSION_CONFIG),
        new LifecycleEvent.ConfigChanged(2, CHANGED_CONFIG),
        new LifecycleEvent.Closed(true),

        new RunEvent.Accepted(7, "sub-7f3a", List.of(TEXT_INPUT, IMAGE_INPUT), RUN_CONFIG, ref("digest: run 7").hex()),
        new RunEvent.Started(7),
        new RunEvent.Prepared(7, List.of(KEYED_NOTE), List.of("vfs.catalog")),
        new RunEvent.SteeringAccepted(7, 2, List.of(STEERING_TEXT, STEERING_DOC)),
        new RunEvent.SteeringDelivered(7, 2),
        new RunEvent.CancellationRequested(7),
        new RunEvent.Completed(7, Optional.of(ref("output: done"))),
        new RunEvent.Failed(7, FailureKind.PROVIDER_ERROR, ref("reason: 503"), "provider returned 503 after 5 attempts"),
        new RunEvent.Cancelled(7),
        new RunEvent.QueuedCancelled(8),
        new RunEvent.ForceCancelled(7),

        new TurnEvent.Started(7, 11, 2),
        new TurnEvent.Planned(7, 11, ref("fingerprint: turn 11").hex(), 2, 41, 3),
        new TurnEvent.GenerationRequested(7, 11),
        new TurnEvent.GenerationCompleted(
            7, 11, ref("response: turn 11"), "tool_calls", GENERATION_USAGE,
            List.of(ASSISTANT_MESSAGE, TOOL_CALL_ITEM), List.of(READ_CALL, SHELL_CALL), "resp_0042"),
        new TurnEvent.GenerationFailed(7, 11, ref("reason: 400"), "invalid request: context too long"),
        new TurnEvent.Completed(7, 11),
        new TurnEvent.Cancelled(7, 12),

        new ContextEvent.EntriesApplied(EntrySource.CONTEXT_EDIT, List.of(KEYED_NOTE, FAILED_RESULT)),
        new ContextEvent.EntriesRemoved(List.of(4L, 9L)),
        new ContextEvent.KeysRemoved(List.of("note/style", "result/last")),
        new ContextEvent.KeyPrefixReplaced("instructions/", new EntrySource.Runtime("AGENTS.md files"), List.of(INSTRUCTIONS_ROOT, INSTRUCTIONS_ENGINE)),
        new ContextEvent.Pruned(7, 57),
        new ContextEvent.CompactionRequested(3, CompactionTrigger.HIGH_WATER, 7, 60),
        new ContextEvent.CompactionFinished(3, 7, List.of(COMPACTION_ITEM, SUMMARY_MESSAGE), COMPACTION_USAGE),
        new ContextEvent.CompactionFailed(3, 7, ref("reason: compaction 3"), "compaction model timed out"),

        new ToolEvent.BatchStarted(7, 11, 4),
        new ToolEvent.CallStarted(7, 11, 4, "call-1"),
        new ToolEvent.CallCompleted(7, 11, 4, "call-2", CallOutcome.FAILED, ref("result: exit 1"), 1_234, "exit 1"),
        new ToolEvent.ApprovalRequested(7, 11, 4, "call-3"),
        new ToolEvent.ApprovalDecided(7, 11, 4, "call-3", false, "not on the production database"),
        new ToolEvent.BatchCompleted(7, 11, 4),

        new ToolsEvent.Replaced(List.of(READ_FILE, SHELL)),
        new ToolsEvent.Patched(List.of(WEB_FETCH, SHELL), List.of("read_file", "legacy_grep")));
  }
}
