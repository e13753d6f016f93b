package dev.lightspeed.api.profile;

import dev.lightspeed.api.Fields;

/** Result of {@code profiles/put}: the profile as stored, with its new revision. */
public record ProfilePutResponse(AgentProfile profile) {
  public ProfilePutResponse {
    Fields.required(profile, "profile");
  }
}
