package dev.lightspeed.api.skills;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code session/skills/active}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SkillActiveParams(String sessionId) {
  public SkillActiveParams {
    Fields.required(sessionId, "sessionId");
  }
}
