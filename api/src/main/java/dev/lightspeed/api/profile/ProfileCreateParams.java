package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code profiles/create}: a new profile; an id already in use is a conflict. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProfileCreateParams(AgentProfileInput profile) {
  public ProfileCreateParams {
    Fields.required(profile, "profile");
  }
}
