/**
 * The {@code openai:completions} adapter: OpenAI Chat Completions and the OpenAI-compatible servers that
 * speak it. {@link OpenAiCompletionsAdapter} is the entry point; the rest (request building, message
 * rendering, stream folding) is package-private.
 */
package dev.lightspeed.llm.openai.completions;
