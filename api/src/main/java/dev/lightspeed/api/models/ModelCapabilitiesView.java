package dev.lightspeed.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** The contract's {@code ModelCapabilitiesView}: what is known about a model's limits; absent means unknown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCapabilitiesView(
    Long maxInputTokens, Long maxOutputTokens, Boolean parallelToolUse, List<String> reasoningEfforts) {
  /** Nothing known. */
  public static final ModelCapabilitiesView UNKNOWN = new ModelCapabilitiesView(null, null, null, null);

  public ModelCapabilitiesView {
    Fields.unsigned(maxInputTokens, "maxInputTokens");
    Fields.unsigned(maxOutputTokens, "maxOutputTokens");
    reasoningEfforts = Fields.optionalList(reasoningEfforts, "reasoningEfforts");
  }
}
