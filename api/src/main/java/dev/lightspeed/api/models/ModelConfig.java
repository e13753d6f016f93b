package dev.lightspeed.api.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code ModelConfig}: which provider, API and model a session or run generates with. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(String providerId, String apiKind, String model) {
  public ModelConfig {
    Fields.required(providerId, "providerId");
    Fields.required(apiKind, "apiKind");
    Fields.required(model, "model");
  }
}
