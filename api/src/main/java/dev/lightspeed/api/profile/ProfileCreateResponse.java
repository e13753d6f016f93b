package dev.lightspeed.api.profile;

import dev.lightspeed.api.Fields;

/** Result of {@code profiles/create}: the stored profile at its first revision. */
public record ProfileCreateResponse(AgentProfile profile) {
  public ProfileCreateResponse {
    Fields.required(profile, "profile");
  }
}
