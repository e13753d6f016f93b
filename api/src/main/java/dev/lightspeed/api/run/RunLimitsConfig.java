package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code RunLimitsConfig}: per-run caps that override the session's limits for one run. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunLimitsConfig(Long maxTurns, Long maxToolRounds) {
  public RunLimitsConfig {
    Fields.unsigned(maxTurns, "maxTurns");
    Fields.unsigned(maxToolRounds, "maxToolRounds");
  }
}
