package dev.lightspeed.api.profile;

import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code profiles/list}: a summary of every profile of the universe, by id. */
public record ProfileListResponse(List<AgentProfileSummary> profiles) {
  public ProfileListResponse {
    profiles = Fields.listOrEmpty(profiles, "profiles");
  }
}
