package dev.lightspeed.llm;

import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;

/**
 * One provider API kind ({@code openai:responses}, {@code openai:completions}, {@code anthropic:messages}):
 * builds the native request from the engine's request, calls the provider, stores what comes back as
 * blobs and reports facts. It makes exactly one attempt; {@link LlmService} retries.
 *
 * <p>An attempt that the abort signal interrupted returns {@link GenerationResult.Cancelled}. A provider
 * failure throws {@link ProviderException}, classified; the provider may already have done (and billed)
 * the work when a transient error is reported. Safe for concurrent use.
 */
public interface ProviderAdapter {
  /** {@return the API kind this adapter speaks} */
  String apiKind();

  GenerationResult generate(LlmRequest request, ProviderCall call) throws ProviderException;

  CompactionResult compact(CompactionRequest request, ProviderCall call) throws ProviderException;
}
