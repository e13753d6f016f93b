/**
 * The OpenAI Responses adapter ({@code openai:responses}): streamed {@code POST /responses} for generations,
 * {@code POST /responses/compact} for standalone compactions. Output items are stored exactly as the
 * provider sent them and replayed byte for byte; see {@code docs/LLM-ADAPTERS.md}.
 */
package dev.lightspeed.llm.openai.responses;
