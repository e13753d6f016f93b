/**
 * A fake LLM provider for adapter tests: {@link dev.lightspeed.testkit.provider.FakeProviderServer} serves
 * queued {@link dev.lightspeed.testkit.provider.FakeResponse}s over real HTTP on loopback and records what
 * each test sent. Responses come from the recorded traffic in {@code shared/fixtures/providers}
 * ({@link dev.lightspeed.testkit.provider.Fixtures}) or from scripts that write the OpenAI Responses, OpenAI
 * Chat Completions and Anthropic Messages wire formats ({@code ResponsesScript}, {@code ChatScript},
 * {@code AnthropicScript}, plus {@code OpenAiErrors}, {@code AnthropicErrors} and {@code ModelLists}).
 */
package dev.lightspeed.testkit.provider;
