package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted model that can hold chosen generations (1-based) until released; a held generation that is
 * aborted returns {@link GenerationResult.Cancelled} and is counted, as a provider call cut short would be.
 */
final class HeldModel implements LlmPort {
  private final ScriptedModel delegate;
  private final Set<Integer> held = ConcurrentHashMap.newKeySet();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger aborted = new AtomicInteger();
  private volatile CountDownLatch release = new CountDownLatch(1);

  HeldModel(ScriptedModel delegate) {
    this.delegate = delegate;
  }

  HeldModel hold(int n) {
    held.add(n);
    return this;
  }

  void releaseAll() {
    held.clear();
    release.countDown();
  }

  int calls() {
    return calls.get();
  }

  int waiting() {
    return waiting.get();
  }

  int aborted() {
    return aborted.get();
  }

  @Override
  public GenerationResult generate(LlmRequest request, EffectContext ctx) {
    int n = calls.incrementAndGet();
    if (held.contains(n)) {
      waiting.incrementAndGet();
      try {
        while (!release.await(5, TimeUnit.MILLISECONDS)) {
          if (ctx.aborted() || Thread.currentThread().isInterrupted()) {
            aborted.incrementAndGet();
            return new GenerationResult.Cancelled(request.turn());
          }
        }
      } catch (InterruptedException e) {
        aborted.incrementAndGet();
        return new GenerationResult.Cancelled(request.turn());
      } finally {
        waiting.decrementAndGet();
      }
    }
    return delegate.generate(request, ctx);
  }

  @Override
  public CompactionResult compact(CompactionRequest request, EffectContext ctx) {
    return delegate.compact(request, ctx);
  }
}
