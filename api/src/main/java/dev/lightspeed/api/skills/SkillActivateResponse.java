package dev.lightspeed.api.skills;

import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code session/skills/activate}: the new activation and every active skill after it. */
public record SkillActivateResponse(SkillActivationView activation, List<SkillActivationView> active) {
  public SkillActivateResponse {
    Fields.required(activation, "activation");
    active = Fields.listOrEmpty(active, "active");
  }
}
