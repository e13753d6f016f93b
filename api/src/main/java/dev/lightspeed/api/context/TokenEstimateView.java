package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code TokenEstimateView}: how many tokens an entry costs, and how sure that count is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenEstimateView(long tokens, TokenEstimateQualityView quality) {
  public TokenEstimateView {
    Fields.unsigned(tokens, "tokens");
    Fields.required(quality, "quality");
  }
}
