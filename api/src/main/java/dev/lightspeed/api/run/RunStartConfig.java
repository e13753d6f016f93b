package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.models.ModelConfig;

/**
 * The contract's {@code RunStartConfig}: overrides for one run. {@code generation} ({@code GenerationConfig}:
 * output cap, reasoning effort, tool choice, processing tier; closed to unknown members) stays a tree the
 * server validates as it does the session config's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStartConfig(ModelConfig model, ObjectNode generation, RunLimitsConfig limits) {}
