/**
 * The {@code anthropic:messages} adapter: renders context entries as Messages API system blocks, role-merged
 * messages and tools, streams the answer, and turns each content block into a context item whose blob is
 * the block as the provider sent it (or as assembled from its stream deltas).
 */
package dev.lightspeed.llm.anthropic;
