package dev.lightspeed.api.skills;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code session/skills/deactivate}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SkillDeactivateParams(String sessionId, String skillId) {
  public SkillDeactivateParams {
    Fields.required(sessionId, "sessionId");
    Fields.required(skillId, "skillId");
  }
}
