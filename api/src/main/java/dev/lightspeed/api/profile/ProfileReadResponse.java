package dev.lightspeed.api.profile;

import dev.lightspeed.api.Fields;

/** Result of {@code profiles/read}: the whole profile and its current revision. */
public record ProfileReadResponse(AgentProfile profile) {
  public ProfileReadResponse {
    Fields.required(profile, "profile");
  }
}
