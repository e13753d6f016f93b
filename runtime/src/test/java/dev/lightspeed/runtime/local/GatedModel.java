package dev.lightspeed.runtime.local;

import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ScriptedModel} with gates in front: the n-th generation or compaction stops at its gate until the
 * test releases it. An aborted gated generation reports {@link GenerationResult.Cancelled}; an aborted gated
 * compaction throws, as an adapter whose HTTP call was interrupted would.
 */
final class GatedModel implements LlmPort {
  private final ScriptedModel delegate;
  private final Map<Integer, Gate> generationGates = new ConcurrentHashMap<>();
  private final Map<Integer, Gate> compactionGates = new ConcurrentHashMap<>();
  private final AtomicInteger generations = new AtomicInteger();
  private final AtomicInteger compactions = new AtomicInteger();

  GatedModel(ScriptedModel delegate) {
    this.delegate = delegate;
  }

  /** {@return the gate the {@code n}-th (1-based) generation stops at} */
  Gate gateGeneration(int n) {
    return generationGates.computeIfAbsent(n, k -> new Gate());
  }

  /** {@return the gate the {@code n}-th (1-based) compaction stops at} */
  Gate gateCompaction(int n) {
    return compactionGates.computeIfAbsent(n, k -> new Gate());
  }

  @Override
  public GenerationResult generate(LlmRequest request, EffectContext ctx) {
    Gate gate = generationGates.get(generations.incrementAndGet());
    if (gate != null && !gate.pass(ctx)) return new GenerationResult.Cancelled(request.turn());
    return delegate.generate(request, ctx);
  }

  @Override
  public CompactionResult compact(CompactionRequest request, EffectContext ctx) {
    Gate gate = compactionGates.get(compactions.incrementAndGet());
    if (gate != null && !gate.pass(ctx)) throw new IllegalStateException("the compaction call was interrupted");
    return delegate.compact(request, ctx);
  }
}
