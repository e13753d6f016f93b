/** HTTP plumbing shared by the adapters: the SSE reader, the cancellable HTTP call, error classification. */
package dev.lightspeed.llm.http;
