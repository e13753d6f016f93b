/**
 * Web access for the model: {@link dev.lightspeed.tools.web.WebFetch} ({@code web_fetch}, run by the harness
 * behind an SSRF guard) and {@link dev.lightspeed.tools.web.WebSearch} ({@code web_search}, the provider's own
 * search tool passed through as a native spec). A session gets them through {@code features.web} in its config
 * ({@link dev.lightspeed.tools.web.WebFeature}); {@link dev.lightspeed.tools.web.WebTools} derives the specs.
 */
package dev.lightspeed.tools.web;
