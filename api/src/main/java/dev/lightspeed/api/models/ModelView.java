package dev.lightspeed.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code ModelView}: one model a provider offers, as discovered at {@code fetchedAtMs}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelView(
    String providerId,
    String apiKind,
    String model,
    String displayName,
    ModelCapabilitiesView capabilities,
    ModelSource source,
    long fetchedAtMs,
    Long createdAtMs) {
  public ModelView {
    Fields.required(providerId, "providerId");
    Fields.required(apiKind, "apiKind");
    Fields.required(model, "model");
    Fields.required(displayName, "displayName");
    Fields.required(capabilities, "capabilities");
    Fields.required(source, "source");
  }
}
