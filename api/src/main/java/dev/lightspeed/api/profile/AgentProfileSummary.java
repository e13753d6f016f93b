package dev.lightspeed.api.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code AgentProfileSummary}: one line of {@code profiles/list}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentProfileSummary(String profileId, String displayName, String description, long revision, long updatedAtMs) {
  public AgentProfileSummary {
    Fields.required(profileId, "profileId");
    Fields.unsigned(revision, "revision");
  }
}
