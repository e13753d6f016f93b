/** Provider configuration from the environment: base URLs, rotating API keys, extra headers. */
package dev.lightspeed.llm.config;
