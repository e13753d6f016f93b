package dev.lightspeed.api.skills;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code session/skills/list}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SkillListParams(String sessionId) {
  public SkillListParams {
    Fields.required(sessionId, "sessionId");
  }
}
