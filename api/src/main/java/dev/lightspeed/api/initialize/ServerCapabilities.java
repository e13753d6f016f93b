package dev.lightspeed.api.initialize;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The contract's {@code ServerCapabilities}: which optional surfaces this server offers, so a client can
 * fall back (e.g. poll {@code session/read} when {@code eventLog} is false).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerCapabilities(boolean notifications, boolean historyRead, boolean localExecution, boolean eventLog) {}
