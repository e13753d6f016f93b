/**
 * A tiny immutable JSON model with a strict parser and one canonical writer. The engine's fingerprints,
 * event payloads and config documents all go through {@link dev.lightspeed.engine.json.CanonicalJson}, so
 * the same value always yields the same bytes.
 */
package dev.lightspeed.engine.json;
