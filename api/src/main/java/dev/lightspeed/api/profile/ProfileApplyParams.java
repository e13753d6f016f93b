package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code session/profiles/apply}: the profile to apply to an open, idle session. Pass the session's
 * current {@code configRevision} (and tools revision) so a concurrent change is a conflict, not overwritten.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileApplyParams(String sessionId, ProfileSource profile, Long expectedConfigRevision, Long expectedToolsRevision) {
  public ProfileApplyParams {
    Fields.required(sessionId, "sessionId");
    Fields.required(profile, "profile");
    Fields.unsigned(expectedConfigRevision, "expectedConfigRevision");
    Fields.unsigned(expectedToolsRevision, "expectedToolsRevision");
  }

  /** {@return params applying {@code profile} without revision guards} */
  public static ProfileApplyParams of(String sessionId, ProfileSource profile) {
    return new ProfileApplyParams(sessionId, profile, null, null);
  }
}
