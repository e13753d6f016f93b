package dev.lightspeed.engine.llm;

import dev.lightspeed.engine.drive.EffectContext;

/**
 * Where model calls go. Implementations load the context's blobs, call the provider, store what comes back
 * as blobs and return facts plus refs. Expected failures (provider errors, limits) are results, not
 * exceptions; an exception escaping here is treated as a failure at the boundary. Called from several
 * threads at once, for different sessions.
 */
public interface LlmPort {
  /**
   * Runs one generation. When {@link EffectContext#aborted()} turns true (or the thread is interrupted) it
   * should stop promptly and return {@link GenerationResult.Cancelled}.
   */
  GenerationResult generate(LlmRequest request, EffectContext context);

  /** Runs one standalone compaction. */
  CompactionResult compact(CompactionRequest request, EffectContext context);
}
