package dev.lightspeed.api.profile;

import dev.lightspeed.api.Fields;

/** Result of {@code profiles/delete}: the profile as it was; sessions made from it keep what it gave them. */
public record ProfileDeleteResponse(AgentProfile profile) {
  public ProfileDeleteResponse {
    Fields.required(profile, "profile");
  }
}
