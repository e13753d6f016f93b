package dev.lightspeed.api.skills;

import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code session/skills/deactivate}: the skill taken out and the skills still active. */
public record SkillDeactivateResponse(String skillId, List<SkillActivationView> active) {
  public SkillDeactivateResponse {
    Fields.required(skillId, "skillId");
    active = Fields.listOrEmpty(active, "active");
  }
}
