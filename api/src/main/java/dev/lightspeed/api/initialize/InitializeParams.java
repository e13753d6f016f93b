package dev.lightspeed.api.initialize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Params of {@code initialize}: optional client identity and capabilities. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitializeParams(ClientInfo clientInfo, ClientCapabilities capabilities) {}
