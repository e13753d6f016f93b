/**
 * LLM provider adapters behind the engine's LLM port: one adapter per API kind, the retrying service, and
 * the provider error model.
 */
package dev.lightspeed.llm;
