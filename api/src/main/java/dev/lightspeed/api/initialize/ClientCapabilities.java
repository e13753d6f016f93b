package dev.lightspeed.api.initialize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The contract's {@code ClientCapabilities}: opt-ins the client declares; {@code experimentalApi} defaults to false. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientCapabilities(boolean experimentalApi) {}
