package dev.lightspeed.api.skills;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Params of {@code session/skills/activate}; the scope defaults to the next run. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkillActivateParams(String sessionId, String skillId, SkillActivationScope scope) {
  public SkillActivateParams {
    Fields.required(sessionId, "sessionId");
    Fields.required(skillId, "skillId");
    if (scope == null) scope = SkillActivationScope.RUN;
  }
}
