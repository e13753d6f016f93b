package dev.lightspeed.testkit.scripted;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A fake model that answers from a script, for tests and benchmarks of everything above the LLM adapters.
 * Each generation takes the next {@link ScriptedTurn}; its output is stored in the blob store like a real
 * adapter would (assistant text, tool call items, a response blob), with call ids derived from the turn id
 * so runs are deterministic. It records every request it received. Thread-safe.
 *
 * <p>When the script runs out the generation fails with "the scripted model has no more turns", so a test
 * that under-scripts fails loudly instead of hanging.
 */
public final class ScriptedModel implements LlmPort {
  private final BlobStore blobs;
  private final Deque<ScriptedTurn> script = new ArrayDeque<>();
  private final List<LlmRequest> requests = new ArrayList<>();
  private final List<CompactionRequest> compactions = new ArrayList<>();
  private String compactionFailure;

  public ScriptedModel(BlobStore blobs) {
    this.blobs = blobs;
  }

  public synchronized ScriptedModel then(ScriptedTurn turn) {
    script.add(turn);
    return this;
  }

  public ScriptedModel reply(String text) {
    return then(ScriptedTurn.reply(text));
  }

  public ScriptedModel callTools(ScriptedCall... calls) {
    return then(ScriptedTurn.callTools(calls));
  }

  public ScriptedModel fail(String message) {
    return then(ScriptedTurn.fail(message));
  }

  /** Makes the next standalone compaction fail with {@code message}. */
  public synchronized ScriptedModel failNextCompaction(String message) {
    compactionFailure = message;
    return this;
  }

  public synchronized List<LlmRequest> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<CompactionRequest> compactions() {
    return List.copyOf(compactions);
  }

  public synchronized int remaining() {
    return script.size();
  }

  @Override
  public GenerationResult generate(LlmRequest request, EffectContext ctx) {
    ScriptedTurn turn;
    synchronized (this) {
      requests.add(request);
      turn = script.poll();
    }
    UniverseId universe = UniverseId.of(ctx.universe());
    if (turn == null) {
      BlobRef reason = blobs.put(universe, bytes("{\"error\":\"script exhausted\"}"));
      return new GenerationResult.Failed(request.turn(), reason, "the scripted model has no more turns");
    }
    if (!sleep(turn.delay(), ctx)) return new GenerationResult.Cancelled(request.turn());
    if (turn.failure() != null) {
      BlobRef reason = blobs.put(universe, bytes(CanonicalJson.write(Json.Obj.builder().put("error", turn.failure()).build())));
      return new GenerationResult.Failed(request.turn(), reason, turn.failure());
    }
    List<ContextItem> outputs = new ArrayList<>();
    if (turn.compactionItem() != null) {
      BlobRef item = blobs.put(universe, bytes("compaction:" + turn.compactionItem()));
      outputs.add(new ContextItem(null, EntryKind.COMPACTION, EntryRole.NONE, item, "text/plain", "scripted:compaction",
          turn.compactionItem(), Math.max(1, turn.compactionItem().length() / 4), null, false));
    }
    if (turn.text() != null) {
      BlobRef text = blobs.put(universe, bytes(turn.text()));
      outputs.add(ContextItem.message(EntryRole.ASSISTANT, text, preview(turn.text()), Math.max(1, turn.text().length() / 4)));
    }
    List<ToolCall> calls = new ArrayList<>();
    for (int i = 0; i < turn.calls().size(); i++) {
      ScriptedCall call = turn.calls().get(i);
      String callId = "call_" + request.turn() + "_" + (i + 1);
      BlobRef args = blobs.put(universe, bytes(call.arguments()));
      Json.Obj item = Json.Obj.builder().put("type", "function_call").put("call_id", callId).put("name", call.name())
          .put("arguments", call.arguments()).build();
      BlobRef itemRef = blobs.put(universe, CanonicalJson.writeUtf8(item));
      outputs.add(new ContextItem(null, EntryKind.TOOL_CALL, EntryRole.ASSISTANT, itemRef, "application/json", "scripted:function_call",
          call.name(), Math.max(1, call.arguments().length() / 4), callId, false));
      calls.add(new ToolCall(callId, call.name(), args));
    }
    long input = turn.inputTokens() >= 0 ? turn.inputTokens() : estimate(request.context());
    long output = (turn.text() == null ? 0 : turn.text().length() / 4) + 10L * calls.size();
    BlobRef response = blobs.put(universe, bytes(CanonicalJson.write(Json.Obj.builder()
        .put("turn", request.turn()).put("text", turn.text()).put("calls", calls.size()).build())));
    return new GenerationResult.Completed(request.turn(), response, calls.isEmpty() ? "stop" : "tool_calls",
        new Usage(input, output, 0, 0), outputs, calls, "scripted-" + request.turn());
  }

  @Override
  public CompactionResult compact(CompactionRequest request, EffectContext ctx) {
    String failure;
    synchronized (this) {
      compactions.add(request);
      failure = compactionFailure;
      compactionFailure = null;
    }
    UniverseId universe = UniverseId.of(ctx.universe());
    if (failure != null) {
      return new CompactionResult.Failed(request.compaction(), blobs.put(universe, bytes(failure)), failure);
    }
    String summary = "summary of " + request.compactable().size() + " entries";
    BlobRef ref = blobs.put(universe, bytes(summary));
    ContextItem item = new ContextItem(null, EntryKind.COMPACTION, EntryRole.USER, ref, "text/plain", "scripted:summary", summary,
        Math.max(1, summary.length() / 4), null, false);
    return new CompactionResult.Completed(request.compaction(), List.of(item), new Usage(estimate(request.context()), summary.length() / 4, 0, 0));
  }

  private static long estimate(List<ContextEntry> context) {
    long total = 0;
    for (ContextEntry e : context) total += e.item().tokenEstimate();
    return total;
  }

  /** Sleeps in small steps; {@return false when aborted or interrupted} */
  static boolean sleep(Duration delay, EffectContext ctx) {
    long deadline = System.nanoTime() + delay.toNanos();
    while (System.nanoTime() < deadline) {
      if (ctx.aborted()) return false;
      try {
        Thread.sleep(Math.min(5, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !ctx.aborted();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String preview(String s) {
    return s.length() <= 200 ? s : s.substring(0, 199) + "…";
  }
}
