package dev.lightspeed.testkit.scripted;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolPort;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Fake tools for tests: each tool is a function from argument text to output text, with an optional delay
 * and a parallelism. A handler that throws {@link ToolFailure} produces a failed result. Records every
 * invocation and the highest number of calls that ran at once. Thread-safe.
 */
public final class ScriptedTools implements ToolPort {
  private final BlobStore blobs;
  private final Map<String, Tool> tools = new LinkedHashMap<>();
  private final List<Invocation> invocations = new ArrayList<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxConcurrent = new AtomicInteger();

  /** A tool handler failed on purpose; its message becomes the error result the model sees. */
  public static final class ToolFailure extends RuntimeException {
    public ToolFailure(String message) {
      super(message);
    }
  }

  /** One invocation as the tools saw it. */
  public record Invocation(String name, String callId, String arguments, CallOutcome outcome) {}

  private record Tool(String name, Parallelism parallelism, RetrySafety retrySafety, Duration delay, UnaryOperator<String> handler) {}

  public ScriptedTools(BlobStore blobs) {
    this.blobs = blobs;
  }

  public synchronized ScriptedTools tool(String name, Parallelism parallelism, UnaryOperator<String> handler) {
    return tool(name, parallelism, RetrySafety.RETRY_SAFE, Duration.ZERO, handler);
  }

  public synchronized ScriptedTools tool(String name, Parallelism parallelism, RetrySafety retry, Duration delay, UnaryOperator<String> handler) {
    tools.put(name, new Tool(name, parallelism, retry, delay, handler));
    return this;
  }

  /** {@return the specs of the scripted tools, their definitions stored as blobs in {@code universe}} */
  public synchronized List<ToolSpec> specs(UniverseId universe) {
    List<ToolSpec> specs = new ArrayList<>();
    for (Tool t : tools.values()) {
      Json.Obj def = Json.Obj.builder().put("name", t.name()).put("description", "scripted tool " + t.name())
          .put("parameters", Json.Obj.builder().put("type", "object").build()).build();
      specs.add(new ToolSpec(t.name(), blobs.put(universe, CanonicalJson.writeUtf8(def)), t.parallelism(), t.retrySafety()));
    }
    return specs;
  }

  public synchronized List<Invocation> invocations() {
    return List.copyOf(invocations);
  }

  /** {@return the highest number of calls that were running at the same time} */
  public int maxConcurrent() {
    return maxConcurrent.get();
  }

  @Override
  public ToolCallResult invoke(ToolBatchRequest batch, ToolBatchRequest.Invocation call, EffectContext ctx) {
    UniverseId universe = UniverseId.of(ctx.universe());
    Tool tool;
    synchronized (this) {
      tool = tools.get(call.call().name());
    }
    String args = new String(blobs.read(universe, call.call().arguments()), StandardCharsets.UTF_8);
    int now = running.incrementAndGet();
    maxConcurrent.accumulateAndGet(now, Math::max);
    try {
      if (tool == null) return record(batch, call, args, CallOutcome.FAILED, universe, "no scripted tool named " + call.call().name());
      if (!ScriptedModel.sleep(tool.delay(), ctx)) {
        WellKnownBlob c = WellKnownBlob.TOOL_CANCELLED;
        recordOnly(call, args, CallOutcome.CANCELLED);
        return new ToolCallResult(batch.batch(), call.call().callId(), CallOutcome.CANCELLED, c.ref(), c.bytes().length, c.text());
      }
      try {
        return record(batch, call, args, CallOutcome.COMPLETED, universe, tool.handler().apply(args));
      } catch (ToolFailure f) {
        return record(batch, call, args, CallOutcome.FAILED, universe, f.getMessage());
      }
    } finally {
      running.decrementAndGet();
    }
  }

  private ToolCallResult record(ToolBatchRequest batch, ToolBatchRequest.Invocation call, String args, CallOutcome outcome, UniverseId universe, String output) {
    recordOnly(call, args, outcome);
    byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
    BlobRef ref = blobs.put(universe, bytes);
    return new ToolCallResult(batch.batch(), call.call().callId(), outcome, ref, bytes.length, ScriptedModel.preview(output));
  }

  private synchronized void recordOnly(ToolBatchRequest.Invocation call, String args, CallOutcome outcome) {
    invocations.add(new Invocation(call.call().name(), call.call().callId(), args, outcome));
  }
}
