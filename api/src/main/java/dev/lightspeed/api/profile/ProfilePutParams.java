package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code profiles/put}: the whole profile, created or replaced. Pass the {@code expectedRevision} of
 * a read so a concurrent writer's change is never silently overwritten; it is checked only when the profile
 * exists, and without it the put replaces unconditionally.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfilePutParams(AgentProfileInput profile, Long expectedRevision) {
  public ProfilePutParams {
    Fields.required(profile, "profile");
    Fields.unsigned(expectedRevision, "expectedRevision");
  }
}
